/**
 * Name screening: accuracy on held-out transliteration data, the nomenklatura name benchmark, and speed
 * (100,000 people against a 50,000-entry list; single-person latency).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DATE_ADJUSTMENT } from '../server/modules/vetting/engine/dates.ts';
import { buildIndex, compareNamesPlain, DEFAULT_THRESHOLD, knowledgeSize, prepareName, preparePerson, screenPrepared } from '../server/modules/vetting/engine/index.ts';
import { NATIONALITY_ADJUSTMENT } from '../server/modules/vetting/engine/screen.ts';
import { screenBatch } from '../server/modules/vetting/engine/worker-pool.ts';
import type { BenchSection } from './run.ts';
import { buildEvaluationSet, DATA_DIR, DEFAULT_MIN_SPELLING_SHARE, PROBE_KINDS } from './screening/dataset.ts';
import { evaluate } from './screening/evaluate.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const pct2 = (x: number) => `${(x * 100).toFixed(2)} %`;

/** nomenklatura's labelled pairs (Person schema), names only. */
export function nomenklaturaBenchmark(thresholds = [0.5, 0.7, 0.85]): { n: number; rows: { threshold: number; precision: number; recall: number }[] } {
  const rows = parse(readFileSync(join(DATA_DIR, 'nomenklatura/name_bench_cases.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const cases = rows.filter((r) => r.schema === 'Person').map((r) => ({ score: compareNamesPlain(prepareName(r.name1 ?? ''), prepareName(r.name2 ?? '')).score, match: r.is_match === 'true' }));
  return {
    n: cases.length,
    rows: thresholds.map((t) => {
      const tp = cases.filter((c) => c.match && c.score >= t).length;
      const fp = cases.filter((c) => !c.match && c.score >= t).length;
      const pos = cases.filter((c) => c.match).length;
      return { threshold: t, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp / pos };
    }),
  };
}

export async function run(): Promise<BenchSection> {
  const t = DEFAULT_THRESHOLD;
  const set = buildEvaluationSet({ split: 'test', entries: 50_000, probesPerKind: 2000, negatives: 90_000 });
  const names = set.entries.reduce((s, e) => s + e.names.length, 0);
  let t0 = performance.now();
  const index = buildIndex(set.entries);
  const buildMs = performance.now() - t0;

  // Accuracy: all probes, the first 20,000 non-matching people.
  const acc = evaluate({ ...set, negatives: set.negatives.slice(0, 20_000) }, t, index);
  // The original class definition (every rendering seen twice is a spelling), for comparison.
  const orig = buildEvaluationSet({ split: 'test', entries: 50_000, probesPerKind: 2000, negatives: 20_000, minSpellingShare: 0 });
  const accOrig = evaluate(orig, t);

  // Single-person latency (in this thread, index built).
  const sample = [...set.probes.filter((_, i) => i % 5 === 0).map((p) => p.withEvidence), ...set.negatives.slice(0, 2000).map((n) => n.withEvidence)];
  const lat: number[] = [];
  for (const p of sample) {
    const s = performance.now();
    screenPrepared(index, preparePerson(p));
    lat.push(performance.now() - s);
  }
  lat.sort((a, b) => a - b);
  const q = (f: number) => lat[Math.min(lat.length - 1, Math.floor(f * lat.length))] ?? 0;

  // Throughput: 100,000 people across 2 worker threads (includes each worker building its index).
  const people = [...set.probes.map((p) => p.withEvidence), ...set.negatives.map((n) => n.withEvidence)].slice(0, 100_000);
  const load0 = loadavg()[0] ?? 0;
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const results = await screenBatch(set.entries, people, { workers: 2, threshold: t });
  const batchS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const batchCpuS = (cpu.user + cpu.system) / 1e6;
  const load1 = loadavg()[0] ?? 0;
  const flagged = results.filter((h) => h.length > 0).length;

  const nk = nomenklaturaBenchmark();
  const ok = (good: boolean) => (good ? 'yes' : '**no**');
  const rN = acc.recallNameOnly;
  const rE = acc.recallWithEvidence;
  const md = `
Engine: \`server/modules/vetting/engine/\` (see docs/name-screening.md). Knowledge: ${knowledgeSize} Arabic name parts learned from the
**training** splits only. Evaluation data synthesised from the **held-out test** splits (netranslit \`wd_arabic_20\`, pairs seen ≥ 2 times;
google-ar2en \`ar2en-test\`): ${set.vocabSize} name parts, none of whose Latin spellings the engine has seen. Synthetic list: ${set.entries.length} entries,
${names} names (30 % in Arabic script only, half of the Latin ones with an order-variant alias), birth date (exact, year only or a ±2-year range)
and nationality each. Default threshold **${t.toFixed(2)}**. Score: the name score plus the evidence adjustments (full birth date agreeing
+${DATE_ADJUSTMENT.exact.toFixed(2)}, same year +${DATE_ADJUSTMENT['same-year'].toFixed(2)}, a year inside a list's range +${DATE_ADJUSTMENT['in-range'].toFixed(2)} divided by the range's width,
same nationality +${NATIONALITY_ADJUSTMENT.match.toFixed(2)}; different year ${DATE_ADJUSTMENT['different-year'].toFixed(2)}, different nationality ${NATIONALITY_ADJUSTMENT.different.toFixed(2)}); the list names scored for an
applicant are ranked by shared name keys plus these adjustments, so namesakes whose birth date and nationality agree are scored first.

### Accuracy at the default threshold

| Applicants (${acc.probes / PROBE_KINDS.length} per class) | recall, name only | recall, with birth date + nationality | target |
|---|---|---|---|
| Latin spelling variants (another held-out spelling of the same Arabic name) | ${pct(rN['latin-variant'])} | ${pct(rE['latin-variant'])} | ≥ 99 % |
| Typos (1–2 edits, order swaps) | ${pct(rN.typo)} | ${pct(rE.typo)} | ≥ 99 % |
| Arabic-script applicant vs Latin list entry | ${pct(rN['arabic-to-latin'])} | ${pct(rE['arabic-to-latin'])} | ≥ 98 % |
| Latin applicant vs Arabic-script list entry | ${pct(rN['latin-to-arabic'])} | ${pct(rE['latin-to-arabic'])} | ≥ 98 % |
| Missing / extra parts, particles (al-, bin, ibn) | ${pct(rN['parts-particles'])} | ${pct(rE['parts-particles'])} | — |

Class definition: a Latin rendering counts as a *spelling* of an Arabic part only if it accounts for at least
${DEFAULT_MIN_SPELLING_SHARE * 100} % of that part's occurrences in the split (the most frequent always counts); rarer renderings are mostly
another name that Arabic script merges (Johns ↔ جونز: 5 of 1,981) or labelling errors, and were drawn as often as the
dominant spelling. The rule was fixed from the data, before looking at engine results; with the **original definition**
(every rendering seen twice), recall with birth date + nationality is: variants ${pct(accOrig.recallWithEvidence['latin-variant'])} (names only ${pct(accOrig.recallNameOnly['latin-variant'])}),
typos ${pct(accOrig.recallWithEvidence.typo)}, Arabic→Latin ${pct(accOrig.recallWithEvidence['arabic-to-latin'])} (${pct(accOrig.recallNameOnly['arabic-to-latin'])}), Latin→Arabic ${pct(accOrig.recallWithEvidence['latin-to-arabic'])} (${pct(accOrig.recallNameOnly['latin-to-arabic'])}),
parts/particles ${pct(accOrig.recallWithEvidence['parts-particles'])}; false alerts ${pct2(accOrig.falseAlertWithEvidence)} with evidence, ${pct(accOrig.falseAlertNameOnly)} names only.

Non-matching applicants (${acc.negatives}, built from the same held-out name parts, 25 % of parts drawn from the 40 most common ones) raising any hit:
**${pct2(acc.falseAlertWithEvidence)}** with birth date and nationality (target ≤ 0.1 %: ${ok(acc.falseAlertWithEvidence <= 0.001)}), ${pct(acc.falseAlertNameOnly)} on names alone.
Targets met: variants ${ok(rE['latin-variant'] >= 0.99)}, typos ${ok(rE.typo >= 0.99)}, Arabic→Latin ${ok(rE['arabic-to-latin'] >= 0.98)}, Latin→Arabic ${ok(rE['latin-to-arabic'] >= 0.98)}.

Precision / recall over thresholds (all classes pooled; precision computed for as many matching as non-matching applicants):

| threshold | recall (names) | false-alert rate (names) | precision (names) | recall (with evidence) | false-alert rate (with evidence) | precision (with evidence) |
|---|---|---|---|---|---|---|
${acc.curve.map((c) => `| ${c.threshold.toFixed(2)} | ${pct(c.recallNameOnly)} | ${pct(c.falseNameOnly)} | ${c.precisionNameOnly.toFixed(3)} | ${pct(c.recallWithEvidence)} | ${pct2(c.falseWithEvidence)} | ${c.precisionWithEvidence.toFixed(3)} |`).join('\n')}

### nomenklatura name benchmark (${nk.n} Person pairs, names only, no list statistics)

| threshold | precision | recall | OpenSanctions matcher (REFERENCE.md §7) |
|---|---|---|---|
${nk.rows.map((r) => `| ${r.threshold.toFixed(2)} | ${r.precision.toFixed(2)} | ${r.recall.toFixed(2)} | ${r.threshold === 0.5 ? '0.58 / 0.98' : r.threshold === 0.7 ? '0.76 / 0.82' : '0.93 / 0.60'} |`).join('\n')}

### Speed (this machine, shared with other jobs while measured)

| measure | value | target |
|---|---|---|
| index build, ${set.entries.length} entries / ${names} names | ${(buildMs / 1000).toFixed(1)} s | — |
| ${people.length} people, 2 worker threads (incl. index build in each worker) | **${batchS.toFixed(1)} s** (${flagged} people with hits); CPU ${batchCpuS.toFixed(1)} s, i.e. ${(batchCpuS / 2).toFixed(1)} s per core; load average ${load0.toFixed(1)} → ${load1.toFixed(1)} | < 30 s: ${ok(batchS < 30)} (aim ≤ 22 s) |
| one person, median / 95th / 99th percentile | ${q(0.5).toFixed(2)} / **${q(0.95).toFixed(2)}** / ${q(0.99).toFixed(2)} ms | p95 < 5 ms: ${ok(q(0.95) < 5)} |
`;
  return { title: 'Name screening', markdown: md };
}
