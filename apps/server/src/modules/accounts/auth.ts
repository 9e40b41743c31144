import { type BetterAuthOptions, betterAuth } from 'better-auth';
import { createEmailVerificationToken } from 'better-auth/api';
import type { Config } from '../../config.js';
import type { DB, Executor } from '../../db/database.js';
import { currentTransaction, trackTransactions } from '../../db/transaction-tracking.js';
import type { Clock } from '../../lib/clock.js';
import { type IdKind, newId } from '../../lib/ids.js';
import { currentActor, trackedHook } from '../../lib/request-context.js';
import { recordAudit } from '../audit/audit.writer.js';
import { enqueueEmail } from '../mail/outbox.writer.js';
import { passwordResetEmail, verificationEmail } from './account.emails.js';
import { claimFirstOperator, findUserById, recordSignIn } from './accounts.repository.js';
import { provenAddress } from './proven-address.js';

export const SESSION_TTL_SECONDS = 7 * 24 * 3600;
/** A session in use is extended at most once a day (one write), as Better Auth itself does. */
export const SESSION_REFRESH_AFTER_SECONDS = 24 * 3600;
export const VERIFICATION_TTL_SECONDS = 24 * 3600;
export const RESET_TTL_SECONDS = 3600;
/** We hand Better Auth the client address in this header, computed by Fastify, so clients cannot spoof it. */
export const CLIENT_IP_HEADER = 'x-portico-client-ip';

export interface AuthDeps {
  config: Config & { secret: string };
  db: DB;
  dialect: 'sqlite' | 'postgres';
  clock: Clock;
  notifyMail: () => void;
}

const ID_KINDS: Record<string, IdKind> = {
  user: 'user',
  session: 'session',
  account: 'account',
  verification: 'verification',
};

