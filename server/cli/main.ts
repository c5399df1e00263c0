/** Entry point of the `tansiq` command (bin/tansiq.js). Bad input exits 2 with a message, never a stack. */
import { CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { DatabaseLockedError } from '../platform/db/client.ts';
import { CliError } from './cli-error.ts';
import { buildProgram } from './program.ts';

// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // commander has printed its message (or the help) already.
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof CliError || err instanceof ConfigError || err instanceof DatabaseLockedError) {
    process.stderr.write(`tansiq: ${err.message}\n`);
    process.exitCode = err instanceof CliError ? err.exitCode : 2;
  } else {
    process.stderr.write(`tansiq: unexpected error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  }
}
