/**
 * Client bundle budget (DESIGN.md: student view JavaScript < 300 KB gzip on first load). Reads the production
 * build in dist/client (run `npm run build:client` first) and adds up, per role home and per plan screen, the
 * gzip size of every JavaScript file the browser must load: the entry, its modulepreloads and the static imports
 * of the lazily loaded chunks (dynamic imports are not followed). Writes docs/benchmarks/bundle.md.
 * Usage: npx tsx bench/bundle-size.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = path.resolve(__dirname, '../dist/client');
const ASSETS = path.join(DIST, 'assets');
const BUDGET_KB = 300;

const gz = (file: string) => gzipSync(readFileSync(path.join(ASSETS, file)), { level: 9 }).length;
/** Files a chunk imports statically (`import ... from "./x.js"` / `import "./x.js"`), transitively. */
function closure(start: string[], seen = new Set<string>()): Set<string> {
  for (const file of start) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(ASSETS, file), 'utf8');
    const deps = [...code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
    closure(deps, seen);
  }
  return seen;
}
const chunk = (prefix: string) => readdirSync(ASSETS).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));

function main(): void {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    process.stderr.write('dist/client is missing: run `npm run build:client` first.\n');
    process.exit(2);
  }
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/app\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const base = closure(entry);
  const kb = (files: Set<string>) => [...files].reduce((sum, f) => sum + gz(f), 0) / 1024;
  const rows: string[] = [];
  const row = (what: string, chunks: string[]) => {
    const files = closure(chunks, new Set(base));
    const total = kb(files);
    rows.push(`| ${what} | ${files.size} | ${total.toFixed(1)} | ${total < BUDGET_KB ? 'yes' : '**no**'} |`);
  };
  rows.push(`| entry (shell, before a role home) | ${base.size} | ${kb(base).toFixed(1)} | ${kb(base) < BUDGET_KB ? 'yes' : '**no**'} |`);
  for (const home of ['StudentHome', 'TeacherHome', 'AdminHome', 'ParentHome']) {
    const c = chunk(home);
    if (c) row(`${home} first load`, [c]);
  }
  const student = chunk('StudentHome');
  for (const screen of ['AcademicScreen', 'CareerScreen', 'PostsecondaryScreen', 'ExtracurricularScreen', 'GoalsScreen', 'PortfolioScreen', 'ReviewScreen', 'ActivityScreen']) {
    const c = chunk(screen);
    const shell = chunk('PlanShell');
    if (c && student) row(`student: overview then ${screen}`, [student, ...(shell ? [shell] : []), c]);
  }
  const report = `# Client bundle size

Measured by \`npx tsx bench/bundle-size.ts\` on ${new Date().toISOString().slice(0, 10)} from the production build
(\`npm run build:client\`), gzip level 9. "First load" is every JavaScript file the page needs for that view:
the entry with its modulepreloads, plus the lazily loaded chunks of the view and their static imports.

| view | JS files | gzip KB | under ${BUDGET_KB} KB |
|---|---|---|---|
${rows.join('\n')}

Budget (DESIGN.md): student view JavaScript < ${BUDGET_KB} KB gzip on first load. "Interactive in < 2 s on a
school Chromebook profile" is not measured here.
`;
  mkdirSync(path.resolve(__dirname, '../docs/benchmarks'), { recursive: true });
  writeFileSync(path.resolve(__dirname, '../docs/benchmarks/bundle.md'), report);
  process.stdout.write(report);
}

main();
