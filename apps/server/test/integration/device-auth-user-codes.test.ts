import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decideDeviceCode, postForm, requestDeviceCode } from '../helpers/device-sign-in.js';
import { createSignedInUser, json } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// User codes are unique among pending requests (a partial unique index); a draw that collides is drawn again.
// The draws are scripted here, since a real collision among 20^8 codes would take billions of requests.

const draws = vi.hoisted(() => ({ next: [] as string[] }));
vi.mock('../../src/modules/device-auth/user-code.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/modules/device-auth/user-code.js')>();
  return { ...actual, generateUserCode: () => draws.next.shift() ?? actual.generateUserCode() };
});

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  cookie = await createSignedInUser(t, 'codes@example.com', 'Cody Codes');
});
afterAll(async () => t?.close());

describe('user code collisions', () => {
  it('draws again when the code is pending already, and reuses a code once its request is decided', async () => {
    draws.next = ['BCDFGHJK', 'BCDFGHJK', 'LMNPQRST'];
    const first = await requestDeviceCode(t, { machine_name: 'FIRST' });
    const second = await requestDeviceCode(t, { machine_name: 'SECOND' });
    expect(first.user_code).toBe('BCDF-GHJK');
    expect(second.user_code).toBe('LMNP-QRST');

    expect((await decideDeviceCode(t, cookie, 'BCDF-GHJK', 'deny')).statusCode).toBe(200);
    draws.next = ['BCDFGHJK'];
    const third = await requestDeviceCode(t, { machine_name: 'THIRD' });
    expect(third.user_code).toBe('BCDF-GHJK');
    const shown = await json(t, 'GET', '/api/v1/licensing/device/requests/BCDF-GHJK', cookie);
    expect(shown.json()).toMatchObject({ machineName: 'THIRD', status: 'pending' });
  });

  it('gives up after a few draws with an RFC server_error rather than looping', async () => {
    draws.next = Array.from({ length: 5 }, () => 'LMNPQRST');
    const res = await postForm(t, '/api/v1/licensing/device/code', { client_id: 'portico-desktop' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'server_error', error_description: expect.any(String) });
    draws.next = [];
  });
});
