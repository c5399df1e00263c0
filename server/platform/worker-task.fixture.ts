// Tasks for worker-task.test.ts.
import { threadId } from 'node:worker_threads';
import type { Progress } from './worker-task.ts';

export function sumTo(input: { n: number }, progress: Progress) {
  let sum = 0;
  for (let i = 1; i <= input.n; i++) {
    sum += i;
    if (i % 100 === 0) progress(i, input.n);
  }
  return { sum, threadId };
}

export function fail(): never {
  throw new Error('bad scenario');
}
