import { spawn } from 'node:child_process';
import path from 'node:path';
import mongoose from 'mongoose';
import { freshMongoUri } from '../support/app-harness';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function run(script: string, args: string[], env: Record<string, string>, untilOutput?: RegExp) {
  return new Promise<{ code: number | null; stdout: string; stderr: string; kill: () => void }>((resolve) => {
    const child = spawn(TSX, [script, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'info', ...env } });
    let stdout = '';
    let stderr = '';
    const done = (code: number | null) => resolve({ code, stdout, stderr, kill: () => child.kill('SIGTERM') });
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (untilOutput?.test(stdout)) done(null);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => done(code));
  });
}

describe('start-up', () => {
  it('stops with exit code 2 and names a bad setting', async () => {
    const r = await run('server/index.ts', [], { PORT: 'eighty', NODE_ENV: 'development' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT:');
  });

  it('starts on MONGODB_URI, answers /healthz and stops cleanly on SIGTERM', async () => {
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const r = await run('server/index.ts', [], { PORT: port, MONGODB_URI: freshMongoUri(), NODE_ENV: 'development', DATA_DIR: `/tmp/ecap-start-${port}` }, /ECAP Planner listening/);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await res.json()).toEqual({ ok: true, db: 'up' });
    const exited = new Promise<number | null>((resolve) => {
      const check = setInterval(async () => {
        try {
          await fetch(`http://127.0.0.1:${port}/healthz`);
        } catch {
          clearInterval(check);
          resolve(0);
        }
      }, 100);
    });
    r.kill();
    expect(await exited).toBe(0);
  });
});

describe('npm run register-platform', () => {
  it('registers a Schoology district from the preset and refuses bad input with exit code 2', async () => {
    const uri = freshMongoUri();
    const ok = await run('server/cli/register-platform.ts', ['--preset', 'schoology', '--name', 'Gilbert', '--client-id', '555', '--deployment-id', '555-1'], { MONGODB_URI: uri });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Registered "Gilbert"');
    const conn = await mongoose.createConnection(uri).asPromise();
    const tenant = await conn.collection('tenants').findOne({ clientId: '555' });
    expect(tenant?.issuer).toBe('https://schoology.schoology.com');
    const platform = await conn.collection('platforms').findOne({ clientId: '555' });
    expect(platform?.authEndpoint).toBe('https://lti-service.svc.schoology.com/lti-service/authorize-redirect');
    await conn.close();

    const bad = await run('server/cli/register-platform.ts', ['--name', 'X', '--issuer', 'nope'], { MONGODB_URI: uri });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/issuer: .*http/);
    expect(bad.stderr).toContain('clientId:');
  });
});

describe('npm run rotate-keys', () => {
  it('gives every registration a new signing key, keeps the old one retired, and refuses unclear arguments', async () => {
    const uri = freshMongoUri();
    await run('server/cli/register-platform.ts', ['--preset', 'schoology', '--name', 'Mesa', '--client-id', '777'], { MONGODB_URI: uri });
    const conn = await mongoose.createConnection(uri).asPromise();
    const before = await conn.collection('platforms').findOne({ clientId: '777' });

    const rotated = await run('server/cli/rotate-keys.ts', ['--all', '--grace-hours', '48'], { MONGODB_URI: uri });
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain(`old key ${String(before?.kid)} stays published until`);
    const after = await conn.collection('platforms').findOne({ clientId: '777' });
    expect(after?.kid).not.toBe(before?.kid);
    const retired = await conn.collection('retiredkeys').findOne({ kid: before?.kid });
    expect(retired?.jwk).toMatchObject({ kty: 'RSA', kid: before?.kid, alg: 'RS256' });
    expect(retired?.jwk).not.toHaveProperty('d'); // only the public half is kept
    await conn.close();

    const unclear = await run('server/cli/rotate-keys.ts', ['--issuer', 'https://schoology.schoology.com'], { MONGODB_URI: uri });
    expect(unclear.code).toBe(2);
    expect(unclear.stderr).toContain('give --issuer and --client-id, or --all');
  });
});
