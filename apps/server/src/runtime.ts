import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { type Config, resolveSecret } from './config.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrator.js';
import type { AppDeps } from './deps.js';
import { pruneIdempotencyKeys } from './http/idempotency-store.js';
import { type Clock, OffsetClock, systemClock } from './lib/clock.js';
import { createSessionStore } from './modules/accounts/accounts.service.js';
import { createAuth } from './modules/accounts/auth.js';
import { pruneDeviceAuthorizations } from './modules/device-auth/device-auth.service.js';
import { createBearerVerifier } from './modules/device-auth/device-tokens.service.js';
import { HeartbeatBatcher } from './modules/licensing/heartbeat-batcher.js';
import { createLicenseReader } from './modules/licensing/license-reader.repository.js';
import { createLeaseSigner } from './modules/licensing/signing-keys.service.js';
import { MailWorker, type MailWorkerOptions } from './modules/mail/mail.worker.js';
import { type MailTransport, mailboxTransport, smtpTransport } from './modules/mail/transport.js';
import { createStandingFinder } from './modules/members/members.service.js';
import { createOrganizationsOfFinder } from './modules/organizations/organizations.repository.js';
import { DEFAULT_RATE_RULES, pruneRateLimits, type RateRules } from './modules/rate-limits/rate-limits.service.js';

export const DEFAULT_WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface Runtime {
  deps: AppDeps;
  database: DatabaseHandle;
  worker: MailWorker;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  rateRules?: Partial<RateRules>;
  webRoot?: string | null;
  mailTransport?: MailTransport;
  worker?: Partial<Pick<MailWorkerOptions, 'pollMs' | 'retryBaseMs' | 'maxAttempts' | 'lockMs'>>;
  migrate?: boolean;
}

/** Opens the database, migrates it, and wires the dependencies every entry point shares (server, CLI, tests). */
export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const secret = resolveSecret(config);
  const database = openDatabase(config.database);
  const clock = options.clock ?? (config.devClock ? new OffsetClock() : systemClock);
  if (options.migrate !== false) await migrateToLatest(database.db);
  const log = pino({ level: config.logLevel });
  const mailTransport =
    options.mailTransport ??
    (config.smtpUrl ? smtpTransport(config.smtpUrl) : mailboxTransport((line) => log.info(line)));

  let worker: MailWorker | null = null;
  const fullConfig = { ...config, secret };
  const auth = createAuth({
    config: fullConfig,
    db: database.db,
    dialect: database.dialect,
    clock,
    notifyMail: () => worker?.wake(),
  });
  worker = new MailWorker({
    db: database.db,
    transport: mailTransport,
    clock,
    from: config.mailFrom,
    log: { info: (m) => log.info(m), warn: (o, m) => log.warn(o, m) },
    ...options.worker,
  });

  const heartbeats = new HeartbeatBatcher(database.db, database.dialect, 1000, (error) =>
    log.warn({ err: error }, 'heartbeat batch'),
  );
  const deps: AppDeps = {
    config: fullConfig,
    db: database.db,
    dialect: database.dialect,
    clock,
    auth,
    sessions: createSessionStore(database),
    verifyBearer: createBearerVerifier(database, clock),
    findStanding: createStandingFinder(database.db),
    findOrganizationsOf: createOrganizationsOfFinder(database),
    mailTransport,
    notifyMail: () => worker?.wake(),
    rateRules: { ...DEFAULT_RATE_RULES, ...options.rateRules },
    // Reads (or makes) the signing key now: a SECRET that cannot open it stops start-up here (SigningKeyError).
    leases: await createLeaseSigner(database, {
      secret,
      issuer: config.publicUrl,
      offlineLeaseMaxMs: config.offlineLeaseMaxMs,
      leaseTtlMs: config.leaseTtlMs,
    }).ready(clock.now()),
    readLicense: createLicenseReader(database),
    heartbeats,
    webRoot: options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot,
  };
  // Hourly housekeeping of rows that only matter for a while; a failed round is simply retried an hour later.
  const prune = async () => {
    await pruneRateLimits(database.db, clock.now());
    await pruneIdempotencyKeys(database.db, clock.now());
    await pruneDeviceAuthorizations({ db: database.db }, clock.now());
  };
  const pruner = setInterval(() => void prune().catch(() => {}), 3_600_000);
  pruner.unref();
  const startedWorker = worker;
  return {
    deps,
    database,
    worker: startedWorker,
    async close() {
      clearInterval(pruner);
      await startedWorker.stop();
      await heartbeats.flush();
      await database.destroy();
    },
  };
}
