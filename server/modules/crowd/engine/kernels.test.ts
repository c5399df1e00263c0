import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildKernelsModule, GENERATED } from '../../../../scripts/build-kernels.ts';
import { allocate, f64, kernels, releaseKernelMemory, reserve } from './kernels.ts';

const root = new URL('../../../../', import.meta.url);

describe('WebAssembly kernels', () => {
  it('the committed kernels.generated.ts is what the AssemblyScript sources in wasm/ compile to', async () => {
    expect(await buildKernelsModule()).toBe(readFileSync(new URL(GENERATED, root), 'utf8'));
  }, 60_000);

  it('hands out 8-byte aligned, zeroed blocks, one after the other', () => {
    const first = allocate({ a: 12, b: 16 });
    f64(first.a, 2).fill(7);
    f64(first.b, 2).fill(9);
    const { a, b } = allocate({ a: 12, b: 16 });
    expect([a % 8, b - a]).toEqual([0, 16]);
    expect(Array.from(f64(a, 2))).toEqual([0, 0]);
    expect(Array.from(f64(b, 2))).toEqual([0, 0]);
  });

  it('gives back memory after a large run and keeps working', () => {
    reserve(40 * 1024 * 1024);
    expect(kernels.memory.buffer.byteLength).toBeGreaterThan(40 * 1024 * 1024);
    releaseKernelMemory();
    expect(kernels.memory.buffer.byteLength).toBeLessThan(1024 * 1024);
    const { values } = allocate({ values: 8 * 5 });
    f64(values, 5).set([5, 1, 4, 2, 3]);
    expect(kernels.selectInPlace(values, 2, 0, 5)).toBe(3);
  });
});
