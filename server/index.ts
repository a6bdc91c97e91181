import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { DatabaseError, startDatabase } from './db/database';
import { createApp } from './app';
import { log, setLogLevel } from './logger';
import { ensureStarterCatalog } from './careers/starter-catalog';
import { startGradeWorker, stopGradeWorker } from './grades/grade-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  setLogLevel(config.logLevel);
  const db = await startDatabase(config);
  const { app, lti } = createApp(config, db.uri);
  await lti.deploy({ serverless: true, silent: true });
  // Grade passback runs in every process; jobs are claimed with leases, so several processes share the outbox.
  startGradeWorker({ baseUrl: config.baseUrl });
  const seeded = await ensureStarterCatalog();
  if (seeded) log.info('starter career catalog loaded', { careers: seeded });
  const server: Server = app.listen(config.port, () => {
    log.info('ECAP Planner listening', { url: config.baseUrl, port: config.port });
    if (!config.mongodbUri) log.info('data kept on disk', { dataDir: config.dataDir });
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    server.close(() => {
      void stopGradeWorker()
        .then(() => lti.close({ silent: true }))
        .catch(() => undefined)
        .then(() => db.stop())
        .finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  // ltijs installs its own SIGINT handler that exits at once; ours must win to stop MongoDB cleanly.
  process.removeAllListeners('SIGINT');
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DatabaseError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`ECAP Planner failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
