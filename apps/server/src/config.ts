import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomToken } from './lib/crypto.js';
import { parseDuration } from './lib/durations.js';

/** Typed configuration from the environment (SPEC §5). Every variable has a default for the one-command start. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  /** true when PUBLIC_URL is https: cookies are then marked Secure. */
  secureCookies: boolean;
  database: { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };
  dataDir: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** null until resolveSecret() has run; set from SECRET or the data folder. */
  secret: string | null;
  logLevel: string;
  invitationTtlMs: number;
  leaseTtlMs: number;
  heartbeatIntervalMs: number;
  offlineLeaseMaxMs: number;
  transferLimit: { count: number; windowMs: number };
  /** Registered devices per user and product (DEVICES_PER_USER); one of them is in use at a time. */
  devicesPerUser: number;
  /** New activations a user may start in a rolling day (ACTIVATIONS_PER_DAY), against rotating fingerprints. */
  activationsPerDay: number;
  /** DEV_CLOCK=true: the server's clock can be moved forward through /api/v1/dev/clock (e2e tests; never production). */
  devClock: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: string, parse: (raw: string) => T | null, hint: string): T => {
    const raw = env[name]?.trim() || fallback;
    const value = parse(raw);
    if (value === null) {
      problems.push(`${name}=${JSON.stringify(raw)} is not valid: expected ${hint}`);
      return parse(fallback) as T;
    }
    return value;
  };
  const duration = (name: string, fallback: string) =>
    read(name, fallback, parseDuration, 'a duration such as 90s, 10m or 7d');

  const nodeEnv = read(
    'NODE_ENV',
    'development',
    (raw) => (['development', 'production', 'test'].includes(raw) ? (raw as Config['env']) : null),
    'development, production or test',
  );
  const port = read('PORT', '3000', parsePort, 'a port number between 0 and 65535');
  // Unset, it follows PORT: `PORT=3400 npm start` mails links that reach that server, not one on 3000.
  const publicUrl = read('PUBLIC_URL', `http://localhost:${port}`, parseHttpUrl, 'an http:// or https:// URL');
  const dataDir = resolve(env.DATA_DIR?.trim() || 'data');
  const database = read(
    'DATABASE_URL',
    join(dataDir, 'portico.db'),
    parseDatabaseUrl,
    'a SQLite file path (file:./data/portico.db) or a postgres:// URL',
  );
  const smtpUrl = env.SMTP_URL?.trim() ? read('SMTP_URL', '', parseSmtpUrl, 'an smtp:// or smtps:// URL') : null;
  const mailFrom = read(
    'MAIL_FROM',
    'Portico <portico@localhost>',
    parseMailFrom,
    'an address such as Portico <no-reply@example.com>',
  );
  const secret = env.SECRET?.trim() || null;
  if (secret !== null && secret.length < 32)
    problems.push('SECRET is too short: use at least 32 characters of randomness');
  if (secret === null && nodeEnv === 'production') problems.push('SECRET is required when NODE_ENV=production');
  if (smtpUrl === null && nodeEnv === 'production')
    problems.push('SMTP_URL is required when NODE_ENV=production (the dev mailbox is for development)');
  const devClock = read('DEV_CLOCK', 'false', parseBoolean, 'true or false');
  if (devClock && nodeEnv === 'production') problems.push('DEV_CLOCK=true is refused when NODE_ENV=production');
  const transferLimit = read(
    'TRANSFER_LIMIT',
    '5 per 30d',
    parseTransferLimit,
    'a count and a window, such as "5 per 30d"',
  );

  const offlineLeaseMaxMs = duration('OFFLINE_LEASE_MAX', '7d');
  if (offlineLeaseMaxMs > 30 * 86_400_000)
    problems.push(`OFFLINE_LEASE_MAX=${env.OFFLINE_LEASE_MAX?.trim()} is too long: at most 30d`);
  const leaseTtlMs = duration('LEASE_TTL', '30m');
  const heartbeatIntervalMs = duration('HEARTBEAT_INTERVAL', '10m');
  if (heartbeatIntervalMs >= leaseTtlMs)
    problems.push('HEARTBEAT_INTERVAL must be shorter than LEASE_TTL, or leases lapse between heartbeats');

  const config: Config = {
    env: nodeEnv,
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    database,
    dataDir,
    smtpUrl,
    mailFrom,
    secret,
    logLevel: read('LOG_LEVEL', 'info', (raw) => (LOG_LEVELS.includes(raw) ? raw : null), LOG_LEVELS.join(', ')),
    invitationTtlMs: duration('INVITATION_TTL', '7d'),
    leaseTtlMs,
    heartbeatIntervalMs,
    offlineLeaseMaxMs,
    transferLimit,
    devicesPerUser: read('DEVICES_PER_USER', '2', countBetween(1, 20), 'a whole number from 1 to 20'),
    activationsPerDay: read('ACTIVATIONS_PER_DAY', '20', countBetween(1, 10_000), 'a whole number from 1 to 10000'),
    devClock,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseBoolean(raw: string): boolean | null {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return null;
}

function countBetween(min: number, max: number) {
  return (raw: string): number | null => {
    const value = Number(raw);
    return /^\d+$/.test(raw) && value >= min && value <= max ? value : null;
  };
}

function parsePort(raw: string): number | null {
  const port = Number(raw);
  return /^\d+$/.test(raw) && port >= 0 && port <= 65535 ? port : null;
}

function parseHttpUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin + url.pathname.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

function parseDatabaseUrl(raw: string): Config['database'] | null {
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
      return { dialect: 'postgres', url: raw };
    } catch {
      return null;
    }
  }
  if (/^[a-z]+:\/\//i.test(raw)) return null;
  const file = raw.replace(/^(file|sqlite):/, '');
  if (file === '') return null;
  return { dialect: 'sqlite', file: file === ':memory:' ? file : resolve(file) };
}

function parseSmtpUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'smtp:' || url.protocol === 'smtps:' ? raw : null;
  } catch {
    return null;
  }
}

function parseMailFrom(raw: string): string | null {
  return /^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(raw) ? raw : null;
}

function parseTransferLimit(raw: string): Config['transferLimit'] | null {
  const match = /^(\d+)\s+per\s+(\S+)$/.exec(raw);
  const windowMs = match ? parseDuration(match[2] as string) : null;
  return match && windowMs ? { count: Number(match[1]), windowMs } : null;
}

/**
 * SECRET signs sessions and derives invitation tokens. When it is not set, one is generated on first start and
 * kept in the data folder (mode 0600), so restarts keep sessions and links valid.
 */
export function resolveSecret(config: Config): string {
  if (config.secret) return config.secret;
  const file = join(config.dataDir, 'secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) {
      config.secret = stored;
      return stored;
    }
  }
  mkdirSync(dirname(file), { recursive: true });
  const generated = randomToken(48);
  writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  config.secret = generated;
  return generated;
}
