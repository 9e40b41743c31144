import { createHmac } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from '../../src/http/auth-context.js';
import { iso } from '../../src/lib/time.js';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import {
  createOperator,
  createOrganizationWithAsset,
  createSession,
  createSignedInUser,
  createSignedInUsers,
  json,
} from '../helpers/factories.js';
import { openApiRoutes, registeredRoutes } from '../helpers/route-inventory.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  ACTORS,
  type ActorName,
  declarationFor,
  type Expected,
  expectedFor,
  type Fixtures,
  MATRIX,
  type Row,
  WITHOUT_SESSION,
} from './permissions.matrix.js';

interface Actor {
  name: string;
  cookie?: string;
  userId?: string;
}

let t: TestApp;
let f: Fixtures;
let actors: Record<ActorName, Actor>;
let served: Set<string>;
let counter = 0;

/** The operator's own session token, signed with another secret: a forged cookie must count as no session. */
function forgedCookie(operatorCookie: string): string {
  const value = decodeURIComponent(operatorCookie.slice(operatorCookie.indexOf('=') + 1).split(';')[0] ?? '');
  const token = value.slice(0, value.lastIndexOf('.'));
  const signature = createHmac('sha256', 'not-the-secret-not-the-secret-0123').update(token).digest('base64');
  return `${sessionCookieName(false)}=${encodeURIComponent(`${token}.${signature}`)}`;
}

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.runtime.deps;
  const operator = await createOperator(t);
  const { id: operatorId } = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'operator@example.com')
    .executeTakeFirstOrThrow();
  const a = await createOrganizationWithAsset(t, operator, { code: 'perm-a', name: 'Org A', serial: 'PERM-A000-0001' });
  const b = await createOrganizationWithAsset(t, operator, { code: 'perm-b', name: 'Org B', serial: 'PERM-B000-0001' });
  const c = await createOrganizationWithAsset(t, operator, { code: 'perm-c', name: 'Org C', serial: 'PERM-C000-0001' });
  // A product of no asset, for the rows that change and retire one.
  const spareProduct = await json(t, 'POST', '/api/v1/operator/products', operator, {
    code: 'PERM-SPARE',
    name: 'Spare product',
    kind: 'license',
    type: 'spare',
  });
  expect(spareProduct.statusCode).toBe(201);
  const assetA = await db
    .selectFrom('assets')
    .select('id')
    .where('organization_id', '=', a.organizationId)
    .executeTakeFirstOrThrow();

  const people = ['outsider', 'linkedA', 'memberA', 'adminA', 'adminB', 'spare', 'victim', 'expired'];
  const users = Object.fromEntries(
    (
      await createSignedInUsers(
        t,
        people.map((p) => ({ email: `${p.toLowerCase()}@example.com`, name: `${p} Person` })),
      )
    ).map((u, i) => [people[i], u]),
  );

  // Administrators the way SPEC §2.3 makes them: register the serial, then Promote me to Administrator.
  for (const [admin, catalogue] of [
    [users.adminA, a],
    [users.adminB, b],
  ] as const) {
    const linked = await json(t, 'POST', '/api/v1/registrations', admin.cookie, { serial: catalogue.serial });
    expect(linked.json().status).toBe('linked');
    const claimed = await json(t, 'POST', `/api/v1/orgs/${catalogue.organizationId}/claim`, admin.cookie, {
      acceptTerms: true,
      acceptResponsibility: true,
    });
    expect(claimed.statusCode).toBe(200);
  }
  const now = t.clock.now();
  // Invitations do not exist yet: a member is inserted the way acceptance will insert it.
  await upsertMember(db, a.organizationId, users.memberA.userId, 'member', now);
  // A user who registered A's serial before the claim (and lost it): linked, not a member.
  await db
    .insertInto('organization_links')
    .values({
      organization_id: a.organizationId,
      user_id: users.linkedA.userId,
      asset_id: assetA.id,
      created_at: iso(now),
    })
    .execute();
  await db
    .updateTable('sessions')
    .set({ expires_at: iso(new Date(now.getTime() - 60_000)) })
    .where('id', '=', users.expired.sessionId)
    .execute();

  const actor = (name: string, user?: { cookie: string; userId: string }): Actor => ({
    name,
    cookie: user?.cookie,
    userId: user?.userId,
  });
  actors = {
    anonymous: actor('Anonymous'),
    forged: { name: 'Forged', cookie: forgedCookie(operator) },
    expired: actor('expired Person', users.expired),
    outsider: actor('outsider Person', users.outsider),
    linkedA: actor('linkedA Person', users.linkedA),
    memberA: actor('memberA Person', users.memberA),
    adminA: actor('adminA Person', users.adminA),
    adminB: actor('adminB Person', users.adminB),
    operator: { name: 'Olivia Operator', cookie: operator, userId: operatorId },
  };
  f = {
    orgA: { id: a.organizationId, code: 'perm-a', serial: a.serial, assetId: assetA.id },
    orgB: { id: b.organizationId, code: 'perm-b', serial: b.serial },
    orgC: { id: c.organizationId, code: 'perm-c', name: 'Org C' },
    spareProduct: { id: spareProduct.json().id },
    spare: { userId: users.spare.userId, email: users.spare.email },
    victim: { userId: users.victim.userId, sessionId: users.victim.sessionId },
    memberA: { userId: users.memberA.userId },
    adminA: { userId: users.adminA.userId },
    invitation: { id: '', token: '' },
    revokedInvitation: { id: '' },
  };
  // Invitations of A (SPEC §2.4): one pending for the invitation rows, one revoked for the revoke row.
  const invited = await json(t, 'POST', `/api/v1/orgs/${a.organizationId}/invitations`, users.adminA.cookie, {
    emails: 'matrix-pending@example.com, matrix-revoked@example.com',
    rights: 'member',
  });
  expect(invited.statusCode).toBe(200);
  const [pending, revoked] = invited.json().results as { invitationId: string }[];
  const revokedRes = await json(
    t,
    'DELETE',
    `/api/v1/orgs/${a.organizationId}/invitations/${revoked!.invitationId}`,
    users.adminA.cookie,
  );
  expect(revokedRes.statusCode).toBe(204);
  const link = await json(
    t,
    'GET',
    `/api/v1/orgs/${a.organizationId}/invitations/${pending!.invitationId}/link`,
    users.adminA.cookie,
  );
  f.invitation = { id: pending!.invitationId, token: link.json().link.split('/invitations/')[1] };
  f.revokedInvitation = { id: revoked!.invitationId };
  served = new Set(registeredRoutes(t.app).map((r) => `${r.method} ${r.url}`));
});
afterAll(async () => t?.close());

