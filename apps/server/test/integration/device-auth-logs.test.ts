import { DEVICE_GRANT_TYPE } from '@portico/contracts';
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
 * SPEC §2.8: the codes and tokens of a desktop sign-in never reach the server log. The built server runs as a child
 * process at LOG_LEVEL=debug (as in secrets-in-logs.test.ts) through every step of the flow, its error paths
 * included, and its whole output is searched for each code and token.
 */
const EMAIL = 'device.logs@example.com';

let db: ChildDatabase;
let peer: SmtpPeer;
let server: ServerProcess | null = null;
let log = '';
const secrets: [string, string][] = [];

function keep(label: string, value: string): string {
  secrets.push([label, value]);
  return value;
}

async function post(path: string, body: string | object, headers: Record<string, string> = {}): Promise<Response> {
  const form = typeof body === 'string';
  return fetch(`${server?.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json', ...headers },
    body: form ? body : JSON.stringify(body),
  });
}

/** A device code and its user code, in every spelling the log could show. */
async function startSignIn(machine: string): Promise<{ deviceCode: string; userCode: string }> {
  const res = await post('/api/v1/licensing/device/code', `client_id=portico-desktop&machine_name=${machine}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { device_code: string; user_code: string };
  keep(`the device code of ${machine}`, body.device_code);
  keep(`the user code of ${machine}`, body.user_code);
  keep(`the user code of ${machine} (stored form)`, body.user_code.replace('-', ''));
  return { deviceCode: body.device_code, userCode: body.user_code };
}

const poll = (deviceCode: string) =>
  post(
    '/api/v1/licensing/device/token',
    `grant_type=${encodeURIComponent(DEVICE_GRANT_TYPE)}&device_code=${deviceCode}`,
  );

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

  expect((await post('/api/auth/sign-up', { name: 'Dev Logs', email: EMAIL, password: PASSWORD })).status).toBe(202);
  const message = await waitUntil('the verification email', () => peer.to(EMAIL)[0]);
  const token = new URL(linksIn(textPart(message))[0] ?? '').searchParams.get('token') ?? '';
  expect((await post('/api/auth/verify-email', { token })).status).toBe(200);
  const signedIn = await post('/api/auth/sign-in', { email: EMAIL, password: PASSWORD });
  const cookie = (signedIn.headers.getSetCookie()[0] ?? '').split(';')[0] as string;

  // Approved: looked up as typed (lower case, no dash), polled before and after, used, and signed out.
  const approved = await startSignIn('LOG-WS-1');
  expect(((await (await poll(approved.deviceCode)).json()) as { error: string }).error).toBe('authorization_pending');
  const typed = approved.userCode.replace('-', '').toLowerCase();
  keep('the user code as typed', typed);
  const looked = await fetch(`${server.url}/api/v1/licensing/device/requests/${typed}`, { headers: { cookie } });
  expect(looked.status).toBe(200);
  const decided = await post(
    `/api/v1/licensing/device/requests/${approved.userCode}`,
    { decision: 'approve' },
    { cookie },
  );
  expect(decided.status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 5_100));
  const issued = await poll(approved.deviceCode);
  expect(issued.status).toBe(200);
  const accessToken = keep('the access token', ((await issued.json()) as { access_token: string }).access_token);
  keep('the access token without its prefix', accessToken.slice(4));
  expect((await poll(approved.deviceCode)).status).toBe(400);
  const bearer = { authorization: `Bearer ${accessToken}` };
  expect((await fetch(`${server.url}/api/v1/me/devices`, { headers: bearer })).status).toBe(403);
  expect((await post('/api/v1/licensing/sign-out', {}, bearer)).status).toBe(204);
  expect((await post('/api/v1/licensing/sign-out', {}, bearer)).status).toBe(401);

  // Denied, then a decision again on the decided code (an error path).
  const denied = await startSignIn('LOG-WS-2');
  const deny = await post(`/api/v1/licensing/device/requests/${denied.userCode}`, { decision: 'deny' }, { cookie });
  expect(deny.status).toBe(200);
  const again = await post(`/api/v1/licensing/device/requests/${denied.userCode}`, { decision: 'deny' }, { cookie });
  expect(again.status).toBe(409);
  expect(((await (await poll(denied.deviceCode)).json()) as { error: string }).error).toBe('access_denied');

  await server.stop();
  log = server.output();
  server = null;
}, 60_000);
afterAll(async () => {
  await server?.kill9();
  await peer.stop();
  await db.drop();
});

describe('the server log during desktop sign-ins', () => {
  it('is the real thing: debug-level request lines of every step, with the code in the path redacted', () => {
    expect(log.split('\n').filter((line) => line.includes('/api/v1/licensing/')).length).toBeGreaterThanOrEqual(12);
    expect(log).toContain('/api/v1/licensing/device/requests/[redacted]');
  });

  it('holds no device code, user code or access token', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(9);
    const leaked = secrets.filter(([, secret]) => log.includes(secret)).map(([label]) => label);
    expect(leaked).toEqual([]);
  });
});
