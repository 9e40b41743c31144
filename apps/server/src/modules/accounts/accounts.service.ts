import type { ChangePasswordRequest, SignInRequest, SignUpRequest } from '@portico/contracts';
import type { DatabaseHandle, Executor } from '../../db/database.js';
import type { Deps, SessionStore } from '../../deps.js';
import type { Actor, RequestInfo } from '../../lib/actor.js';
import type { SessionContext } from '../../lib/caller.js';
import { AppError } from '../../lib/errors.js';
import { runAuthCall } from '../../lib/request-context.js';
import { toDate, toIsoString } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.writer.js';
import { consumeRate } from '../rate-limits/rate-limits.service.js';
import * as repo from './accounts.repository.js';
import { CLIENT_IP_HEADER, SESSION_REFRESH_AFTER_SECONDS, SESSION_TTL_SECONDS } from './auth.js';
import { mapAuthError, refusal } from './auth-errors.js';
import { isCommonPassword } from './passwords.js';

/** What this file's services use of the application. */
type AccountDeps = Deps<'db' | 'clock' | 'auth' | 'notifyMail' | 'rateRules'>;

export const ACCEPTED_MESSAGES = {
  signUp: 'If the address can be used, we sent a verification link to it. Open it to finish creating your account.',
  resend: 'If an account with this address is waiting for verification, we sent a new link.',
  reset: 'If an account exists for this address, we sent a link to choose a new password.',
} as const;

export function authHeaders(info: RequestInfo): Headers {
  const headers = new Headers({ [CLIENT_IP_HEADER]: info.ip });
  if (info.userAgent) headers.set('user-agent', info.userAgent);
  if (info.cookie) headers.set('cookie', info.cookie);
  return headers;
}

export function assertNotCommon(password: string, path: string): void {
  if (isCommonPassword(password))
    throw AppError.validation(path, 'is too common: choose a password that is hard to guess');
}

/** An email Better Auth could not queue must not be acknowledged: the caller asks again (SPEC §2.7). */
export function assertHooksSucceeded(failures: unknown[]): void {
  if (failures.length > 0)
    throw new AppError('UNAVAILABLE', 'We could not queue the email; please try again in a moment');
}

export async function signUp(deps: AccountDeps, info: RequestInfo, input: SignUpRequest): Promise<void> {
  assertNotCommon(input.password, 'password');
  const now = deps.clock.now();
  await consumeRate(deps.db, `sign-up:ip:${info.ip}`, deps.rateRules.signUpPerIp, now);
  await consumeRate(deps.db, `email:${input.email}`, deps.rateRules.emailPerAddress, now);
  // An existing address gets the same answer as a new one (Better Auth returns a synthetic user): no enumeration.
  const { failures } = await runAuthCall(info.actor, () =>
    deps.auth.api.signUpEmail({
      body: { name: input.name, email: input.email, password: input.password },
      headers: authHeaders(info),
    }),
  );
  assertHooksSucceeded(failures);
  // The verification email was queued inside the sign-up transaction; now that it is committed, deliver it.
  deps.notifyMail();
}

export async function signIn(deps: AccountDeps, info: RequestInfo, input: SignInRequest) {
  const now = deps.clock.now();
  await consumeRate(deps.db, `sign-in:ip:${info.ip}`, deps.rateRules.signInPerIp, now);
  // Per account and address, so a stranger elsewhere cannot lock the owner out.
  await consumeRate(deps.db, `sign-in:account:${input.email}:${info.ip}`, deps.rateRules.signInPerAccount, now);
  try {
    const { result } = await runAuthCall(info.actor, () =>
      deps.auth.api.signInEmail({
        body: { email: input.email, password: input.password, rememberMe: input.rememberMe ?? true },
        headers: authHeaders(info),
        returnHeaders: true,
      }),
    );
    const { user } = result.response;
    return {
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        emailVerified: user.emailVerified,
        createdAt: toIsoString(user.createdAt),
      },
      setCookies: result.headers.getSetCookie(),
    };
  } catch (error) {
    mapAuthError(error, {
      401: refusal('INVALID_CREDENTIALS', 'Email or password is incorrect'),
      403: refusal('EMAIL_NOT_VERIFIED', 'Verify your email address first: we sent you a new link'),
    });
  }
}

export async function signOut(deps: AccountDeps, info: RequestInfo): Promise<string[]> {
  const { result } = await runAuthCall(info.actor, () =>
    deps.auth.api.signOut({ headers: authHeaders(info), returnHeaders: true }),
  );
  return result.headers.getSetCookie();
}

export async function verifyEmail(deps: AccountDeps, info: RequestInfo, token: string): Promise<void> {
  await consumeRate(deps.db, `token:ip:${info.ip}`, deps.rateRules.tokenPerIp, deps.clock.now());
  try {
    await runAuthCall(info.actor, () =>
      deps.auth.api.verifyEmail({ query: { token }, headers: authHeaders({ ...info, cookie: null }) }),
    );
  } catch (error) {
    mapAuthError(error, {
      400: refusal('INVALID_TOKEN', 'This verification link is invalid or has expired; ask for a new one'),
      401: refusal('INVALID_TOKEN', 'This verification link is invalid or has expired; ask for a new one'),
      404: refusal('INVALID_TOKEN', 'This verification link is invalid or has expired; ask for a new one'),
    });
  }
}

