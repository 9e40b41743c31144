import type { Config } from './config.js';
import type { DB } from './db/database.js';
import type { Caller, Standing, StandingFinder } from './lib/caller.js';
import type { Clock } from './lib/clock.js';
import type { SessionRow } from './modules/accounts/accounts.repository.js';
import type { Auth } from './modules/accounts/auth.js';
import type { HeartbeatBatcher } from './modules/licensing/heartbeat-batcher.js';
import type { LeaseKeys } from './modules/licensing/lease-keys.js';
import type { LicenseReader } from './modules/licensing/license-reader.repository.js';
import type { MailTransport } from './modules/mail/transport.js';
import type { OrganizationsOfFinder } from './modules/organizations/organizations.repository.js';
import type { RateRules } from './modules/rate-limits/rate-limits.service.js';

/** The sessions behind the cookie, as the HTTP layer needs them on every request (built by the accounts module). */
export interface SessionStore {
  /** The session by its token, with its user (a prepared statement). */
  find(token: string): Promise<SessionRow | undefined>;
  extend(sessionId: string, expiresAt: Date, now: Date): Promise<void>;
  ttlSeconds: number;
  /** A session is extended once this much of its lifetime has passed (one write a day, not one per request). */
  refreshAfterSeconds: number;
}

/** Everything a request needs, built once by main.ts (or a test) and handed to buildApp(). */
export interface AppDeps {
  config: Config & { secret: string };
  db: DB;
  dialect: 'sqlite' | 'postgres';
  clock: Clock;
  auth: Auth;
  sessions: SessionStore;
  /**
   * The caller a bearer token stands for, or null when it is not a valid token: a desktop application's token
   * (scope `licensing`, from the device sign-in). API tokens will verify here too.
   */
  verifyBearer: (token: string) => Promise<Caller | null>;
  /** A caller's standing in an organization, read by the access check of every `/orgs/{org}` route. */
  findStanding: StandingFinder;
  /** The organizations of a user, read by /me on every page load (a prepared statement). */
  findOrganizationsOf: OrganizationsOfFinder;
  mailTransport: MailTransport;
  /** Tells the mail worker that a request queued an email. */
  notifyMail: () => void;
  rateRules: RateRules;
  /** Signs, verifies and validates leases; rotates the keys (the licensing module's signing-keys.service.ts). */
  leases: LeaseKeys;
  /** The activation behind a heartbeat or a lease check, with its asset and the transfer budget (prepared). */
  readLicense: LicenseReader;
  /** Last contacts of heartbeats, written once a second (docs/adr/0013). */
  heartbeats: HeartbeatBatcher;
  /** The built web app (apps/web/dist), or null to serve the API only. */
  webRoot: string | null;
}

/**
 * What a service function needs of the application, named at its signature: `deps: Deps<'db' | 'clock'>` first,
 * then the actor. A caller passes AppDeps (or anything with those keys): the CLI builds only what it uses.
 */
export type Deps<K extends keyof AppDeps> = Pick<AppDeps, K>;

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    /** Set by the access guard of every route that is not public. */
    auth: Caller;
    /** Set by the access guard of `/orgs/{org}` routes. */
    standing: Standing | null;
  }
}
