// AssemblyScript entry point: every kernel the crowd engine runs in WebAssembly (see ../kernels.ts).
export { gateQueue, initBank } from './gate-queue';
export { selectByCounts, selectInPlace } from './percentile';
export { affine, below, draw, invertProfile } from './random';
export { accumulateFans, sweepMinutes } from './statistics';

/** Where memory free for the caller starts (after the static data of Math.log and Math.exp). */
export function heapBase(): usize {
  return __heap_base;
}
