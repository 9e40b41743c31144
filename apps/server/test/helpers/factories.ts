import { createHmac, randomBytes } from 'node:crypto';
import { sessionCookieName } from '../../src/http/auth-context.js';
import { newId } from '../../src/lib/ids.js';
import { iso } from '../../src/lib/time.js';
import { SESSION_TTL_SECONDS } from '../../src/modules/accounts/auth.js';
import { createUser, type TestApp } from './test-app.js';

/** Operator-made data for organization tests, through the real operator API. */
export async function json(
  t: TestApp,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  cookie: string,
  payload?: unknown,
) {
  return t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

export async function createOperator(t: TestApp, email = 'operator@example.com'): Promise<string> {
  // The first account of a fresh instance is its operator.
  return createUser(t, email, 'Olivia Operator');
}

export interface Catalogue {
  organizationId: string;
  serial: string;
}

/** A license product, an organization and one asset of it; returns the organization's id and the serial. */
export async function createOrganizationWithAsset(
  t: TestApp,
  operatorCookie: string,
  options: { code: string; name: string; serial: string; productCode?: string; seats?: number; endsAt?: string | null },
): Promise<Catalogue> {
  const productCode = options.productCode ?? 'PRM-2026';
  const existing = await json(t, 'GET', '/api/v1/operator/products', operatorCookie);
  if (!existing.json().items.some((p: { code: string }) => p.code === productCode)) {
    const product = await json(t, 'POST', '/api/v1/operator/products', operatorCookie, {
      code: productCode,
      name: 'Premium 2026',
      kind: 'license',
      type: 'cad',
    });
    if (product.statusCode !== 201) throw new Error(`product: ${product.body}`);
  }
  const organization = await json(t, 'POST', '/api/v1/operator/organizations', operatorCookie, {
    name: options.name,
    code: options.code,
  });
  if (organization.statusCode !== 201) throw new Error(`organization: ${organization.body}`);
  const asset = await json(t, 'POST', '/api/v1/operator/assets', operatorCookie, {
    organization: options.code,
    product: productCode,
    serial: options.serial,
    seats: options.seats ?? 10,
    mode: 'online',
    startsAt: '2026-01-01',
    endsAt: options.endsAt === undefined ? '2027-01-01' : options.endsAt,
  });
  if (asset.statusCode !== 201) throw new Error(`asset: ${asset.body}`);
  return { organizationId: organization.json().id, serial: options.serial };
}

export interface SignedInUser {
  userId: string;
  sessionId: string;
  email: string;
  name: string;
  /** The Cookie header a browser would send: the session cookie, signed as Better Auth signs it. */
  cookie: string;
}

export interface SignedInUserOptions {
  isOperator?: boolean;
  /** false inserts an account whose email is not verified yet (default true). */
  emailVerified?: boolean;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 32-character session token from the same alphabet Better Auth uses. */
function sessionToken(): string {
  return Array.from(randomBytes(32), (byte) => TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length]).join('');
}

/**
 * The session cookie exactly as Better Auth (better-call's signCookieValue) writes it:
 * `encodeURIComponent(token + '.' + base64(HMAC-SHA256(secret, token)))`.
 */
export function sessionCookie(t: TestApp, token: string): string {
  const signature = createHmac('sha256', t.runtime.deps.config.secret).update(token).digest('base64');
  return `${sessionCookieName(t.runtime.deps.config.secureCookies)}=${encodeURIComponent(`${token}.${signature}`)}`;
}

function sessionRow(t: TestApp, userId: string) {
  const now = t.clock.now();
  const token = sessionToken();
  const row = {
    id: newId('session', now.getTime()),
    user_id: userId,
    token,
    expires_at: iso(new Date(now.getTime() + SESSION_TTL_SECONDS * 1000)),
    ip_address: '127.0.0.1',
    user_agent: 'portico-tests',
    created_at: iso(now),
    updated_at: iso(now),
  };
  return { row, cookie: sessionCookie(t, token) };
}

/**
 * Verified accounts with a live session each, inserted directly: two multi-row inserts instead of sign-up,
 * verification and sign-in (scrypt) per user, so a test can make hundreds. No password is stored, so these
 * accounts cannot sign in or change a password; use createUser for that. Inserting does not claim the
 * first-operator flag: a later real sign-up still becomes the instance's first operator.
 */
export async function createSignedInUsers(
  t: TestApp,
  people: { email: string; name: string; options?: SignedInUserOptions }[],
): Promise<SignedInUser[]> {
  if (people.length === 0) return [];
  const { db, dialect } = t.runtime.deps;
  const now = t.clock.now();
  const users = people.map(({ email, name, options }) => ({
    id: newId('user', now.getTime()),
    name,
    email: email.trim().toLowerCase(),
    // Better Auth's column is a boolean: SQLite stores it as 0/1 (better-sqlite3 cannot bind a JS boolean).
    email_verified: dialect === 'sqlite' ? Number(options?.emailVerified ?? true) : (options?.emailVerified ?? true),
    image: null,
    is_operator: options?.isOperator ? 1 : 0,
    // Signed in now, as a sign-in through Better Auth would record.
    last_sign_in_at: iso(now),
    created_at: iso(now),
    updated_at: iso(now),
  }));
  const signedIn = users.map((user) => ({ user, session: sessionRow(t, user.id) }));
  await db.insertInto('users').values(users).execute();
  await db
    .insertInto('sessions')
    .values(signedIn.map((s) => s.session.row))
    .execute();
  return signedIn.map(({ user, session }) => ({
    userId: user.id,
    sessionId: session.row.id,
    email: user.email,
    name: user.name,
    cookie: session.cookie,
  }));
}

/** One verified, signed-in account without scrypt (see createSignedInUsers); returns its cookie header. */
export async function createSignedInUser(
  t: TestApp,
  email: string,
  name: string,
  options: SignedInUserOptions = {},
): Promise<string> {
  const [user] = await createSignedInUsers(t, [{ email, name, options }]);
  return user!.cookie;
}

/** Another live session of an existing account (e.g. one a test may end); returns its cookie and id. */
export async function createSession(t: TestApp, userId: string): Promise<{ sessionId: string; cookie: string }> {
  const { row, cookie } = sessionRow(t, userId);
  await t.runtime.deps.db.insertInto('sessions').values(row).execute();
  return { sessionId: row.id, cookie };
}
