// Enforces the layout's import rules (docs/ARCHITECTURE.md): web/ and common/ never import server/;
// server/platform/ never imports a module; a module uses another only through its index.ts;
// engines and *.rules.ts import no framework and do no I/O.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const IO = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|tls)$|^(fastify|@fastify\/|pg$|@electric-sql\/|drizzle-orm|react)/;

function files(dir) {
  let out = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules') out = out.concat(files(p)); }
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

const problems = [];
for (const file of [...files('server'), ...files('common'), ...files('web')]) {
  const text = readFileSync(join(root, file), 'utf8');
  const isTest = /\.test\.tsx?$/.test(file);
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    const spec = m[1];
    const target = spec.startsWith('.') ? relative(root, resolve(root, dirname(file), spec)) : null;
    const say = (rule) => problems.push(`${file}: imports ${spec} — ${rule}`);
    if ((file.startsWith('web/') || file.startsWith('common/')) && target?.startsWith('server/')) say('web/ and common/ never import server/');
    if (file.startsWith('server/platform/') && target?.startsWith('server/modules/')) say('platform/ knows no module');
    const mod = file.match(/^server\/modules\/([^/]+)\//)?.[1];
    const targetMod = target?.match(/^server\/modules\/([^/]+)\/(.+)$/);
    if (mod && targetMod && targetMod[1] !== mod && targetMod[2] !== 'index.ts') say('use another module only through its index.ts');
    const pure = /\/engine\//.test(file) && !/\/engine\/(worker|pool)[^/]*\.ts$/.test(file) || /\.rules\.ts$/.test(file);
    if (pure && !isTest && IO.test(spec)) say('engines and rules import no framework and do no I/O');
  }
}
if (problems.length) {
  process.stderr.write(`Layout rules broken:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('Layout rules hold.\n');
