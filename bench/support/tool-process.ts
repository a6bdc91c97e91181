import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MongoMemoryServer } from 'mongodb-memory-server';
import { PlatformSimulator, type ToolRegistration } from '../../test/support/platform-simulator';
import { TestBrowser, parseAutoSubmitForm } from '../../test/support/test-browser';

const ROOT = path.resolve(__dirname, '../..');
export const LEARNER = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';

export interface BenchTool {
  baseUrl: string;
  sim: PlatformSimulator;
  reg: ToolRegistration;
  stop(): Promise<void>;
}

/**
 * The tool as `npm start` builds it, in its own process on its own MongoDB (MONGOMS_SYSTEM_BINARY for the
 * stand-in), registered with a platform simulator that runs in the benchmark's process.
 * BENCH_NODE_FLAGS passes flags to the tool's node (for example "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
export async function startBenchTool(): Promise<BenchTool> {
  const mongod = await MongoMemoryServer.create();
  const port = 20000 + Math.floor(Math.random() * 20000);
  const baseUrl = `http://127.0.0.1:${port}`;
  const adminToken = 'a'.repeat(30);
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const tool: ChildProcess = spawn(process.execPath, [...flags, path.join(ROOT, 'dist/server/index.js')], {
    env: { ...process.env, NODE_ENV: 'test', PORT: String(port), BASE_URL: baseUrl, MONGODB_URI: `${mongod.getUri()}bench`, LTI_KEY: 'b'.repeat(40), ADMIN_TOKEN: adminToken, LOG_LEVEL: 'error', DATA_DIR: '/tmp/ecap-bench' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; ; i += 1) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      if (i > 100) throw new Error('the tool did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const sim = await PlatformSimulator.start({ product: 'canvas' });
  const reg = sim.registerToolManually({ jwksUri: `${baseUrl}/lti/keys`, redirectUris: [`${baseUrl}/lti/launch`], initiateLoginUri: `${baseUrl}/lti/login`, targetLinkUri: `${baseUrl}/lti/launch` });
  const registered = await fetch(`${baseUrl}/api/admin/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ name: 'Bench', product: 'canvas', issuer: sim.issuer, clientId: reg.clientId, authEndpoint: sim.authorizationEndpoint, tokenEndpoint: sim.tokenEndpoint, jwksUrl: sim.jwksUrl, deploymentId: reg.deploymentId }),
  });
  if (registered.status !== 201) throw new Error(`registration failed: ${registered.status}`);
  return {
    baseUrl,
    sim,
    reg,
    async stop() {
      await sim.stop();
      tool.kill('SIGTERM');
      await new Promise((r) => tool.once('exit', r));
      await mongod.stop();
    },
  };
}

export interface TimedLaunch {
  /** Time spent in the tool's two requests (login initiation, id_token launch), in ms. */
  toolMs: number;
  ok: boolean;
  sessionToken: string | null;
}

/** One learner launch as the LMS iframe does it; only the tool's requests are timed, not the platform's. */
export async function timedLaunch(bench: BenchTool, student: number, course: number): Promise<TimedLaunch> {
  const browser = new TestBrowser({ cookies: true, followRedirects: false });
  const init = bench.sim.prepareLaunch({
    clientId: bench.reg.clientId,
    user: { sub: `bench-${student}`, name: `Student ${student}` },
    roles: [LEARNER],
    context: { id: `course-${course}`, title: 'Advisory' },
    resourceLink: { id: `link-${course}` },
  });
  let t = performance.now();
  const login = await browser.postForm(`${bench.baseUrl}/lti/login`, { ...init });
  let toolMs = performance.now() - t;
  const auth = await browser.get(login.headers.get('location') ?? '');
  const form = parseAutoSubmitForm(auth.text);
  t = performance.now();
  const res = await browser.postForm(form.action, form.fields);
  toolMs += performance.now() - t;
  const sessionToken = /#t=([^&]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? null;
  return { toolMs, ok: login.status === 302 && res.status === 303 && sessionToken !== null, sessionToken };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Writes docs/benchmarks/<name>.md, keeping the hand-written "## Reading the numbers" part of the last run. */
export function writeReport(name: string, report: string): void {
  const out = path.join(ROOT, 'docs/benchmarks');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `${name}.md`);
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const reading = previous.indexOf('\n## Reading the numbers');
  writeFileSync(file, reading >= 0 ? report + previous.slice(reading) : report);
  process.stdout.write(report);
}
