/**
 * Lists the evaluation cases the engine gets wrong, by class, on the DEV split (for tuning; never run
 * for tuning on the test split):
 *
 *   npx tsx bench/screening/failures.ts [dev] [entries] [probesPerKind] [negatives]
 *   EV=1 …   also lists the misses with birth date + nationality (the figures the targets count)
 *
 * Prints recall and false-alert rates, then the misses (applicant → expected list name, best hit) and
 * the false alerts with their explanation.
 */
import { explanationText } from '../../server/modules/vetting/engine/explain.ts';
import { preparePerson, screenPrepared } from '../../server/modules/vetting/engine/screen.ts';
import { buildIndex } from '../../server/modules/vetting/engine/watchlist-index.ts';
import { buildEvaluationSet, PROBE_KINDS, type Split } from './dataset.ts';
import { evaluate } from './evaluate.ts';

const [splitArg = 'dev', entriesArg = '20000', probesArg = '600', negArg = '6000'] = process.argv.slice(2);
const split = splitArg as Split;
if (split !== 'dev') process.stderr.write('warning: failure lists are for the dev split (tuning); the test split is for reporting only\n');
const set = buildEvaluationSet({ split, entries: Number(entriesArg), probesPerKind: Number(probesArg), negatives: Number(negArg), seed: 99, ...(process.env.MIN_SHARE ? { minSpellingShare: Number(process.env.MIN_SHARE) } : {}) });
const index = buildIndex(set.entries);
const r = evaluate(set, 0.7, index);
const f = (x: number) => (x * 100).toFixed(1);
for (const k of PROBE_KINDS) process.stdout.write(`${k}: name ${f(r.recallNameOnly[k])} ev ${f(r.recallWithEvidence[k])}\n`);
process.stdout.write(`false alerts: name ${f(r.falseAlertNameOnly)} % ev ${(r.falseAlertWithEvidence * 100).toFixed(2)} %\n`);
for (const c of r.curve) process.stdout.write(`  t=${c.threshold} rN ${f(c.recallNameOnly)} rE ${f(c.recallWithEvidence)} fN ${f(c.falseNameOnly)} fE ${(c.falseWithEvidence * 100).toFixed(2)}\n`);
if (process.env.QUIET) process.exit(0);
if (process.env.EV) {
  // EV=1: the misses with birth date + nationality (what the targets count), with the evidence outcomes.
  for (const k of PROBE_KINDS) {
    process.stdout.write(`\n## ${k} (misses with birth date + nationality)\n`);
    for (const probe of set.probes.filter((p) => p.kind === k)) {
      const hit = screenPrepared(index, preparePerson(probe.withEvidence), { threshold: 0.01, maxHits: 200 }).find((h) => h.entryId === probe.entryId);
      if (hit && hit.score >= 0.7) continue;
      const expected = set.entries.find((e) => e.id === probe.entryId)?.names[0]?.full ?? '';
      process.stdout.write(`  ${probe.withEvidence.fullName}  →  ${expected}\n      ${hit ? explanationText(hit.explanation) : 'not retrieved'}\n`);
    }
  }
}
for (const k of PROBE_KINDS) {
  const ms = r.misses.filter((m) => m.kind === k);
  if (ms.length === 0) continue;
  process.stdout.write(`\n## ${k} (${ms.length} misses, names only)\n`);
  for (const m of ms) {
    const probe = set.probes.find((p) => p.kind === k && p.nameOnly.fullName === m.name);
    const hit = probe ? screenPrepared(index, preparePerson(probe.nameOnly), { threshold: 0.01, maxHits: 200 }).find((h) => h.entryId === probe.entryId) : undefined;
    process.stdout.write(`  ${m.name}  →  ${m.expected}   [best: ${m.best ?? '-'} ${m.bestScore ?? ''}]\n      ${hit ? explanationText(hit.explanation) : 'not retrieved'}\n`);
  }
}
process.stdout.write(`\n## false alerts with evidence (${r.falseAlerts.length})\n`);
for (const n of set.negatives) {
  const hit = screenPrepared(index, preparePerson(n.withEvidence), { threshold: 0.7, maxHits: 1 })[0];
  if (hit) process.stdout.write(`  ${n.withEvidence.fullName} ~ ${hit.matchedName}  ${explanationText(hit.explanation)}\n`);
}
