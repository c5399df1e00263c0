import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HitDecisionKind, HitStatus } from '../../../common/contracts/vetting.ts';
import { decide, hitsToWithdraw, onFoundAgain, subjectState } from './vetting.rules.ts';

const A = 'officer-a';
const B = 'officer-b';

describe('decide', () => {
  it('a false positive clears an open or escalated hit', () => {
    expect(decide({ status: 'open', proposedBy: null }, 'false_positive', A)).toEqual({ ok: true, next: { status: 'false_positive', proposedBy: null } });
    expect(decide({ status: 'escalated', proposedBy: null }, 'false_positive', A)).toEqual({ ok: true, next: { status: 'false_positive', proposedBy: null } });
  });

  it('a possible match escalates an open hit, once', () => {
    expect(decide({ status: 'open', proposedBy: null }, 'possible_match', A)).toEqual({ ok: true, next: { status: 'escalated', proposedBy: null } });
    expect(decide({ status: 'escalated', proposedBy: null }, 'possible_match', A)).toEqual({ ok: false, reason: 'invalid_decision' });
  });

  it('four eyes: a confirmed match is proposed by one officer and confirmed only by another', () => {
    const proposed = decide({ status: 'open', proposedBy: null }, 'confirmed_match', A);
    expect(proposed).toEqual({ ok: true, next: { status: 'pending_confirmation', proposedBy: A } });
    if (!proposed.ok) throw new Error('unreachable');
    expect(decide(proposed.next, 'confirmed_match', A)).toEqual({ ok: false, reason: 'same_officer' });
    expect(decide(proposed.next, 'confirmed_match', B)).toEqual({ ok: true, next: { status: 'confirmed', proposedBy: A } });
  });

  it('an escalated hit can be proposed as a confirmed match too', () => {
    expect(decide({ status: 'escalated', proposedBy: null }, 'confirmed_match', B)).toEqual({ ok: true, next: { status: 'pending_confirmation', proposedBy: B } });
  });

  it('any other decision on a pending confirmation escalates it, whoever takes it', () => {
    for (const officer of [A, B]) {
      for (const d of ['false_positive', 'possible_match'] as const) {
        expect(decide({ status: 'pending_confirmation', proposedBy: A }, d, officer)).toEqual({ ok: true, next: { status: 'escalated', proposedBy: null } });
      }
    }
  });

  it('closed hits take no decision', () => {
    for (const status of ['false_positive', 'confirmed', 'withdrawn'] as const) {
      for (const d of ['false_positive', 'possible_match', 'confirmed_match'] as const) {
        expect(decide({ status, proposedBy: A }, d, B)).toEqual({ ok: false, reason: 'hit_closed' });
      }
    }
  });

  it('property: no sequence of decisions by a single officer ever confirms a match', () => {
    const decision = fc.constantFrom<HitDecisionKind>('false_positive', 'possible_match', 'confirmed_match');
    fc.assert(
      fc.property(fc.array(decision, { maxLength: 12 }), (decisions) => {
        let hit = { status: 'open' as HitStatus, proposedBy: null as string | null };
        for (const d of decisions) {
          const v = decide(hit, d, A);
          if (v.ok) hit = v.next;
        }
        return hit.status !== 'confirmed';
      }),
    );
  });

  it('property: a confirmed hit always had two different officers (proposer and confirmer)', () => {
    const step = fc.record({ d: fc.constantFrom<HitDecisionKind>('false_positive', 'possible_match', 'confirmed_match'), who: fc.constantFrom(A, B, 'officer-c') });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let hit = { status: 'open' as HitStatus, proposedBy: null as string | null };
        for (const { d, who } of steps) {
          const before = hit;
          const v = decide(hit, d, who);
          if (!v.ok) continue;
          hit = v.next;
          if (hit.status === 'confirmed' && (before.status !== 'pending_confirmation' || before.proposedBy === who)) return false;
        }
        return true;
      }),
    );
  });
});

describe('subjectState', () => {
  it('refused once a hit is confirmed, under review while any waits, cleared otherwise, pending without lists', () => {
    expect(subjectState(['false_positive', 'confirmed', 'open'], 1)).toBe('refused');
    expect(subjectState(['false_positive', 'pending_confirmation'], 1)).toBe('hit_under_review');
    expect(subjectState(['escalated'], 1)).toBe('hit_under_review');
    expect(subjectState(['false_positive', 'withdrawn'], 1)).toBe('cleared');
    expect(subjectState([], 2)).toBe('cleared');
    expect(subjectState([], 0)).toBe('pending');
  });
});

describe('re-screening', () => {
  it('the same entry content found again creates no duplicate', () => {
    expect(onFoundAgain([{ id: 'h1', entryId: 'e1', status: 'open' }], 'e1')).toEqual({ kind: 'skip' });
    expect(onFoundAgain([{ id: 'h1', entryId: 'e1', status: 'false_positive' }], 'e1')).toEqual({ kind: 'skip' });
  });

  it('a changed entry updates a waiting hit, reopens a cleared one as a new hit, and leaves a confirmed one', () => {
    expect(onFoundAgain([{ id: 'h1', entryId: 'e1', status: 'escalated' }], 'e2')).toEqual({ kind: 'update', hitId: 'h1' });
    expect(onFoundAgain([{ id: 'h1', entryId: 'e1', status: 'false_positive' }], 'e2')).toEqual({ kind: 'insert' });
    expect(onFoundAgain([{ id: 'h1', entryId: 'e1', status: 'confirmed' }], 'e2')).toEqual({ kind: 'skip' });
    expect(onFoundAgain([], 'e2')).toEqual({ kind: 'insert' });
  });

  it('withdraws waiting hits on removed entries and on changed entries that no longer match', () => {
    const known = [
      { id: 'removed', entryId: 'e1', status: 'open' as const, sourceRef: 'R1' },
      { id: 'changed-gone', entryId: 'e2', status: 'escalated' as const, sourceRef: 'R2' },
      { id: 'changed-still', entryId: 'e3', status: 'open' as const, sourceRef: 'R3' },
      { id: 'decided', entryId: 'e4', status: 'false_positive' as const, sourceRef: 'R1' },
      { id: 'untouched', entryId: 'e5', status: 'open' as const, sourceRef: 'R9' },
    ];
    expect(hitsToWithdraw(known, new Set(['R1']), new Set(['R2', 'R3']), new Set(['R3']))).toEqual(['removed', 'changed-gone']);
  });
});
