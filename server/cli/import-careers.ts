import path from 'node:path';
import { loadConfig } from '../config';
import { startDatabase } from '../db/database';
import { setLogLevel } from '../logger';
import { importOnet, OnetImportError, readOnetDirectory, skippedByReason, type ImportReport } from '../careers/onet-import';
import { createProgressBar } from '../careers/progress-bar';
import { runCli } from './run-cli';

const USAGE = `Usage: npm run import:careers -- DIR
  DIR holds the O*NET database text files (Occupation Data.txt, Interests.txt, Job Zones.txt, and optionally a
  career clusters CSV). Writes to the same database as the app (MONGODB_URI, or the embedded one in DATA_DIR).`;

/** How many skipped rows the summary lists one by one before it only counts them. */
const LISTED_SKIPS = 50;

function summary(dir: string, r: ImportReport): string {
  const lines = [
    `O*NET import from ${dir}`,
    ...(r.starterSeeded ? [`  starter catalog: ${r.starterSeeded} careers added first (the catalog was empty)`] : []),
    `  read:      ${r.read}`,
    `  inserted:  ${r.inserted}`,
    `  updated:   ${r.updated}`,
    `  unchanged: ${r.unchanged}`,
    `  skipped:   ${r.skipped.length}`,
    ...skippedByReason(r.skipped).map((s) => `    ${s.reason}: ${s.count}`),
  ];
  if (r.skipped.length) {
    lines.push('Skipped rows:');
    for (const s of r.skipped.slice(0, LISTED_SKIPS)) lines.push(`  ${s.file} line ${s.line}${s.code ? ` (${s.code})` : ''}: ${s.reason}`);
    if (r.skipped.length > LISTED_SKIPS) lines.push(`  ... and ${r.skipped.length - LISTED_SKIPS} more`);
  }
  for (const note of r.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const dir = path.resolve(args[0] ?? '');
  // Check the files before connecting, so a wrong folder fails fast with a clear message.
  readOnetDirectory(dir);
  const config = loadConfig();
  setLogLevel(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const db = await startDatabase(config);
  const bar = createProgressBar('Importing occupations');
  try {
    const report = await importOnet(dir, { onProgress: (done, total) => bar.update(done, total) });
    bar.done();
    process.stdout.write(summary(dir, report));
  } finally {
    bar.done();
    await db.stop();
  }
  return 0;
}

runCli(main, { usage: USAGE, failure: 'Career import failed', isUsageError: (err) => err instanceof OnetImportError });