/** Better Auth's models on our snake_case tables (migration 2026_11_21_220000). */
const TABLES = {
  user: {
    modelName: 'users',
    fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
  },
  session: {
    modelName: 'sessions',
    expiresIn: SESSION_TTL_SECONDS,
    updateAge: SESSION_REFRESH_AFTER_SECONDS,
    fields: {
      userId: 'user_id',
      expiresAt: 'expires_at',
      ipAddress: 'ip_address',
      userAgent: 'user_agent',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
  },
  account: {
    modelName: 'accounts',
    fields: {
      userId: 'user_id',
      accountId: 'account_id',
      providerId: 'provider_id',
      accessToken: 'access_token',
      refreshToken: 'refresh_token',
      idToken: 'id_token',
      accessTokenExpiresAt: 'access_token_expires_at',
      refreshTokenExpiresAt: 'refresh_token_expires_at',
      createdAt: 'created_at',
      updatedAt: 'updated_at',
    },
  },
  verification: {
    modelName: 'verifications',
    storeIdentifier: 'hashed',
    fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
  },
} satisfies Pick<BetterAuthOptions, 'user' | 'session' | 'account' | 'verification'>;

/** Password reset and email verification: Better Auth makes the tokens, our outbox sends the emails. */
function emailOptions(deps: AuthDeps): Pick<BetterAuthOptions, 'emailAndPassword' | 'emailVerification'> {
  const { config, db, clock } = deps;
  const queueEmail = async (email: Parameters<typeof enqueueEmail>[1]) => {
    await enqueueEmail(db, email, clock.now());
    deps.notifyMail();
  };
  return {
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      autoSignIn: false,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: RESET_TTL_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, token }) =>
        trackedHook(() =>
          queueEmail(
            passwordResetEmail(
              user.email,
              user.name,
              `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
              RESET_TTL_SECONDS / 60,
            ),
          ),
        ),
      onPasswordReset: ({ user }) =>
        trackedHook(() =>
          recordAudit(
            db,
            { ...currentActor(), userId: user.id },
            { action: 'account.password_reset', targetType: 'user', targetId: user.id },
            clock.now(),
          ),
        ),
    },
    emailVerification: {
      // Sign-up's email is queued by the account hook below, inside the sign-up transaction.
      sendOnSignUp: false,
      sendOnSignIn: true,
      autoSignInAfterVerification: false,
      expiresIn: VERIFICATION_TTL_SECONDS,
      sendVerificationEmail: ({ user, token }) =>
        trackedHook(() =>
          queueEmail(
            verificationEmail(
              user.email,
              user.name,
              `${config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`,
              VERIFICATION_TTL_SECONDS / 3600,
            ),
          ),
        ),
      afterEmailVerification: (user) =>
        trackedHook(() =>
          recordAudit(
            db,
            { ...currentActor(), userId: user.id },
            { action: 'account.verified', targetType: 'user', targetId: user.id },
            clock.now(),
          ),
        ),
    },
  };
}

/** Sessions on the injected clock, sign-ins recorded, and what a new account brings with it. */
function databaseHooks(deps: AuthDeps): BetterAuthOptions['databaseHooks'] {
  const { db, clock } = deps;
  return {
    user: {
      create: {
        // An address the sign-up already proved (an invitation link for it, docs/adr/0014) is verified from the
        // start; the proof names one address, so it cannot verify another.
        before: async (user) => {
          if (provenAddress() === undefined || provenAddress() !== user.email) return;
          return { data: { ...user, emailVerified: true } };
        },
      },
    },
    session: {
      create: {
        // Sessions expire on the injected clock, the one every other expiry here reads (ARCHITECTURE 11): a test
        // or dev clock moved past a week must not make each new session born expired.
        before: async (session) => {
          const now = clock.now();
          return {
            data: { ...session, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000) },
          };
        },
        // A new session is a sign-in: the Members page's "last sign-in" (in Better Auth's transaction if any).
        after: async (session) => {
          await recordSignIn(currentTransaction() ?? db, session.userId, clock.now());
        },
      },
    },
    account: {
      create: {
        // Runs inside Better Auth's sign-up transaction, after the user row and before the password account row:
        // everything written here commits or rolls back with the account.
        before: async (account) => {
          if (account.providerId !== 'credential') return;
          const trx = currentTransaction() ?? db;
          await onAccountCreated(deps, trx, account.userId);
        },
      },
    },
  };
}

/**
 * Better Auth does accounts only (ARCHITECTURE): passwords (scrypt), sessions, verification and reset tokens.
 * Its HTTP handler is not mounted; our routes call `auth.api.*` so that every endpoint has our schemas, errors,
 * rate limits and CSRF rule. Table and column names are mapped onto our snake_case migrations.
 */
export function createAuth(deps: AuthDeps) {
  const { config, db } = deps;
  return betterAuth({
    appName: 'Portico',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.secret,
    trustedOrigins: [new URL(config.publicUrl).origin],
    database: { db: trackTransactions(db) as any, type: deps.dialect, transaction: true },
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
    logger: { level: 'error' },
    advanced: {
      cookiePrefix: 'portico',
      useSecureCookies: config.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: ({ model }) => newId(ID_KINDS[model] ?? 'verification') },
    },
    ...TABLES,
    ...emailOptions(deps),
    databaseHooks: databaseHooks(deps),
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * What a new account brings with it: its verification email (none when the sign-up proved the address), the audit
 * event, and perhaps operator rights.
 */
async function onAccountCreated(deps: AuthDeps, trx: Executor, userId: string): Promise<void> {
  const { config, clock } = deps;
  const user = await findUserById(trx, userId);
  if (!user) throw new Error(`sign-up: user ${userId} is not in the transaction`);
  const now = clock.now();
  const verified = Boolean(user.email_verified);
  if (!verified) {
    const token = await createEmailVerificationToken(config.secret, user.email, undefined, VERIFICATION_TTL_SECONDS, {
      userId,
    });
    const url = `${config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
    await enqueueEmail(trx, verificationEmail(user.email, user.name, url, VERIFICATION_TTL_SECONDS / 3600), now);
  }
  const actor = { ...currentActor(), userId };
  await recordAudit(
    trx,
    actor,
    {
      action: 'account.signed_up',
      targetType: 'user',
      targetId: userId,
      targetName: user.name,
      targetDetail: user.email,
      after: { email: user.email, name: user.name, ...(verified ? { verifiedBy: 'invitation' } : {}) },
    },
    now,
  );
  // SPEC §2.1: the first account on a fresh instance becomes an operator (a guarded insert: one winner).
  if (await claimFirstOperator(trx, userId, now)) {
    await recordAudit(
      trx,
      actor,
      { action: 'operator.granted', targetType: 'user', targetId: userId, after: { reason: 'first account' } },
      now,
    );
  }
}
