import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { openDatabase } from '../platform/db/client.ts';

export function auditCommand(): Command {
  const audit = new Command('audit').description('The audit trail');
  audit
    .command('verify')
    .description('Chain the entries waiting to be chained, then check the hash chain of the audit trail; exits 1 and names the first broken entry when it was tampered with')
    .action(async () => {
      const database = await openDatabase(loadConfig());
      try {
        const verdict = await verifyAuditChain(database.db);
        const waiting = verdict.pending ? `; ${verdict.pending} committed just now, waiting to be chained` : '';
        if (verdict.ok) process.stdout.write(`Audit trail intact: ${verdict.entries} entries${waiting}.\n`);
        else {
          const where = verdict.brokenPos === null ? '' : ` (chain position ${verdict.brokenPos})`;
          process.stderr.write(`Audit trail BROKEN at entry seq=${verdict.brokenSeq} (${verdict.reason.replace(/_/g, ' ')})${where}; ${verdict.entries} entries before it verified${waiting}.\n`);
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
  return audit;
}
