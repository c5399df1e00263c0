// AssemblyScript entry point: every kernel the crowd engine runs in WebAssembly (see ../kernels.ts).
export { below, draw } from './random';
export { gateQueue, initBank } from './gate-queue';

/** Where memory free for the caller starts (after the static data of Math.log and Math.exp). */
export function heapBase(): usize {
  return __heap_base;
}
