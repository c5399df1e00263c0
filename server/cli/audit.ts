import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { type AuditAnchor, auditHeadView, parseAuditAnchor, verifyAuditChain } from '../platform/audit.ts';
import { openDatabase } from '../platform/db/client.ts';
import { CliError } from './cli-error.ts';

/** Collects repeated `--anchor POSITION:HASH` options, refusing a malformed one (exit 2). */
function collectAnchor(text: string, anchors: AuditAnchor[]): AuditAnchor[] {
  const anchor = parseAuditAnchor(text);
  if (!anchor) throw new CliError(`--anchor: expected POSITION:HASH (a chain position and a 64-character hex hash, as \`tansiq audit head\` prints it), got "${text}"`);
  return [...anchors, anchor];
}

export function auditCommand(): Command {
  const audit = new Command('audit').description('The audit trail');
  audit
    .command('verify')
    .description(
      'Chain the entries waiting to be chained, then check the hash chain of the audit trail; exits 1 and names the first broken entry when it was tampered with',
    )
    .option(
      '--anchor <position:hash>',
      'an anchor kept outside Tansiq (from `tansiq audit head`, GET /api/audit/head or the log line "audit chain head"): the trail must still reach it with that hash; repeatable',
      collectAnchor,
      [] as AuditAnchor[],
    )
    .action(async (options: { anchor: AuditAnchor[] }) => {
      const database = await openDatabase(loadConfig());
      try {
        const verdict = await verifyAuditChain(database.db, { anchors: options.anchor });
        const waiting = verdict.pending ? `; ${verdict.pending} committed just now, waiting to be chained` : '';
        const anchors = options.anchor.length ? `, ${options.anchor.length} anchor${options.anchor.length > 1 ? 's' : ''} matched` : '';
        if (verdict.ok) process.stdout.write(`Audit trail intact: ${verdict.entries} entries${anchors}${waiting}.\n`);
        else if (verdict.reason === 'truncated') {
          process.stderr.write(`Audit trail BROKEN: it ends at chain position ${verdict.entries}, before the anchor at ${verdict.brokenPos} (entries at its end were removed)${waiting}.\n`);
          process.exitCode = 1;
        } else {
          const where = verdict.brokenPos === null ? '' : ` (chain position ${verdict.brokenPos})`;
          process.stderr.write(`Audit trail BROKEN at entry seq=${verdict.brokenSeq} (${verdict.reason.replace(/_/g, ' ')})${where}; ${verdict.entries} entries before it verified${waiting}.\n`);
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
  audit
    .command('head')
    .description('Print the last entry of the hash chain as an anchor (POSITION:HASH) to keep outside Tansiq; `audit verify --anchor` checks the trail against it later')
    .option('--json', 'print one JSON object')
    .action(async (options: { json?: boolean }) => {
      const database = await openDatabase(loadConfig());
      try {
        const view = await auditHeadView(database.db);
        const { head } = view;
        if (options.json) process.stdout.write(`${JSON.stringify(view)}\n`);
        else if (!head) process.stdout.write('The audit trail is empty.\n');
        else process.stdout.write(`${head.anchor}\n(entry seq=${head.seq} at ${head.at}; keep this line outside Tansiq)\n`);
      } finally {
        await database.close();
      }
    });
  return audit;
}
