import type { Config } from './config.js';
import type { DB } from './db/database.js';
import type { Clock } from './lib/clock.js';
import type { SessionFinder } from './modules/accounts/accounts.repository.js';
import type { Auth } from './modules/accounts/auth.js';
import type { MailTransport } from './modules/mail/transport.js';
import type { OrganizationsOfFinder } from './modules/organizations/organizations.repository.js';
import type { RateRules } from './modules/rate-limits/rate-limits.service.js';

/** Everything a request needs, built once by main.ts (or a test) and handed to buildApp(). */
export interface AppDeps {
  config: Config & { secret: string };
  db: DB;
  dialect: 'sqlite' | 'postgres';
  clock: Clock;
  auth: Auth;
  /** The session lookup of every authenticated request (a prepared statement). */
  findSession: SessionFinder;
  /** The organizations of a user, read by /me on every page load (a prepared statement). */
  findOrganizationsOf: OrganizationsOfFinder;
  mailTransport: MailTransport;
  /** Tells the mail worker that a request queued an email. */
  notifyMail: () => void;
  rateRules: RateRules;
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
    /** Set by requireSession. */
    auth: SessionContext;
  }
}

export interface SessionContext {
  sessionId: string;
  token: string;
  user: { id: string; name: string; email: string; emailVerified: boolean; isOperator: boolean; createdAt: Date };
}
