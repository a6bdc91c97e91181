/**
 * "The bell rings" benchmark (DESIGN.md budget: 1,500 students launch within 60 s and autosave every 10 s: zero
 * errors, API p95 < 100 ms). The tool runs as its own process, as in production; this process plays the platform
 * and the students: student i launches at i * 60 s / N (open loop: a slow tool does not slow the arrivals), loads
 * the plan as the student home does (GET /api/session, GET /api/plans/me), then saves the reflections section
 * every 10 s (a growing text, with the version of its last save) until the end of the run.
 * Usage: npx tsx bench/bell-rings.ts [students=1500] [arrivalSeconds=60] [runSeconds=120];
 * writes docs/benchmarks/bell-rings.md.
 */
import os from 'node:os';
import { percentile, startBenchTool, timedLaunch, writeReport, type BenchTool } from './support/tool-process';

const STUDENTS = Number(process.argv[2] ?? 1500);
const ARRIVAL_S = Number(process.argv[3] ?? 60);
const RUN_S = Number(process.argv[4] ?? 120);
const AUTOSAVE_S = 10;
const PER_COURSE = 30;

type Kind = 'launch' | 'GET /api/session' | 'GET /api/plans/me' | 'PUT /api/plans/me/sections/reflections';
const times = new Map<Kind, number[]>();
const errors = new Map<string, number>();
function record(kind: Kind, ms: number): void {
  const list = times.get(kind) ?? [];
  list.push(ms);
  times.set(kind, list);
}
const fail = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));

async function api(bench: BenchTool, kind: Kind, token: string, body?: unknown): Promise<unknown> {
  const [method, url] = kind.split(' ') as [string, string];
  const t = performance.now();
  try {
    const res = await fetch(`${bench.baseUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json: unknown = await res.json();
    record(kind, performance.now() - t);
    if (!res.ok) fail(`${kind}: ${res.status}`);
    return res.ok ? json : null;
  } catch (err) {
    fail(`${kind}: ${(err as Error).message}`);
    return null;
  }
}

async function student(bench: BenchTool, i: number, start: number): Promise<void> {
  await sleepUntil(start + (i * ARRIVAL_S * 1000) / STUDENTS);
  const launched = await timedLaunch(bench, i, Math.floor(i / PER_COURSE));
  record('launch', launched.toolMs);
  if (!launched.ok || !launched.sessionToken) {
    fail('launch');
    return;
  }
  const token = launched.sessionToken;
  await api(bench, 'GET /api/session', token);
  const plan = (await api(bench, 'GET /api/plans/me', token)) as { sections?: { reflections?: { version: number } } } | null;
  let version = plan?.sections?.reflections?.version ?? 0;
  let text = '';
  for (let save = 1; ; save += 1) {
    const at = performance.now() + AUTOSAVE_S * 1000;
    if (at > start + RUN_S * 1000) return;
    await sleepUntil(at);
    text += `Sentence ${save} of what I learned this week. `;
    const saved = (await api(bench, 'PUT /api/plans/me/sections/reflections', token, {
      version,
      data: { whoAmI: text, whereAmIGoing: '', whatDoINeed: '', nextSteps: '' },
    })) as { version: number } | null;
    if (saved) version = saved.version;
  }
}

async function main(): Promise<void> {
  const bench = await startBenchTool();
  const start = performance.now();
  await Promise.all(Array.from({ length: STUDENTS }, (_, i) => student(bench, i, start)));
  const wall = (performance.now() - start) / 1000;

  const rows = [...times.entries()].map(([kind, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const p = (q: number) => percentile(sorted, q).toFixed(1);
    return `| ${kind} | ${list.length} | ${p(50)} | ${p(95)} | ${p(99)} | ${sorted.at(-1)?.toFixed(1)} |`;
  });
  const apiTimes = [...times.entries()].filter(([k]) => k !== 'launch').flatMap(([, l]) => l).sort((a, b) => a - b);
  const errorRows = [...errors.entries()].map(([what, n]) => `| ${what} | ${n} |`);
  const report = `# The bell rings

Measured by \`npx tsx bench/bell-rings.ts ${STUDENTS} ${ARRIVAL_S} ${RUN_S}\` on ${new Date().toISOString().slice(0, 10)}
(${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'cpu'}), ${wall.toFixed(0)} s. Three processes share the cores: the
tool (\`dist/server/index.js\`, one process), MongoDB (the mongod stand-in) and this benchmark (the platform
simulator signing every id_token, and the students).

${STUDENTS} students launch from the LMS over ${ARRIVAL_S} s (${(STUDENTS / ARRIVAL_S).toFixed(0)} launches/s, in ${Math.ceil(STUDENTS / PER_COURSE)} courses),
load the plan as the student home does, then autosave their reflections every ${AUTOSAVE_S} s until ${RUN_S} s: at full
load ${(STUDENTS / AUTOSAVE_S).toFixed(0)} saves/s. Arrivals are open loop: a slow tool does not slow them down. Times are what the
student's browser waits for each request; a launch is the tool's two requests (login initiation, id_token).

| request | count | p50 ms | p95 ms | p99 ms | max ms |
|---|---|---|---|---|---|
${rows.join('\n')}
| all API requests | ${apiTimes.length} | ${percentile(apiTimes, 50).toFixed(1)} | ${percentile(apiTimes, 95).toFixed(1)} | ${percentile(apiTimes, 99).toFixed(1)} | ${apiTimes.at(-1)?.toFixed(1)} |

Errors: ${errors.size ? `\n\n| what | count |\n|---|---|\n${errorRows.join('\n')}` : 'none.'}

Budget (DESIGN.md): zero errors, API p95 < 100 ms.
`;
  writeReport('bell-rings', report);
  await bench.stop();
  process.exit(errors.size ? 1 : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
