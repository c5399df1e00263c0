/**
 * Runs heavy pure compute (a simulation, a search) in a worker thread so the server's event loop never
 * blocks. A task is a named export of a module: `(input, progress) => output`, where `progress(done, total)`
 * reports how far it is. Works from TypeScript sources (the worker registers tsx's loader first).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export type Progress = (done: number, total: number) => void;
export type Task<I, O> = (input: I, progress: Progress) => O | Promise<O>;

interface TaskData {
  moduleUrl: string;
  exportName: string;
  input: unknown;
}

type Message = { kind: 'progress'; done: number; total: number } | { kind: 'result'; output: unknown } | { kind: 'error'; message: string };

const SELF = new URL(import.meta.url);
const FROM_SOURCE = SELF.pathname.endsWith('.ts');

/** Runs `exportName` of `moduleUrl` (pass `import.meta.url`-relative URLs) on `input` in a new worker thread. */
export function runInWorker<I, O>(moduleUrl: URL, exportName: string, input: I, onProgress?: Progress, options: { timeoutMs?: number } = {}): Promise<O> {
  const data: TaskData = { moduleUrl: moduleUrl.href, exportName, input };
  const worker = FROM_SOURCE
    ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(SELF.href)}); })`, { eval: true, workerData: data })
    : new Worker(SELF, { workerData: data });
  return new Promise<O>((resolve, reject) => {
    const timer = options.timeoutMs ? setTimeout(() => void worker.terminate().then(() => reject(new Error(`worker task ${exportName} timed out`))), options.timeoutMs) : null;
    const finish = () => {
      if (timer) clearTimeout(timer);
    };
    worker.on('message', (m: Message) => {
      if (m.kind === 'progress') onProgress?.(m.done, m.total);
      else if (m.kind === 'result') {
        finish();
        resolve(m.output as O);
        void worker.terminate();
      } else {
        finish();
        reject(new Error(m.message));
        void worker.terminate();
      }
    });
    worker.on('error', (err) => {
      finish();
      reject(err);
    });
    worker.on('exit', (code) => {
      finish();
      if (code !== 0) reject(new Error(`worker task ${exportName} exited with code ${code}`));
    });
  });
}

// Inside the worker: load the task, run it, post progress and the result.
if (!isMainThread && parentPort && (workerData as TaskData | undefined)?.exportName) {
  const { moduleUrl, exportName, input } = workerData as TaskData;
  const port = parentPort;
  let lastProgress = 0;
  const progress: Progress = (done, total) => {
    const now = Date.now();
    // At most ~20 progress messages a second: the main thread only shows them.
    if (now - lastProgress >= 50 || done === total) {
      lastProgress = now;
      port.postMessage({ kind: 'progress', done, total } satisfies Message);
    }
  };
  void (async () => {
    try {
      const mod = (await import(moduleUrl)) as Record<string, Task<unknown, unknown>>;
      const task = mod[exportName];
      if (typeof task !== 'function') throw new Error(`${moduleUrl} has no export ${exportName}`);
      port.postMessage({ kind: 'result', output: await task(input, progress) } satisfies Message);
    } catch (err) {
      port.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) } satisfies Message);
    }
  })();
}
