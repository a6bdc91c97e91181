import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import type { ProviderInstance } from 'ltijs';
import { loadConfig, type AppConfig } from '../../server/config';
import { startDatabase, type Database } from '../../server/db/database';
import { createApp } from '../../server/app';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestApp {
  baseUrl: string;
  app: Express;
  lti: ProviderInstance;
  config: AppConfig;
  close(): Promise<void>;
}

/** A fresh database name on the run's MongoDB, so test files never see each other's data. */
export function freshMongoUri(): string {
  const base = process.env.ECAP_TEST_MONGO_URI;
  if (!base) throw new Error('ECAP_TEST_MONGO_URI is not set: run through jest (test/support/global-setup.ts).');
  return `${base.replace(/\/?$/, '/')}ecap_${randomBytes(6).toString('hex')}`;
}

/** The real app on a real port (the platform simulator calls it over HTTP), with its own database. */
export interface TestAppOptions {
  /** Extra environment for loadConfig. */
  env?: Record<string, string>;
  /** Host name in BASE_URL (the browser journeys use "localhost" so the tool is another site than the LMS). */
  host?: string;
  /** Cookies as over https (SameSite=None; Secure), which Chromium also accepts on http://localhost. */
  secureCookies?: boolean;
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://${opts.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: baseUrl,
    MONGODB_URI: freshMongoUri(),
    LTI_KEY: randomBytes(32).toString('hex'),
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...opts.env,
  });
  if (opts.secureCookies) config.secureCookies = true;
  const db: Database = await startDatabase(config);
  const { app, lti } = createApp(config, db.uri);
  await lti.deploy({ serverless: true, silent: true });
  server.on('request', app);
  return {
    baseUrl,
    app,
    lti,
    config,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await lti.close({ silent: true });
    },
  };
}
