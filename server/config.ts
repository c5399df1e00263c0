/**
 * The only reader of process.env. Parsed once at start-up with zod; a bad value stops start-up with a
 * clear list of what is wrong (see `loadConfig`).
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const Bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  EVENT_RETENTION_DAYS: z.coerce.number().min(1).max(3650).default(7),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().min(1).max(24 * 60).default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  TRUST_PROXY: Bool.default(false),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  SEED: z.enum(['auto', 'never']).default('auto'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Tansiq <no-reply@tansiq.local>'),
  PUBLIC_URL: z.url().optional(),
  BADGE_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  /** Real PostgreSQL when set; otherwise the embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  sessionTtlMs: number;
  /** How long live events stay in the outbox for catch-up (they carry incident data, so not forever). */
  eventRetentionMs: number;
  login: { maxFailures: number; lockMs: number; ratePerMinute: number };
  trustProxy: boolean;
  bodyLimit: number;
  /** `auto`: seed the Qatar 2022 operation on first start (empty database). */
  seed: 'auto' | 'never';
  /** Outgoing mail: SMTP when `smtpUrl` is set, otherwise kept in the outbox (shown at /dev/mailbox outside production). */
  mail: { smtpUrl: string | null; from: string };
  /** Base URL of the web app in links sent by email. */
  publicUrl: string;
  /** Encrypts the badge signing keys at rest; null: a generated secret kept in `dataDir` (development). */
  badgeKeySecret: string | null;
}

export class ConfigError extends Error {}

/** Parses and freezes the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    isProduction: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    eventRetentionMs: e.EVENT_RETENTION_DAYS * 86_400_000,
    login: Object.freeze({
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMs: e.LOGIN_LOCK_MINUTES * 60_000,
      ratePerMinute: e.LOGIN_RATE_PER_MINUTE,
    }),
    trustProxy: e.TRUST_PROXY,
    bodyLimit: e.BODY_LIMIT_BYTES,
    seed: e.SEED,
    mail: Object.freeze({ smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM }),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    badgeKeySecret: e.BADGE_KEY_SECRET ?? null,
  });
}
