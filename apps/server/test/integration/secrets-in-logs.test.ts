import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChildDatabase,
  createChildDatabase,
  ensureBuilt,
  type ServerProcess,
  startServer,
  TEST_SECRET,
  waitUntil,
} from '../helpers/child-process.js';
import { freePort, linksIn, SmtpPeer, textPart } from '../helpers/smtp-peer.js';
import { PASSWORD } from '../helpers/test-app.js';

/**
 * SPEC §2.8 and §6: passwords, tokens, session cookies and the server secret never reach the server log.
 * buildApp() logs to the process's stdout through pino and takes no stream, so the real built server runs as a
 * child process at LOG_LEVEL=debug and its whole output is what the test reads.
 *
 * SMTP_URL points at a test SMTP peer on purpose: without it the dev mailbox prints every email's links, tokens
 * included, to the log (SPEC §2.7 wants that for the one-command start on a developer's machine), which is not
 * the production path this test guards.
 */
const EMAIL = 'logs@example.com';
const CHANGED_PASSWORD = 'saffron-glacier-meadow-31';
const RESET_PASSWORD = 'juniper-tundra-beacon-58';
const WRONG_PASSWORD = 'mistyped-but-private-pass-63';

let db: ChildDatabase;
let peer: SmtpPeer;
let server: ServerProcess | null = null;
let log = '';
/** Each secret with a label, so a failure says which one leaked. */
const secrets: [string, string][] = [
  ['the sign-up password', PASSWORD],
  ['the changed password', CHANGED_PASSWORD],
  ['the reset password', RESET_PASSWORD],
  ['a mistyped password', WRONG_PASSWORD],
  ['SECRET', TEST_SECRET],
];

function postJson(path: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${server?.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

function sessionCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('portico.session_token='));
  if (!cookie) throw new Error('no session cookie');
  const pair = cookie.split(';')[0] as string;
  const value = pair.slice(pair.indexOf('=') + 1);
  const decoded = decodeURIComponent(value);
  secrets.push(
    ['a session cookie', value],
    ['a session cookie (decoded)', decoded],
    ['a session token', decoded.split('.')[0] as string],
  );
  return pair;
}

/** The link of the newest email to EMAIL whose subject contains `subject`; its token joins the secrets. */
async function emailedToken(subject: string, count: number): Promise<{ link: string; token: string }> {
  const message = await waitUntil(
    `email "${subject}"`,
    () => peer.to(EMAIL).filter((m) => m.subject.includes(subject))[count - 1],
  );
  const link = linksIn(textPart(message))[0] ?? '';
  const token = new URL(link).searchParams.get('token') ?? '';
  secrets.push([`the token of "${subject}"`, token], [`the link of "${subject}"`, link]);
  // A JWT's last segment is its signature: the part that cannot be guessed.
  if (token.split('.').length === 3) secrets.push([`the signature of "${subject}"`, token.split('.')[2] as string]);
  return { link, token };
}

beforeAll(async () => {
  ensureBuilt();
  db = await createChildDatabase();
  peer = new SmtpPeer();
  await peer.start();
  const port = await freePort();
  server = await startServer({
    port,
    cwd: db.dir,
    env: {
      NODE_ENV: 'test',
      SECRET: TEST_SECRET,
      LOG_LEVEL: 'debug',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: db.dir,
      DATABASE_URL: db.url,
      SMTP_URL: peer.url,
    },
  });

  expect((await postJson('/api/auth/sign-up', { name: 'Log Reader', email: EMAIL, password: PASSWORD })).status).toBe(
    202,
  );
  const verification = await emailedToken('Verify', 1);
  // The browser loads the page from the email first; the page then calls the API.
  await fetch(verification.link);
  expect((await postJson('/api/auth/verify-email', { token: verification.token })).status).toBe(200);

  expect((await postJson('/api/auth/sign-in', { email: EMAIL, password: WRONG_PASSWORD })).status).toBe(401);
  const signedIn = await postJson('/api/auth/sign-in', { email: EMAIL, password: PASSWORD });
  expect(signedIn.status).toBe(200);
  const cookie = sessionCookie(signedIn);
  expect((await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).status).toBe(200);

  const changed = await postJson(
    '/api/auth/change-password',
    { currentPassword: PASSWORD, newPassword: CHANGED_PASSWORD },
    cookie,
  );
  expect(changed.status).toBe(200);
  if (changed.headers.getSetCookie().length > 0) sessionCookie(changed);

  expect((await postJson('/api/auth/forgot-password', { email: EMAIL })).status).toBe(202);
  const reset = await emailedToken('Reset', 1);
  await fetch(reset.link);
  expect((await postJson('/api/auth/reset-password', { token: reset.token, newPassword: RESET_PASSWORD })).status).toBe(
    200,
  );
  // The used link once more: an error path must not log the token either.
  expect((await postJson('/api/auth/reset-password', { token: reset.token, newPassword: RESET_PASSWORD })).status).toBe(
    400,
  );
  const again = await postJson('/api/auth/sign-in', { email: EMAIL, password: RESET_PASSWORD });
  expect(again.status).toBe(200);
  sessionCookie(again);

  // A graceful stop flushes everything the process had to say.
  await server.stop();
  log = server.output();
  server = null;
});
afterAll(async () => {
  await server?.kill9();
  await peer.stop();
  await db.drop();
});

describe('the server log', () => {
  it('is the real thing: debug-level request lines, with page tokens redacted', () => {
    expect(log.split('\n').filter((line) => line.includes('"url":"/api/auth/')).length).toBeGreaterThanOrEqual(9);
    expect(log).toContain('/verify-email?token=%5Bredacted%5D');
    expect(log).toContain('/reset-password?token=%5Bredacted%5D');
    expect(log).not.toContain('dev mailbox');
  });

  it('holds no password, token, session cookie or SECRET', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(15);
    const leaked = secrets.filter(([, secret]) => secret.length >= 8 && log.includes(secret)).map(([label]) => label);
    expect(leaked).toEqual([]);
    expect(secrets.every(([, secret]) => secret.length >= 8)).toBe(true);
  });
});
