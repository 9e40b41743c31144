import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Caller, callerUser, type SessionContext } from '../lib/caller.js';
import { constantTimeEqual } from '../lib/crypto.js';
import { AppError } from '../lib/errors.js';
import { toDate } from '../lib/time.js';

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
  const { config, clock, sessions } = request.server.deps;
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

  const row = await sessions.find(token);
  const now = clock.now();
  if (!row || toDate(row.expiresAt) <= now) return null;

  const remainingMs = toDate(row.expiresAt).getTime() - now.getTime();
  if (remainingMs < (sessions.ttlSeconds - sessions.refreshAfterSeconds) * 1000) {
    await sessions.extend(row.sessionId, new Date(now.getTime() + sessions.ttlSeconds * 1000), now);
    reply.setCookie(cookieName, raw, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: sessions.ttlSeconds,
    });
  }
  return {
    sessionId: row.sessionId,
    token,
    user: callerUser(row),
  };
}

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The caller of a request: a desktop application or a script with `Authorization: Bearer`, or a browser with the
 * session cookie. A bearer token that is not valid is refused outright rather than falling back to a cookie, so a
 * client never acts as someone other than it meant to.
 */
export async function resolveCaller(request: FastifyRequest, reply: FastifyReply): Promise<Caller | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const token = BEARER.exec(header)?.[1];
    const caller = token ? await request.server.deps.verifyBearer(token) : null;
    if (!caller) throw new AppError('UNAUTHENTICATED', 'The bearer token is not valid');
    return caller;
  }
  const session = await resolveSession(request, reply);
  return session ? { ...session, via: 'session', scopes: 'all' } : null;
}

/** Authenticates the request (401 otherwise) and keeps the caller on it. */
export async function requireCaller(request: FastifyRequest, reply: FastifyReply): Promise<Caller> {
  const caller = await resolveCaller(request, reply);
  if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  request.auth = caller;
  return caller;
}

/** Marks a route in the OpenAPI document as needing the session cookie. */
export const SESSION_SECURITY = [{ session: [] }];
/** Licensing routes also take a desktop application's bearer token. */
export const LICENSING_SECURITY = [{ session: [] }, { bearer: [] }];
