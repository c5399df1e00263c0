import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { openDatabase } from '../platform/db/client.ts';

export function auditCommand(): Command {
  const audit = new Command('audit').description('The audit trail');
  audit
    .command('verify')
    .description('Check the hash chain of the audit trail; exits 1 and names the first broken entry when it was tampered with')
    .action(async () => {
      const database = await openDatabase(loadConfig());
      try {
        const verdict = await verifyAuditChain(database.db);
        if (verdict.ok) process.stdout.write(`Audit trail intact: ${verdict.entries} entries.\n`);
        else {
          process.stderr.write(`Audit trail BROKEN at entry seq=${verdict.brokenSeq} (${verdict.reason.replace(/_/g, ' ')}); ${verdict.entries} entries before it verified.\n`);
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });
  return audit;
}
