/**
 * LTI launch benchmark (DESIGN.md budget: login + launch server time p95 < 50 ms with 50 concurrent launches
 * on 2 cores). Runs the tool as its own process (as in production), the platform simulator and 50 simulated
 * browsers in this one, and times the tool's two requests of each launch (login initiation, id_token launch).
 * Usage: npx tsx bench/launch.ts [launches=500] [concurrencies=1,10,50]; writes docs/benchmarks/launch.md.
 */
import os from 'node:os';
import { percentile, startBenchTool, timedLaunch, writeReport } from './support/tool-process';

const TOTAL = Number(process.argv[2] ?? 500);
const CONCURRENCIES = (process.argv[3] ?? '1,10,50').split(',').map(Number);

async function main(): Promise<void> {
  const bench = await startBenchTool();
  let errors = 0;
  async function oneLaunch(i: number): Promise<number> {
    const result = await timedLaunch(bench, i % 1500, i % 40);
    if (!result.ok) errors += 1;
    return result.toolMs;
  }
  await Promise.all(Array.from({ length: 20 }, (_, i) => oneLaunch(-1 - i))); // warm-up
  const rows: string[] = [];
  for (const concurrency of CONCURRENCIES) {
    const times: number[] = [];
    const errorsBefore = errors;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < TOTAL) times.push(await oneLaunch(next++));
      }),
    );
    const wall = (performance.now() - started) / 1000;
    const sorted = times.sort((a, b) => a - b);
    const p = (q: number) => percentile(sorted, q).toFixed(1);
    rows.push(`| ${TOTAL} | ${concurrency} | ${errors - errorsBefore} | ${p(50)} | ${p(95)} | ${p(99)} | ${sorted.at(-1)?.toFixed(1)} | ${(TOTAL / wall).toFixed(0)} |`);
  }
  const report = `# Launch benchmark

Measured by \`npx tsx bench/launch.ts ${TOTAL} ${CONCURRENCIES.join(',')}\` on ${new Date().toISOString().slice(0, 10)}
(${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'cpu'}). Three processes share the cores: the tool
(\`dist/server/index.js\`, built as \`npm start\` builds it), MongoDB (the mongod stand-in: single-threaded, linear scans outside unique indexes) and this
benchmark (platform simulator with its RS256 signing, and the simulated browsers).

Time is what the browser waits for the tool's two requests of one launch: the login initiation (state, nonce and
browser binding written to MongoDB, redirect) plus the id_token launch (our checks, ltijs's signature and claim
validation including its fetch of the platform JWKS, user upsert, launch record, session token, redirect).

| launches | concurrency | errors | p50 ms | p95 ms | p99 ms | max ms | launches/s |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Budget (DESIGN.md): p95 < 50 ms with 50 concurrent launches on 2 cores.
`;
  writeReport('launch', report);
  await bench.stop();
  process.exit(errors ? 1 : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