function urlFor(row: Row, override?: Expected['likeUnknown']): string {
  const path = row.route.slice(row.route.indexOf(' ') + 1);
  return path.replace(/:(\w+)|\*/g, (whole, name: string | undefined) => {
    const param = name ?? '*';
    if (override?.param === param) return override.value;
    const value = row.params?.[param];
    if (!value) throw new Error(`${row.route}: no value for ${whole}`);
    return encodeURIComponent(value(f));
  });
}

async function send(row: Row, actorName: ActorName, url: string): Promise<LightMyRequestResponse> {
  const actor = actors[actorName];
  let cookie = actor.cookie;
  if (row.freshSession && actor.userId && !WITHOUT_SESSION.includes(actorName)) {
    cookie = (await createSession(t, actor.userId)).cookie;
  }
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (row.contentType) headers['content-type'] = row.contentType;
  const payload = row.body?.({ n: ++counter, caller: actor, f });
  return t.app.inject({
    method: row.route.slice(0, row.route.indexOf(' ')) as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as string | object }),
  });
}

function errorOf(res: LightMyRequestResponse): { code?: string; message?: string; details?: unknown } {
  try {
    const { requestId: _requestId, ...rest } = res.json().error ?? {};
    return rest;
  } catch {
    return {};
  }
}

/** The cell's problems, or nothing when the actor got what the matrix says. */
async function checkCell(row: Row, actorName: ActorName): Promise<string[]> {
  const want = expectedFor(row, actorName);
  const res = await send(row, actorName, urlFor(row));
  const got = `${res.statusCode} ${res.body.slice(0, 160)}`;
  const problems: string[] = [];
  if (res.statusCode !== want.status)
    problems.push(`${actorName}: expected ${want.status} ${want.code ?? ''}, got ${got}`);
  if (want.code && errorOf(res).code !== want.code) problems.push(`${actorName}: expected ${want.code}, got ${got}`);
  if (res.statusCode >= 400 && !row.oauthErrors && typeof res.json().error?.requestId !== 'string')
    problems.push(`${actorName}: not the error envelope: ${got}`);
  if (want.likeUnknown) {
    // Another organization's (or account's) id must be indistinguishable from one that does not exist.
    const unknown = await send(row, actorName, urlFor(row, want.likeUnknown));
    if (unknown.statusCode !== res.statusCode || JSON.stringify(errorOf(unknown)) !== JSON.stringify(errorOf(res)))
      problems.push(
        `${actorName}: unlike an unknown id: ${got} vs ${unknown.statusCode} ${unknown.body.slice(0, 160)}`,
      );
  }
  return problems;
}

describe('sessions made by createSignedInUser', () => {
  it('are accepted by the server like a signed-in browser', async () => {
    const cookie = await createSignedInUser(t, 'fast.user@example.com', 'Fast User');
    const me = await json(t, 'GET', '/api/v1/me', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ email: 'fast.user@example.com', emailVerified: true });
  });
});

describe('permissions matrix (SPEC §3 is the oracle)', () => {
  it('has a row for every route the app serves, and no row for a route it does not', async () => {
    const routes = registeredRoutes(t.app).map((r) => `${r.method} ${r.url}`);
    const rows = MATRIX.map((r) => r.route);
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !rows.includes(r))).toEqual([]);
    expect(MATRIX.filter((r) => !served.has(r.route)).map((r) => r.route)).toEqual([]);
    expect(new Set(rows).size).toBe(rows.length);
    // The parse of printRoutes found at least what the OpenAPI document describes.
    expect((await openApiRoutes(t.app)).filter((r) => !served.has(r))).toEqual([]);
  });

  it('has each route declare, in its one route() call, the access its row gives it', () => {
    const declared = (row: Row) => t.app.declaredAccess.get(row.route);
    const wrong = MATRIX.filter((row) => declared(row) !== declarationFor(row)).map(
      (row) => `${row.route}: declares ${String(declared(row))}, the matrix says ${String(declarationFor(row))}`,
    );
    expect(wrong).toEqual([]);
  });

  it.for(MATRIX)('$route', async (row) => {
    // The actors' requests are independent (only the operator's may change anything), so they go at once.
    const problems = (await Promise.all(ACTORS.map((actor) => checkCell(row, actor)))).flat();
    expect(problems).toEqual([]);
  });

  it('left the session of another account alone, and lets its owner end it', async () => {
    const victim = await t.runtime.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', f.victim.sessionId)
      .executeTakeFirst();
    expect(victim).toBeDefined();
    const { sessionId, cookie } = await createSession(t, f.victim.userId);
    const own = await json(t, 'DELETE', `/api/auth/sessions/${sessionId}`, cookie);
    expect(own.statusCode).toBe(204);
  });
});
