import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The repository root, whether running from server/ (tsx) or from dist/server (built). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', existsSync(path.resolve(__dirname, '..', 'package.json')) ? '' : '..');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public URL the LMS reaches the tool at (https in production). */
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** MongoDB connection string; without it an embedded MongoDB keeps its data under DATA_DIR. */
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  DATA_DIR: z.string().min(1).optional(),
  /** Secret for ltijs's encryption and the tool's session tokens; generated into DATA_DIR when absent outside production. */
  LTI_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Bearer token for the install-level admin API and the manual registration form. */
  ADMIN_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  /** Express "trust proxy" setting when TLS ends at a proxy (e.g. 1, or loopback). */
  TRUST_PROXY: z.string().optional(),
  /** Seconds a session token from a launch stays valid. */
  SESSION_TTL_SECONDS: z.coerce.number().int().min(300).max(86400).default(8 * 3600),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  baseUrl: string;
  mongodbUri: string | undefined;
  dataDir: string;
  ltiKey: string;
  adminToken: string;
  trustProxy: string | undefined;
  sessionTtlSeconds: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Cookies need SameSite=None; Secure to reach an LMS iframe; only possible over https. */
  secureCookies: boolean;
  clientDir: string;
}

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws a ConfigError naming the setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(PROJECT_ROOT, e.DATA_DIR ?? '.data');
  if (e.NODE_ENV === 'production') {
    const missing = (['BASE_URL', 'MONGODB_URI', 'LTI_KEY', 'ADMIN_TOKEN'] as const).filter((k) => !e[k]);
    if (missing.length) throw new ConfigError(`Invalid configuration:\n${missing.map((k) => `  ${k}: required in production`).join('\n')}`);
  }
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    baseUrl,
    mongodbUri: e.MONGODB_URI,
    dataDir,
    ltiKey: e.LTI_KEY ?? persistedSecret(dataDir, 'lti-key'),
    adminToken: e.ADMIN_TOKEN ?? persistedSecret(dataDir, 'admin-token'),
    trustProxy: e.TRUST_PROXY,
    sessionTtlSeconds: e.SESSION_TTL_SECONDS,
    logLevel: e.LOG_LEVEL,
    secureCookies: baseUrl.startsWith('https://'),
    clientDir: path.join(PROJECT_ROOT, 'dist', 'client'),
  };
}

/** A random secret kept in the data directory so restarts keep sessions and registrations readable. */
function persistedSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
