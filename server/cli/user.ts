import { Command } from 'commander';
import { and, eq } from 'drizzle-orm';
import { ROLE_NAMES, ROLES, type Role } from '../../common/permissions.ts';
import { NewPassword } from '../../common/contracts/platform.ts';
import { openPlatform } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { systemActor } from '../platform/access.ts';
import { organisations, venues } from '../platform/db/schema/index.ts';
import { AppError } from '../platform/errors.ts';
import { createUsersService } from '../modules/users/users.service.ts';
import { CliError } from './cli-error.ts';

export function userCommand(): Command {
  const user = new Command('user').description('Manage user accounts');
  user
    .command('create')
    .description('Create a user account (the password is read from TANSIQ_PASSWORD or prompted on stdin)')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--organisation <shortName>', "organisation's short name, e.g. MOI-SSOC or DGSN")
    .option('--role <role...>', `roles: ${ROLE_NAMES.join(', ')}`, [])
    .option('--venue <name>', 'venue for roles that need one (e.g. "Al Bayt Stadium")')
    .action(async (opts: { email: string; name: string; organisation: string; role: string[]; venue?: string }) => {
      const unknown = opts.role.filter((r) => !ROLE_NAMES.includes(r as Role));
      if (unknown.length) throw new CliError(`Unknown role(s): ${unknown.join(', ')}. Roles: ${ROLE_NAMES.join(', ')}`);
      const password = process.env.TANSIQ_PASSWORD ?? (await readLine('Password (at least 12 characters): '));
      if (!NewPassword.safeParse(password).success) throw new CliError('The password must be 12 to 200 characters long');
      const platform = await openPlatform(loadConfig({ ...process.env, SEED: 'never' }));
      try {
        const [org] = await platform.db.select().from(organisations).where(and(eq(organisations.shortName, opts.organisation), eq(organisations.operationId, platform.operationId)));
        if (!org) throw new CliError(`No organisation with short name ${opts.organisation}`);
        let venueId: string | null = null;
        if (opts.venue) {
          const [v] = await platform.db.select().from(venues).where(and(eq(venues.name, opts.venue), eq(venues.operationId, platform.operationId)));
          if (!v) throw new CliError(`No venue named ${opts.venue}`);
          venueId = v.id;
        }
        const roles = opts.role.map((r) => ({ role: r as Role, venueId: ROLES[r as Role].needsVenue ? venueId : null }));
        // The CLI acts as the system with the permission to manage users, and is audited as such.
        const actor = { ...systemActor('cli'), grants: [{ permission: 'user:manage' as const, scope: 'operation' as const, venueIds: [] }] };
        const created = await createUsersService(platform).create({ actor, requestId: null }, { email: opts.email.toLowerCase(), name: opts.name, organisationId: org.id, password, roles });
        process.stdout.write(`Created ${created.email} (${created.roles.map((r) => r.role).join(', ') || 'no roles'}) in ${org.name}.\n`);
      } catch (err) {
        if (err instanceof AppError) throw new CliError(err.detail);
        throw err;
      } finally {
        await platform.database.close();
      }
    });
  return user;
}

async function readLine(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  let data = '';
  for await (const chunk of process.stdin) {
    data += chunk;
    if (data.includes('\n')) break;
  }
  return data.split('\n')[0]?.trim() ?? '';
}
