import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crowdPlanJsonSchema } from './crowd-plan.ts';

describe('tansiq crowd-plan', () => {
  it('docs/crowd-plan.schema.json is the JSON Schema generated from the contract', () => {
    const docs = JSON.parse(readFileSync(new URL('../../docs/crowd-plan.schema.json', import.meta.url), 'utf8'));
    expect(docs).toEqual(JSON.parse(JSON.stringify(crowdPlanJsonSchema())));
  });
});
