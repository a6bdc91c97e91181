import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { freshMongoUri } from '../support/app-harness';
import { CareerModel } from '../../server/careers/career.model';
import { STARTER_CATALOG } from '../../server/careers/starter-catalog';
import { importOnet, jobZoneToEducation, OnetImportError, parseTable, riasecCode, skippedByReason } from '../../server/careers/onet-import';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/onet');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

describe('O*NET parsing helpers', () => {
  it('maps job zones to education levels', () => {
    expect([1, 2, 3, 4, 5].map(jobZoneToEducation)).toEqual(['high_school', 'high_school', 'associate', 'bachelor', 'master']);
    expect(jobZoneToEducation(0)).toBeNull();
    expect(jobZoneToEducation(6)).toBeNull();
  });

  it('takes the IH high points when present and computes the code from OI levels otherwise', () => {
    expect(riasecCode({ levels: {}, highPoints: [5, 6, 0] })).toBe('EC');
    expect(riasecCode({ levels: { R: 1, I: 4, A: 4, S: 6, E: 5.5, C: 3 }, highPoints: [] })).toBe('SEI');
    expect(riasecCode({ levels: { R: 1, I: 4, A: 4, S: 6, E: 5.5, C: 3 }, highPoints: [0, 0, 0] })).toBe('SEI');
    expect(riasecCode({ levels: { R: 1, I: 2 }, highPoints: [] })).toBeNull();
  });

  it('parses tab files with CRLF and a BOM, and quoted CSV', () => {
    const tsv = parseTable('x', '\uFEFFa\tb\r\n1\t2\r\n\r\n');
    expect(tsv.header).toEqual(['a', 'b']);
    expect(tsv.rows).toEqual([{ line: 2, cells: ['1', '2'] }]);
    const csv = parseTable('y', '"Code","Career Cluster"\n"1","Arts, A/V ""Tech"""\n', { csv: true });
    expect(csv.rows[0]?.cells).toEqual(['1', 'Arts, A/V "Tech"']);
  });
});

