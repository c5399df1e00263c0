import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash } from './audit.ts';

describe('audit hashing', () => {
  it('canonical JSON ignores key order at every depth', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('changes with any field', () => {
    const base = { seq: 1, id: 'x', at: new Date('2022-11-20T16:00:00.000Z'), actorType: 'user' as const, actorId: 'a', actorLabel: 'a@b', organisationId: null, action: 'x.y', subjectType: null, subjectId: null, outcome: 'success' as const, requestId: null, details: { a: 1 }, prevHash: '0'.repeat(64) };
    const h = entryHash(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash({ ...base, details: { a: 2 } })).not.toBe(h);
    expect(entryHash({ ...base, at: new Date('2022-11-20T16:00:00.001Z') })).not.toBe(h);
    expect(entryHash({ ...base, prevHash: '1'.repeat(64) })).not.toBe(h);
  });
});
