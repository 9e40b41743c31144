import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionContext } from '../deps.js';
import { constantTimeEqual } from '../lib/crypto.js';
import { AppError } from '../lib/errors.js';
import { toDate } from '../lib/time.js';
import { extendSession } from '../modules/accounts/accounts.repository.js';
import { SESSION_REFRESH_AFTER_SECONDS, SESSION_TTL_SECONDS } from '../modules/accounts/auth.js';

export function sessionCookieName(secure: boolean): string {
  return `${secure ? '__Secure-' : ''}portico.session_token`;
}

/**
 * Cookie values whose signature was already checked. Only values that passed are kept, and the key is the whole
 * value with its signature, so a forged cookie can never hit the set; the session itself is still looked up (and
 * may have ended) on every request. Bounded: cleared when full.
 */
const verifiedBySecret = new Map<string, Set<string>>();
const VERIFIED_COOKIES_MAX = 10_000;

/** One set per secret, so two applications in one process (tests) never trust each other's cookies. */
function verifiedCookies(secret: string): Set<string> {
  let set = verifiedBySecret.get(secret);
  if (!set) {
    set = new Set();
    verifiedBySecret.set(secret, set);
  }
  if (set.size >= VERIFIED_COOKIES_MAX) set.clear();
  return set;
}

/**
 * Reads Better Auth's signed session cookie (`token.base64(HMAC-SHA256(secret, token))`) and loads the session
 * with one query. Done here rather than through auth.api.getSession because it runs on every request: one
 * indexed join instead of the library's several steps (see docs/adr/0002).
 */
export async function resolveSession(request: FastifyRequest, reply: FastifyReply): Promise<SessionContext | null> {
  const { config, db, clock, findSession } = request.server.deps;
  const cookieName = sessionCookieName(config.secureCookies);
  const raw = request.cookies[cookieName];
  if (!raw) return null;
  const dot = raw.lastIndexOf('.');
  if (dot < 1) return null;
  const token = raw.slice(0, dot);
  const verified = verifiedCookies(config.secret);
  if (!verified.has(raw)) {
    const expected = createHmac('sha256', config.secret).update(token).digest('base64');
    if (!constantTimeEqual(raw.slice(dot + 1), expected)) return null;
    verified.add(raw);
  }

  const row = await findSession(token);
  const now = clock.now();
  if (!row || toDate(row.expiresAt) <= now) return null;

  const remainingMs = toDate(row.expiresAt).getTime() - now.getTime();
  if (remainingMs < (SESSION_TTL_SECONDS - SESSION_REFRESH_AFTER_SECONDS) * 1000) {
    await extendSession(db, row.sessionId, new Date(now.getTime() + SESSION_TTL_SECONDS * 1000), now);
    reply.setCookie(cookieName, raw, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: SESSION_TTL_SECONDS,
    });
  }
  return {
    sessionId: row.sessionId,
    token,
    user: {
      id: row.userId,
      name: row.name,
      email: row.email,
      emailVerified: Boolean(row.emailVerified),
      isOperator: Boolean(row.isOperator),
      createdAt: toDate(row.createdAt),
    },
  };
}

/** preHandler for routes that need a signed-in user: 401 otherwise. */
export async function requireSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const session = await resolveSession(request, reply);
  if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  request.auth = session;
}

/** preHandler for operator routes: 401 without a session, 403 for a user who is not an operator. */
export async function requireOperator(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  await requireSession(request, reply);
  if (!request.auth.user.isOperator) throw new AppError('FORBIDDEN', 'Only operators may do this');
}

/** Marks a route in the OpenAPI document as needing the session cookie. */
export const SESSION_SECURITY = [{ session: [] }];
