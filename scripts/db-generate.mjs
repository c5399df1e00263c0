// `npm run db:generate -- <set> [--name NAME] [--custom]`: writes the next SQL migration of one migration
// set (`platform`, or a module with `server/modules/<module>/<module>.schema.ts`) from its TypeScript
// schema. Each set has its own folder and journal, so modules never fight over one sequence.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const [set, ...rest] = process.argv.slice(2);
if (!set) {
  process.stderr.write('usage: npm run db:generate -- <platform|module> [--name NAME] [--custom]\n');
  process.exit(2);
}
const schema = set === 'platform' ? 'server/platform/db/schema/index.ts' : `server/modules/${set}/${set}.schema.ts`;
const out = set === 'platform' ? 'server/platform/db/migrations' : `server/modules/${set}/migrations`;
if (!existsSync(schema)) {
  process.stderr.write(`no schema file ${schema}\n`);
  process.exit(2);
}
execFileSync('npx', ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', schema, '--out', out, ...rest], { stdio: 'inherit' });
