/**
 * Builds the name-variant knowledge of the screening engine from public transliteration pairs.
 *
 *   npx tsx scripts/build-name-variants.ts [DATA_DIR]
 *
 * Reads ONLY the training splits — netranslit `wd_arabic_64` (CC0) and google-ar2en `ar2en-train.txt`
 * (Apache-2.0) — so that the dev (`wd_arabic_16`, `ar2en-eval`) and test (`wd_arabic_20`, `ar2en-test`)
 * splits stay held out for tuning and evaluation. Writes
 * `server/modules/vetting/engine/data/name-variants.json`:
 *
 *   { arabic: { "<normalised Arabic part>": "rendering1|rendering2|…" }, … }
 *
 * Renderings are folded Latin, most frequent first, at most MAX_RENDERINGS per Arabic part. Pairs whose
 * consonant skeletons disagree too much (misaligned pairs in the mined data, e.g. محمد → "morocco") are dropped.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type AlignModelData, chunkString, emPass, LATIN_POSITIONAL } from '../server/modules/vetting/engine/align.ts';
import { osaDistance } from '../server/modules/vetting/engine/distance.ts';
import { arabicSkeletons, latinSkeleton } from '../server/modules/vetting/engine/skeleton.ts';
import { foldLatin, normalizeArabic } from '../server/modules/vetting/engine/text.ts';

const MAX_RENDERINGS = 6;
const dataDir = resolve(process.argv[2] ?? join(import.meta.dirname, '../../shared/data/names'));
const outFile = join(import.meta.dirname, '../server/modules/vetting/engine/data/name-variants.json');

/** The only files read: the training splits. */
export const TRAINING_FILES = ['netranslit/wd_arabic_64', 'google-ar2en/ar2en-train.txt'] as const;

const counts = new Map<string, Map<string, number>>();
/** Pairs kept, for the letter-level model (article split off when the Latin spelling has none). */
const alignPairs: { arabic: string; latin: string; weight: number }[] = [];
let read = 0;
let kept = 0;

function add(arabicRaw: string, latinRaw: string, count: number): void {
  read++;
  const ar = normalizeArabic(arabicRaw);
  const la = foldLatin(latinRaw);
  if (ar.length < 2 || la.length < 2) return;
  const sl = latinSkeleton(la);
  const close = arabicSkeletons(ar).some((sa) => osaDistance(sa, sl) <= Math.max(1, Math.floor(Math.max(sa.length, sl.length) * 0.4)));
  if (!close) return;
  kept++;
  const glued = /^(al|el)/.test(la);
  alignPairs.push({ arabic: ar.startsWith('ال') && ar.length >= 4 && !glued ? ar.slice(2) : ar, latin: la, weight: 1 + Math.log(count) });
  let m = counts.get(ar);
  if (!m) {
    m = new Map();
    counts.set(ar, m);
  }
  m.set(la, (m.get(la) ?? 0) + count);
}

for (const line of readFileSync(join(dataDir, TRAINING_FILES[0]), 'utf8').split('\n')) {
  const [latin, arabic, count] = line.split('\t');
  if (!latin || !arabic) continue;
  add(arabic.replace(/ /g, ''), latin, Number(count) || 1);
}
for (const line of readFileSync(join(dataDir, TRAINING_FILES[1]), 'utf8').split('\n')) {
  const [arabic, latin] = line.split('\t');
  if (!latin || !arabic) continue;
  add(arabic, latin, 1);
}

const arabic: Record<string, string> = {};
for (const key of [...counts.keys()].sort()) {
  const m = counts.get(key) as Map<string, number>;
  const ranked = [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_RENDERINGS);
  arabic[key] = ranked.map(([l]) => l).join('|');
}

/**
 * Letter-level model, learned by EM (forward–backward over every alignment of the pair): the
 * probability that an Arabic letter (by position for alef, waw, yeh, ʿayn, heh, teh marbuta) is written
 * as a Latin chunk of 0–3 letters, and that a Latin letter is written with no Arabic letter.
 * Starts from a uniform model (no hand-written table); operations below 1e-4 are dropped.
 */
function trainAlignModel(pairs: readonly { arabic: string; latin: string; weight: number }[], positional?: ReadonlySet<string>): AlignModelData {
  const init = [0.1, 0.5 / 26, 0.3 / 676, 0.1 / 17576];
  let table: Map<string, Map<number, number>> | undefined;
  const prob = (sym: string, chunk: number) => {
    if (!table) return sym === '_' ? 0.1 / 26 : (init[chunkString(chunk).length] as number);
    return table.get(sym)?.get(chunk) ?? 1e-7;
  };
  for (let iter = 0; iter < EM_ITERATIONS; iter++) {
    const c = emPass(pairs, prob, positional);
    let all = 0;
    for (const m of c.values()) for (const x of m.values()) all += x;
    const next = new Map<string, Map<number, number>>();
    for (const [sym, m] of c) {
      let tot = 0;
      for (const x of m.values()) tot += x;
      const norm = sym === '_' ? all : tot;
      const pm = new Map<number, number>();
      for (const [chunk, x] of m) if (x / norm >= 1e-5) pm.set(chunk, x / norm);
      next.set(sym, pm);
    }
    table = next;
  }
  const emit: AlignModelData['emit'] = {};
  for (const sym of [...(table as Map<string, Map<number, number>>).keys()].sort()) {
    const m = (table as Map<string, Map<number, number>>).get(sym) as Map<number, number>;
    const row: Record<string, number> = {};
    for (const [chunk, p] of [...m.entries()].sort((a, b) => b[1] - a[1])) if (p >= 1e-4) row[chunkString(chunk)] = Math.round(-Math.log(p) * 100) / 100;
    emit[sym] = row;
  }
  return { emit };
}
const EM_ITERATIONS = 8;
const align = trainAlignModel(alignPairs);

/**
 * Latin ↔ Latin model (spelling variants): the same EM over pairs of Latin renderings of the same Arabic
 * part in training (both directions), so that ou/u, ee/i, ph/f, c/k, silent h and final e are learned
 * with their frequencies.
 */
const latinPairs: { arabic: string; latin: string; weight: number }[] = [];
for (const m of counts.values()) {
  const ranked = [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_RENDERINGS);
  for (const [a, ca] of ranked)
    for (const [b, cb] of ranked) if (a !== b && a.length <= 20 && b.length <= 20) latinPairs.push({ arabic: a, latin: b, weight: 1 + Math.log(Math.min(ca, cb)) });
}
const latinAlign = trainAlignModel(latinPairs, LATIN_POSITIONAL);

const out = {
  about:
    'Generated by scripts/build-name-variants.ts from training splits only: netranslit wd_arabic_64 (CC0) and google-ar2en ar2en-train (Apache-2.0). See NOTICE.md.',
  trainingFiles: TRAINING_FILES,
  pairsRead: read,
  pairsKept: kept,
  arabic,
  align,
  latinAlign,
  latinPairs: latinPairs.length,
};
writeFileSync(outFile, `${JSON.stringify(out)}\n`);
const size = statSync(outFile).size;
process.stdout.write(
  `name-variants: ${Object.keys(arabic).length} Arabic parts, ${kept}/${read} pairs kept, ${(size / 1024).toFixed(0)} KiB → ${outFile}\n`,
);