export async function resendVerification(deps: AccountDeps, info: RequestInfo, email: string): Promise<void> {
  const now = deps.clock.now();
  await consumeRate(deps.db, `email:ip:${info.ip}`, deps.rateRules.emailPerIp, now);
  await consumeRate(deps.db, `email:${email}`, deps.rateRules.emailPerAddress, now);
  const { failures } = await runAuthCall(info.actor, () =>
    deps.auth.api.sendVerificationEmail({ body: { email }, headers: authHeaders({ ...info, cookie: null }) }),
  );
  assertHooksSucceeded(failures);
}

export async function requestPasswordReset(deps: AccountDeps, info: RequestInfo, email: string): Promise<void> {
  const now = deps.clock.now();
  await consumeRate(deps.db, `email:ip:${info.ip}`, deps.rateRules.emailPerIp, now);
  await consumeRate(deps.db, `email:${email}`, deps.rateRules.emailPerAddress, now);
  const { failures } = await runAuthCall(info.actor, () =>
    deps.auth.api.requestPasswordReset({ body: { email }, headers: authHeaders({ ...info, cookie: null }) }),
  );
  assertHooksSucceeded(failures);
}

export async function resetPassword(
  deps: AccountDeps,
  info: RequestInfo,
  token: string,
  newPassword: string,
): Promise<void> {
  assertNotCommon(newPassword, 'newPassword');
  await consumeRate(deps.db, `token:ip:${info.ip}`, deps.rateRules.tokenPerIp, deps.clock.now());
  try {
    await runAuthCall(info.actor, () =>
      deps.auth.api.resetPassword({ body: { token, newPassword }, headers: authHeaders({ ...info, cookie: null }) }),
    );
  } catch (error) {
    mapAuthError(error, {
      400: refusal('INVALID_TOKEN', 'This reset link is invalid, used or expired; ask for a new one'),
    });
  }
}

export async function changePassword(
  deps: AccountDeps,
  info: RequestInfo,
  session: SessionContext,
  input: ChangePasswordRequest,
) {
  assertNotCommon(input.newPassword, 'newPassword');
  const now = deps.clock.now();
  await consumeRate(deps.db, `sign-in:account:${session.user.email}:${info.ip}`, deps.rateRules.signInPerAccount, now);
  try {
    const { result } = await runAuthCall(info.actor, () =>
      deps.auth.api.changePassword({
        body: {
          currentPassword: input.currentPassword,
          newPassword: input.newPassword,
          revokeOtherSessions: input.signOutOtherSessions ?? false,
        },
        headers: authHeaders(info),
        returnHeaders: true,
      }),
    );
    await recordAudit(
      deps.db,
      info.actor,
      {
        action: 'account.password_changed',
        targetType: 'user',
        targetId: session.user.id,
        after: { signedOutOtherSessions: input.signOutOtherSessions ?? false },
      },
      deps.clock.now(),
    );
    return { setCookies: result.headers.getSetCookie() };
  } catch (error) {
    mapAuthError(error, {
      400: refusal('VALIDATION_FAILED', 'currentPassword is not your current password', {
        path: 'currentPassword',
        message: 'is not your current password',
      }),
    });
  }
}

export async function getSessions(deps: AccountDeps, session: SessionContext) {
  const rows = await repo.listSessions(deps.db, session.user.id, deps.clock.now());
  return rows.map((row) => ({
    id: row.id,
    createdAt: toIsoString(row.created_at),
    lastActiveAt: toIsoString(row.updated_at),
    expiresAt: toIsoString(row.expires_at),
    ipAddress: row.ip_address,
    userAgent: row.user_agent,
    current: row.id === session.sessionId,
  }));
}

export async function revokeSession(deps: AccountDeps, session: SessionContext, sessionId: string): Promise<void> {
  if ((await repo.deleteSession(deps.db, session.user.id, sessionId)) === 0) throw AppError.notFound('session');
}

export async function revokeOtherSessions(deps: AccountDeps, session: SessionContext): Promise<number> {
  return repo.deleteOtherSessions(deps.db, session.user.id, session.sessionId);
}

export async function renameUser(
  deps: Deps<'db' | 'clock'>,
  actor: Actor,
  session: Pick<SessionContext, 'user'>,
  name: string,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = await repo.findUserById(trx, session.user.id);
    await repo.updateUserName(trx, session.user.id, name, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'account.renamed',
        targetType: 'user',
        targetId: session.user.id,
        before: { name: before?.name },
        after: { name },
      },
      now,
    );
  });
}

export function describeUser(session: Pick<SessionContext, 'user'>) {
  const { user } = session;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified,
    createdAt: toDate(user.createdAt).toISOString(),
  };
}

/** An account by its (normalized) email address, in the caller's transaction or on the database. */
export async function findUserByEmail(db: Executor, email: string) {
  return repo.findUserByEmail(db, email);
}

export async function findUserById(db: Executor, id: string) {
  return repo.findUserById(db, id);
}

/** The session lookup behind every signed-in request, for the HTTP layer (deps.sessions). */
export function createSessionStore(handle: DatabaseHandle): SessionStore {
  return {
    find: repo.createSessionFinder(handle),
    extend: (sessionId, expiresAt, now) => repo.extendSession(handle.db, sessionId, expiresAt, now),
    ttlSeconds: SESSION_TTL_SECONDS,
    refreshAfterSeconds: SESSION_REFRESH_AFTER_SECONDS,
  };
}
