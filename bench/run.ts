/**
 * `npm run bench`: runs every benchmark in bench/*.bench.ts and rewrites docs/benchmarks.md.
 * Each benchmark module exports `run(): Promise<BenchSection>`; sections are written in file-name order.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchSection {
  title: string;
  /** Markdown body: what was measured, how, the figures and the targets. */
  markdown: string;
}

const dir = new URL('.', import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const sections: BenchSection[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<BenchSection> };
  sections.push(await mod.run());
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const header = `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node.js ${process.version}, ${cpus().length} × ${cpu}.\nFigures are from one run on this machine; rerun to refresh.\n`;
const body = sections.map((s) => `\n## ${s.title}\n\n${s.markdown.trim()}\n`).join('');
if (only.length === 0) writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), header + body);
process.stdout.write(header + body);
