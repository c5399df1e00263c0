/**
 * The only file of the engine that uses worker_threads. In the main thread it exports `screenBatch`,
 * which spreads people over N workers; loaded as a worker it builds the list index once and screens the
 * chunks it is sent. The screening itself is the same pure code as in-process screening.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { screenPeople } from './screen.ts';
import type { Hit, PersonInput, ScreenOptions, WatchlistEntry } from './types.ts';
import { buildIndex } from './watchlist-index.ts';

interface WorkerInit {
  entries: WatchlistEntry[];
  options: ScreenOptions;
}
interface ChunkRequest {
  chunk: number;
  people: PersonInput[];
}
interface ChunkResult {
  chunk: number;
  hits: Hit[][];
}

export interface BatchOptions extends ScreenOptions {
  /** Number of worker threads (default: 2). */
  workers?: number;
  /** People per message to a worker (default 500). */
  chunkSize?: number;
  /** Called after each chunk with the number of people screened so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Screens people against a list across `workers` threads. Returns the hits of each person, in input
 * order — the same result as `screenPeople(buildIndex(entries), people)`.
 */
export async function screenBatch(entries: readonly WatchlistEntry[], people: readonly PersonInput[], options: BatchOptions = {}): Promise<Hit[][]> {
  const { workers: n = 2, chunkSize = 500, onProgress, ...screenOptions } = options;
  const results: Hit[][] = new Array(people.length);
  const chunks: PersonInput[][] = [];
  for (let i = 0; i < people.length; i += chunkSize) chunks.push(people.slice(i, i + chunkSize));
  if (chunks.length === 0) return [];
  const count = Math.max(1, Math.min(n, chunks.length));
  const url = new URL(import.meta.url);
  // Running from TypeScript sources (tsx, vitest): the worker registers tsx's loader, then loads this file.
  const fromSource = url.pathname.endsWith('.ts');
  const bootstrap = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  const init: WorkerInit = { entries: [...entries], options: screenOptions };
  let next = 0;
  let done = 0;
  const pool: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: count }, () => {
        const w = fromSource ? new Worker(bootstrap, { eval: true, workerData: init }) : new Worker(url, { workerData: init });
        pool.push(w);
        return new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= chunks.length) {
              resolve();
              return;
            }
            const chunk = next++;
            w.postMessage({ chunk, people: chunks[chunk] ?? [] } satisfies ChunkRequest);
          };
          w.on('message', (msg: ChunkResult) => {
            const start = msg.chunk * chunkSize;
            msg.hits.forEach((h, i) => {
              results[start + i] = h;
            });
            done += msg.hits.length;
            onProgress?.(done, people.length);
            send();
          });
          w.on('error', reject);
          w.on('exit', (code) => {
            if (code !== 0) reject(new Error(`screening worker exited with code ${code}`));
          });
          send();
        });
      }),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

if (!isMainThread && parentPort) {
  const { entries, options } = workerData as WorkerInit;
  const index = buildIndex(entries);
  const port = parentPort;
  port.on('message', (msg: ChunkRequest) => {
    port.postMessage({ chunk: msg.chunk, hits: screenPeople(index, msg.people, options) } satisfies ChunkResult);
  });
}
