import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganizationWithAsset, createSignedInUser, json } from '../helpers/factories.js';
import { freePort, linksIn, SmtpPeer, textPart } from '../helpers/smtp-peer.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** The registration request reaches the administrators through real SMTP; registration is rate-limited. */
let t: TestApp;
let peer: SmtpPeer;

beforeAll(async () => {
  peer = new SmtpPeer({ port: await freePort() });
  await peer.start();
  t = await createTestApp({
    env: { SMTP_URL: `smtp://127.0.0.1:${peer.port}`, PUBLIC_URL: 'https://portal.example.com' },
  });
});
afterAll(async () => {
  await t.close();
  await peer.stop();
});

describe('a registration while the organization has an administrator', () => {
  it('emails every administrator the requester, the serial and an invite link', async () => {
    const operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
    const { organizationId } = await createOrganizationWithAsset(t, operator, {
      code: 'globex',
      name: 'Globex',
      serial: 'GLBX-0001-0002-0003',
    });
    const admin = await createSignedInUser(t, 'grace.admin@example.com', 'Grace Admin');
    expect((await json(t, 'POST', '/api/v1/registrations', admin, { serial: 'glbx000100020003' })).json().status).toBe(
      'linked',
    );
    const claimed = await json(t, 'POST', `/api/v1/orgs/${organizationId}/claim`, admin, {
      acceptTerms: true,
      acceptResponsibility: true,
    });
    expect(claimed.statusCode).toBe(200);

    const requester = await createSignedInUser(t, 'rory.requester@example.com', 'Rory Requester');
    const res = await json(t, 'POST', '/api/v1/registrations', requester, { serial: 'GLBX 0001 0002 0003' });
    expect(res.json().administrators).toEqual([{ name: 'Grace Admin', email: 'grace.admin@example.com' }]);

    await t.runtime.worker.drainOnce();
    await peer.waitForMessages(2);
    const request = peer.to('grace.admin@example.com').find((m) => m.subject.includes('Rory Requester'));
    expect(request).toBeDefined();
    const text = textPart(request!);
    expect(text).toContain('rory.requester@example.com');
    expect(text).toContain('GLBX 0001 0002 0003');
    expect(linksIn(text)).toContain(
      `https://portal.example.com/orgs/${organizationId}/members?invite=rory.requester%40example.com`,
    );
    expect(peer.to('grace.admin@example.com').some((m) => m.subject.includes('administrator of Globex'))).toBe(true);
  });

  it('refuses the eleventh registration of an hour with 429 and Retry-After', async () => {
    const guesser = await createSignedInUser(t, 'guesser@example.com', 'Gus Guesser');
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 11; i++) {
      const res = await json(t, 'POST', '/api/v1/registrations', guesser, {
        serial: `GUESS${String(i).padStart(6, '0')}`,
      });
      statuses.push(res.statusCode);
      retryAfter = res.headers['retry-after'] as string | undefined;
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses[10]).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
