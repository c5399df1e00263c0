import { describe, expect, it } from 'vitest';
import { runInWorker } from './worker-task.ts';

const TASKS = new URL('./worker-task.fixture.ts', import.meta.url);

describe('runInWorker', () => {
  it('runs a named export off the main thread and reports progress', async () => {
    const seen: number[] = [];
    const result = await runInWorker<{ n: number }, { sum: number; threadId: number }>(TASKS, 'sumTo', { n: 1000 }, (done) => seen.push(done));
    expect(result.sum).toBe(500_500);
    expect(result.threadId).not.toBe(0);
    expect(seen.at(-1)).toBe(1000);
  });

  it('rejects with the task error', async () => {
    await expect(runInWorker(TASKS, 'fail', {})).rejects.toThrow('bad scenario');
    await expect(runInWorker(TASKS, 'missing', {})).rejects.toThrow('has no export missing');
  });
});
