import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { hashSecret } from '../../src/modules/device-auth/device-secrets.js';
import { decideDeviceCode } from '../helpers/device-sign-in.js';
import { createSignedInUser, json } from '../helpers/factories.js';
import { freePort } from '../helpers/smtp-peer.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * A client we did not write (openid-client 6, a certified OAuth implementation) signs in against the listening
 * server: RFC 8414 discovery, the device authorization request, and polling that honours `interval`, so the server's
 * clock must follow real time here (the test takes about two intervals, ~10 s).
 */
class RealTimeClock extends ManualClock {
  override now(): Date {
    return new Date(Date.now() + this.offset);
  }
}

let t: TestApp;
let publicUrl: string;
let cookie: string;

beforeAll(async () => {
  const port = await freePort();
  publicUrl = `http://127.0.0.1:${port}`;
  t = await createTestApp({ env: { PUBLIC_URL: publicUrl }, clock: new RealTimeClock() });
  await t.app.listen({ port, host: '127.0.0.1' });
  cookie = await createSignedInUser(t, 'oidc.user@example.com', 'Olga Client');
});
afterAll(async () => t?.close());

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('openid-client against Portico', () => {
  it('discovers the server, starts a sign-in, polls while the person approves, and gets a working token', async () => {
    const config = await client.discovery(new URL(publicUrl), 'portico-desktop', undefined, client.None(), {
      algorithm: 'oauth2',
      execute: [client.allowInsecureRequests],
    });
    expect(config.serverMetadata().token_endpoint).toBe(`${publicUrl}/api/v1/licensing/device/token`);

    const started = await client.initiateDeviceAuthorization(config, {
      scope: 'licensing',
      application: 'Portico CAD',
      machine_name: 'OIDC-WS',
      platform: 'linux',
    });
    expect(started.interval).toBe(5);
    expect(started.verification_uri).toBe(`${publicUrl}/device`);

    const polling = client.pollDeviceAuthorizationGrant(config, started);
    // The person approves once the application has polled at least once (and been told to wait).
    await until('the first poll', async () => {
      const row = await t.runtime.deps.db
        .selectFrom('device_authorizations')
        .select('last_polled_at')
        .where('device_code_hash', '=', hashSecret(started.device_code))
        .executeTakeFirst();
      return row?.last_polled_at ?? undefined;
    });
    expect((await decideDeviceCode(t, cookie, started.user_code)).statusCode).toBe(200);

    const tokens = await polling;
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.scope).toBe('licensing');
    expect(tokens.expiresIn()).toBeGreaterThan(89 * 86_400);

    const devices = (await json(t, 'GET', '/api/v1/me/devices', cookie)).json().items;
    expect(devices).toEqual([expect.objectContaining({ application: 'Portico CAD', machineName: 'OIDC-WS' })]);
    const signOut = await fetch(`${publicUrl}/api/v1/licensing/sign-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(signOut.status).toBe(204);
  }, 30_000);
});
