/** The `tansiq` command: one sub-command per file; each has --help. */
import { Command } from 'commander';
import { auditCommand } from './audit.ts';
import { crowdCommand } from './crowd.ts';
import { crowdPlanCommand } from './crowd-plan.ts';
import { migrateCommand } from './migrate.ts';
import { openapiCommand } from './openapi.ts';
import { screenCommand } from './screen.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { userCommand } from './user.ts';

export function buildProgram(): Command {
  const program = new Command('tansiq')
    .description('Tansiq — joint security coordination for mega sporting events')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const command of [serveCommand(), migrateCommand(), seedCommand(), userCommand(), auditCommand(), openapiCommand(), crowdCommand(), crowdPlanCommand(), screenCommand()]) {
    program.addCommand(command);
  }
  return program;
}