describe('importOnet on the fixture', () => {
  beforeAll(async () => {
    await mongoose.connect(freshMongoUri());
    await CareerModel.init();
  });
  afterAll(async () => {
    await mongoose.disconnect();
  });
  beforeEach(async () => {
    await CareerModel.deleteMany({});
  });

  it('counts rows read, inserted, updated and skipped with reasons', async () => {
    const progress: Array<[number, number]> = [];
    const report = await importOnet(FIXTURE, { onProgress: (d, t) => progress.push([d, t]) });
    expect(report.starterSeeded).toBe(STARTER_CATALOG.length);
    expect(report).toMatchObject({ read: 15, inserted: 6, updated: 4, unchanged: 0 });
    expect(report.skipped.map((s) => [s.file, s.code, s.reason])).toEqual(
      expect.arrayContaining([
        ['Occupation Data.txt', '15-12X2.00', 'malformed code'],
        ['Occupation Data.txt', '27-1011.00', 'missing title'],
        ['Occupation Data.txt', '35-2014.00', 'duplicate code'],
        ['Occupation Data.txt', '11-9199.00', 'no RIASEC interest data'],
        ['Occupation Data.txt', '53-3052.00', 'no job zone'],
        ['Interests.txt', '17-2011.00', 'malformed data value'],
        ['Job Zones.txt', '53-3052.00', 'job zone not 1-5'],
      ]),
    );
    expect(report.skipped).toHaveLength(7);
    expect(report.skipped.find((s) => s.reason === 'missing title')?.line).toBe(15);
    expect(skippedByReason(report.skipped)).toContainEqual({ reason: 'malformed code', count: 1 });
    expect(report.notes).toEqual([]);
    expect(progress[progress.length - 1]).toEqual([12, 12]); // the 12 rows with a valid code and title
    expect(await CareerModel.countDocuments()).toBe(STARTER_CATALOG.length + 6);
  });

  it('is idempotent: a second run inserts and updates nothing', async () => {
    await importOnet(FIXTURE);
    const before = await CareerModel.find().sort({ code: 1 }).lean();
    const again = await importOnet(FIXTURE);
    expect(again).toMatchObject({ read: 15, inserted: 0, updated: 0, unchanged: 10, starterSeeded: 0 });
    const after = await CareerModel.find().sort({ code: 1 }).lean();
    expect(after).toEqual(before);
  });

  it('computes RIASEC codes and maps job zones to education', async () => {
    await importOnet(FIXTURE);
    const byCode = async (code: string) => CareerModel.findOne({ code }).lean();
    expect(await byCode('25-1011.00')).toMatchObject({ riasec: 'SEI', education: 'master', jobZone: 5, source: 'onet' }); // OI only
    expect(await byCode('11-1011.00')).toMatchObject({ riasec: 'EC', education: 'master', cluster: 'Business Management & Administration', pathway: 'General Management' });
    expect(await byCode('35-2014.00')).toMatchObject({ riasec: 'RCE', education: 'high_school', jobZone: 2, cluster: 'Unclassified', pathway: 'Unclassified', title: 'Cooks, Restaurant' });
    expect(await byCode('29-2061.00')).toMatchObject({ education: 'associate', cluster: 'Health Science' }); // first crosswalk row wins
    expect(await byCode('17-2011.00')).toMatchObject({ riasec: 'IRC', education: 'bachelor' });
  });

  it('updates starter careers from O*NET but keeps their education, wages, outlook and Spanish title', async () => {
    await importOnet(FIXTURE, { seedStarter: false }); // empty catalog: only the fixture
    expect(await CareerModel.countDocuments()).toBe(10);
    await CareerModel.deleteMany({});
    const starterCount = await (await import('../../server/careers/starter-catalog')).ensureStarterCatalog();
    expect(starterCount).toBe(STARTER_CATALOG.length);
    await CareerModel.updateOne({ code: '15-1252.00' }, { $set: { medianWage: 123456, outlook: 'bright' } });
    await importOnet(FIXTURE);
    const dev = await CareerModel.findOne({ code: '15-1252.00' }).lean();
    expect(dev).toMatchObject({ medianWage: 123456, outlook: 'bright', source: 'starter', titleEs: 'Desarrolladores de software', jobZone: 4 });
    expect(dev?.description).toContain('computer programs');
    const nurse = await CareerModel.findOne({ code: '29-1141.00' }).lean();
    expect(nurse).toMatchObject({ education: 'bachelor', jobZone: 3, cluster: 'Health Science' }); // starter education kept over job zone 3
    const electrician = await CareerModel.findOne({ code: '47-2111.00' }).lean();
    expect(electrician?.riasec).toBe('RCI'); // O*NET replaces the starter's code
  });

  it('refuses a missing directory or a directory without Occupation Data.txt', async () => {
    await expect(importOnet(path.join(FIXTURE, 'nope'))).rejects.toThrow(OnetImportError);
    const empty = mkdtempSync(path.join(tmpdir(), 'onet-'));
    await expect(importOnet(empty)).rejects.toThrow(/Occupation Data\.txt is not in/);
  });

  it('refuses unknown columns in Occupation Data.txt and ignores optional files it cannot read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onet-'));
    writeFileSync(path.join(dir, 'Occupation Data.txt'), 'Code\tName\n15-1252.00\tSoftware Developers\n');
    await expect(importOnet(dir)).rejects.toThrow(/unknown file columns/);
    writeFileSync(path.join(dir, 'Occupation Data.txt'), 'O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tWrites code.\n');
    writeFileSync(path.join(dir, 'Job Zones.txt'), 'Code\tZone\n15-1252.00\t4\n');
    const report = await importOnet(dir);
    expect(report.notes.join('\n')).toMatch(/Interests\.txt not found/);
    expect(report.notes.join('\n')).toMatch(/Job Zones\.txt: unknown file columns/);
    expect(report).toMatchObject({ read: 1, updated: 1, inserted: 0 }); // the starter entry gets the description
  });
});

function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(TSX, ['server/cli/import-careers.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run import:careers', () => {
  const env = () => ({ MONGODB_URI: freshMongoUri(), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ecap-import-')), NODE_ENV: 'development' });

  it('imports the fixture, prints the summary and reports 0 new on a second run', async () => {
    const e = env();
    const first = await runCli([FIXTURE], e);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(''); // not a TTY: no progress bar
    expect(first.stdout).toMatch(/read:\s+15\n/);
    expect(first.stdout).toMatch(/inserted:\s+6\n/);
    expect(first.stdout).toMatch(/updated:\s+4\n/);
    expect(first.stdout).toMatch(/skipped:\s+7\n/);
    expect(first.stdout).toContain('Occupation Data.txt line 14 (15-12X2.00): malformed code');
    const second = await runCli([FIXTURE], e);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/inserted:\s+0\n/);
    expect(second.stdout).toMatch(/updated:\s+0\n/);
  });

  it('exits with 2 and a clear message for a missing directory or missing arguments', async () => {
    const missing = await runCli([path.join(FIXTURE, 'does-not-exist')], env());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No such directory');
    expect(missing.stderr).toContain('Usage: npm run import:careers -- DIR');
    const noArgs = await runCli([], env());
    expect(noArgs.code).toBe(2);
    expect(noArgs.stderr).toContain('Usage');
  });
});
