import { type AuditEvent, type AuditEventItem, formatSerial } from '@portico/contracts';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/lib/clock.js';
import { encodeCursor } from '../../src/lib/cursor.js';
import { recordAudit, recordBulkAudit } from '../../src/modules/audit/audit.writer.js';
import { createOrganizationWithAsset, createSignedInUsers, json } from '../helpers/factories.js';
import { addAsset, addMembers, addProduct } from '../helpers/licensing.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The audit log people can read (issue 14): every event names its target as it was at the time, a bulk action is
 * one event whose rows are paged on their own, and the log narrows to a date range. The changes come through the
 * real API on a timeline of days (the test clock), so the date filter has known days to find.
 */
let t: TestApp;
let orgA: string;
let orgB: string;
const SERIAL_A = 'READA0000001';
type Who = 'operator' | 'ada' | 'bob' | 'mia' | 'ren' | 'cat' | 'dan' | 'eve' | 'fay' | 'bea';
const people = {} as Record<Who, { userId: string; email: string; cookie: string }>;
/** Assignments made below: cat's and dan's of A, bea's of B. */
const assignments: Record<string, string> = {};
let invitationId: string;

type Page = { items: AuditEvent[]; nextCursor: string | null };

const day = (d: number, time = '10:00:00.000') => new Date(`2026-03-${String(d).padStart(2, '0')}T${time}Z`);

function moveTo(at: Date) {
  t.clock.advance(at.getTime() - t.clock.now().getTime());
}

async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who: Who, body?: unknown) {
  const res = await json(t, method, url, people[who].cookie, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res;
}

async function events(query = '', org = orgA, who: Who = 'ada'): Promise<AuditEvent[]> {
  const res = await json(t, 'GET', `/api/v1/orgs/${org}/audit-events?limit=200${query}`, people[who].cookie);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as Page).items;
}

async function only(action: string, org = orgA, who: Who = 'ada'): Promise<AuditEvent> {
  const found = (await events(`&action=${action}`, org, who)).filter((e) => e.action === action);
  expect(found, action).toHaveLength(1);
  return found[0] as AuditEvent;
}

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(day(1)) });
  const users = await createSignedInUsers(t, [
    { email: 'op@example.com', name: 'Olive Operator', options: { isOperator: true } },
    { email: 'ada@example.com', name: 'Ada Admin' },
    { email: 'bob@example.com', name: 'Bob B-Admin' },
    { email: 'mia@example.com', name: 'Mia Member' },
    { email: 'ren@example.com', name: 'Ren Before' },
    // A name a spreadsheet would run as a formula, as a target this time.
    { email: 'cat@example.com', name: '=HYPERLINK("http://evil.example","Cat")' },
    { email: 'dan@example.com', name: 'Dan Member' },
    { email: 'eve@example.com', name: 'Eve Member' },
    { email: 'fay@example.com', name: 'Fay Member' },
    { email: 'bea@example.com', name: 'Bea of B' },
  ]);
  (['operator', 'ada', 'bob', 'mia', 'ren', 'cat', 'dan', 'eve', 'fay', 'bea'] as const).forEach((who, i) => {
    people[who] = users[i]!;
  });
  // 1 March: the operator sets up A and B.
  orgA = (
    await createOrganizationWithAsset(t, people.operator.cookie, {
      code: 'read-a',
      name: 'Readable A',
      serial: SERIAL_A,
    })
  ).organizationId;
  orgB = (
    await createOrganizationWithAsset(t, people.operator.cookie, {
      code: 'read-b',
      name: 'Readable B',
      serial: 'READB0000001',
    })
  ).organizationId;
  await addMembers(t, orgA, [people.ada.userId], 'admin');
  await addMembers(
    t,
    orgA,
    (['mia', 'ren', 'cat', 'dan', 'eve', 'fay'] as const).map((w) => people[w].userId),
    'member',
  );
  await addMembers(t, orgB, [people.bob.userId], 'admin');
  await addMembers(t, orgB, [people.bea.userId], 'member');

  // 2 March: Ren is made an administrator, under the name Ren had then; 3 March: Ren changes it.
  moveTo(day(2));
  await call('PATCH', `/api/v1/orgs/${orgA}/members/${people.ren.userId}`, 'ada', { rights: 'admin' });
  moveTo(day(3));
  await call('PATCH', '/api/v1/me', 'ren', { name: 'Ren After' });

  // 4 March: Mia holds two licenses and is removed with them.
  moveTo(day(4));
  await addProduct(t, people.operator.cookie, {
    code: 'SIM-2026',
    name: 'Simulation 2026',
    kind: 'license',
    type: 'simulation',
  });
  await addAsset(t, people.operator.cookie, {
    organization: 'read-a',
    product: 'SIM-2026',
    serial: 'READA0000002',
    seats: 5,
  });
  await call('POST', `/api/v1/orgs/${orgA}/assignments`, 'ada', { product: 'PRM-2026', users: [people.mia.userId] });
  await call('POST', `/api/v1/orgs/${orgA}/assignments`, 'ada', { product: 'SIM-2026', users: [people.mia.userId] });
  moveTo(day(4, '12:00:00.000'));
  await call('DELETE', `/api/v1/orgs/${orgA}/members/${people.mia.userId}?revokeLicenses=true`, 'ada');

  // 5 March: an invitation, sent and revoked.
  moveTo(day(5));
  const invited = await call('POST', `/api/v1/orgs/${orgA}/invitations`, 'ada', {
    emails: 'newcomer@example.com',
    rights: 'member',
  });
  invitationId = invited.json().results[0].invitationId;
  await call('DELETE', `/api/v1/orgs/${orgA}/invitations/${invitationId}`, 'ada');

  // 6 March: assignments to several members at once, and one to a member of B.
  moveTo(day(6));
  const given = await call('POST', `/api/v1/orgs/${orgA}/assignments`, 'ada', {
    product: 'PRM-2026',
    users: [people.cat.userId, people.dan.userId, people.eve.userId],
  });
  for (const r of given.json().results) assignments[r.user] = r.assignmentId;
  const ofB = await call('POST', `/api/v1/orgs/${orgB}/assignments`, 'bob', {
    product: 'PRM-2026',
    users: [people.bea.userId],
  });
  assignments.bea = ofB.json().results[0].assignmentId;
  // 7 March: a bulk revoke naming two of A's, one of B's and an unknown id; then a single revoke.
  moveTo(day(7));
  await call('POST', `/api/v1/orgs/${orgA}/assignments/revoke`, 'ada', {
    assignments: [
      assignments[people.cat.userId],
      assignments.bea,
      assignments[people.dan.userId],
      'asg_00000000000000000000000000',
    ],
  });
  await call('DELETE', `/api/v1/orgs/${orgA}/assignments/${assignments[people.eve.userId]}`, 'ada');
  moveTo(day(8));
});
afterAll(async () => t?.close());

describe('targets named as they were at the time', () => {
  it('names organizations, assets and products by name and code or grouped serial', async () => {
    expect((await only('organization.created')).target).toEqual({
      type: 'organization',
      id: orgA,
      name: 'Readable A',
      detail: 'read-a',
    });
    const asset = (await events('&action=asset.created')).find((e) => e.target.detail === formatSerial(SERIAL_A));
    expect(asset?.target).toMatchObject({ type: 'asset', name: 'Premium 2026', detail: 'READ A000 0001' });
    const operatorLog = await json(
      t,
      'GET',
      '/api/v1/operator/audit-events?action=product.created',
      people.operator.cookie,
    );
    expect(operatorLog.json().items.map((e: AuditEvent) => [e.target.name, e.target.detail])).toEqual([
      ['Simulation 2026', 'SIM-2026'],
      ['Premium 2026', 'PRM-2026'],
    ]);
  });

  it('keeps a removed member’s name and email, and the licenses revoked with the removal as one event', async () => {
    const removed = await only('member.removed');
    expect(removed.target).toEqual({
      type: 'user',
      id: people.mia.userId,
      name: 'Mia Member',
      detail: 'mia@example.com',
    });
    expect(removed.actor).toEqual({ id: people.ada.userId, name: 'Ada Admin', email: 'ada@example.com' });
    const revoked = (await events('&action=assignments.revoked')).find(
      (e) => e.occurredAt === day(4, '12:00:00.000').toISOString(),
    );
    expect(revoked?.itemCount).toBe(2);
    const items = await itemsOf(revoked!.id);
    expect(items.map((i) => [i.target.name, i.target.detail, i.outcome]).sort()).toEqual([
      ['Mia Member', 'mia@example.com · PRM-2026', 'revoked'],
      ['Mia Member', 'mia@example.com · SIM-2026', 'revoked'],
    ]);
  });

  it('keeps the old name in events from before a rename, and the new one after', async () => {
    expect((await only('member.rights_changed')).target).toMatchObject({
      name: 'Ren Before',
      detail: 'ren@example.com',
    });
    const renamed = (
      await json(t, 'GET', '/api/v1/operator/audit-events?action=account.renamed', people.operator.cookie)
    ).json().items[0] as AuditEvent;
    expect(renamed.target).toMatchObject({ id: people.ren.userId, name: 'Ren After' });
    expect(renamed).toMatchObject({ before: { name: 'Ren Before' }, after: { name: 'Ren After' } });
  });

  it('names an invitation by its address, also once revoked', async () => {
    for (const action of ['invitation.sent', 'invitation.revoked'])
      expect((await only(action)).target).toEqual({
        type: 'invitation',
        id: invitationId,
        name: null,
        detail: 'newcomer@example.com',
      });
  });
});

describe('a date range', () => {
  const actionsIn = async (range: string) => (await events(range)).map((e) => e.action);

  it('takes whole days, both included', async () => {
    expect(await actionsIn('&from=2026-03-02&to=2026-03-03')).toEqual(['member.rights_changed']);
    expect((await actionsIn('&to=2026-03-01')).sort()).toEqual(['asset.created', 'organization.created']);
    expect(await actionsIn('&from=2026-03-07')).toEqual(['assignment.revoked', 'assignments.revoked']);
    expect(await actionsIn('&from=2026-03-09')).toEqual([]);
  });

  it('takes instants to the millisecond, in any offset', async () => {
    // Mia's removal is at 12:00:00.000Z on 4 March.
    const removal = ['member.removed', 'assignments.revoked'];
    expect(await actionsIn('&from=2026-03-04T13:00:00%2B01:00&to=2026-03-04T12:00:00Z')).toEqual(removal);
    expect(await actionsIn('&from=2026-03-04T12:00:00.001Z&to=2026-03-05T00:00:00Z')).toEqual([]);
    expect(await actionsIn('&from=2026-03-04T11:00:00Z&to=2026-03-04T11:59:59.999Z')).toEqual([]);
  });

  it('pages within the range and narrows the CSV the same way', async () => {
    const res = await json(
      t,
      'GET',
      `/api/v1/orgs/${orgA}/audit-events?from=2026-03-04&to=2026-03-07&limit=2`,
      people.ada.cookie,
    );
    const first = res.json() as Page;
    const second = (
      await json(
        t,
        'GET',
        `/api/v1/orgs/${orgA}/audit-events?from=2026-03-04&to=2026-03-07&limit=200&cursor=${first.nextCursor}`,
        people.ada.cookie,
      )
    ).json() as Page;
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(
      (await events('&from=2026-03-04&to=2026-03-07')).map((e) => e.id),
    );
    const csv = await json(
      t,
      'GET',
      `/api/v1/orgs/${orgA}/audit-events?format=csv&from=2026-03-02&to=2026-03-02`,
      people.ada.cookie,
    );
    expect((parse(csv.body, { bom: true }) as string[][]).slice(1).map((r) => r[2])).toEqual(['member.rights_changed']);
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['from=yesterday', 'from'],
    ['to=2026-03-04T10:00:00', 'to'],
    ['to=2026-03-04T25:00:00Z', 'to'],
    [`from=${'9'.repeat(41)}`, 'from'],
    ['from=2026-03-05&to=2026-03-04', 'to'],
    ['from=2026-03-04T10:00:00.001Z&to=2026-03-04T10:00:00Z', 'to'],
  ])('?%s is a 400 naming %s, also for the CSV and the operators’ log', async (query, path) => {
    for (const url of [
      `/api/v1/orgs/${orgA}/audit-events?${query}`,
      `/api/v1/orgs/${orgA}/audit-events?format=csv&${query}`,
      `/api/v1/operator/audit-events?${query}`,
    ]) {
      const res = await json(t, 'GET', url, people[url.includes('operator') ? 'operator' : 'ada'].cookie);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
  });

  it('treats empty bounds, as cleared date inputs send them, as no bound', async () => {
    expect(await events('&from=&to=')).toEqual(await events());
  });
});

async function itemsOf(eventId: string, query = '', who: Who = 'ada', org = orgA): Promise<AuditEventItem[]> {
  const res = await json(
    t,
    'GET',
    `/api/v1/orgs/${org}/audit-events/${eventId}/items?limit=200${query}`,
    people[who].cookie,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('bulk assignments', () => {
  it('records assigning to several members as one event with each member and outcome', async () => {
    const created = (await events('&action=assignments.created'))[0]!;
    expect(created).toMatchObject({
      itemCount: 3,
      target: { type: 'assignment', id: null },
      after: { product: 'PRM-2026', outcomes: { assigned: 3 } },
    });
    expect(
      (await itemsOf(created.id)).map((i) => [i.position, i.target.id, i.target.name, i.target.detail, i.outcome]),
    ).toEqual([
      [0, people.cat.userId, '=HYPERLINK("http://evil.example","Cat")', 'cat@example.com', 'assigned'],
      [1, people.dan.userId, 'Dan Member', 'dan@example.com', 'assigned'],
      [2, people.eve.userId, 'Eve Member', 'eve@example.com', 'assigned'],
    ]);
    // A request about one member stays one event of its own, naming the member and the product.
    const single = (await events('&action=assignment.created')).map((e) => e.target);
    expect(single).toHaveLength(2);
    expect(single.map((s) => s.detail).sort()).toEqual(['mia@example.com · PRM-2026', 'mia@example.com · SIM-2026']);
  });

  it('records a bulk revoke as one event; ids it did not find stay unnamed, another organization’s too', async () => {
    const revoked = (await events('&action=assignments.revoked&from=2026-03-07'))[0]!;
    expect(revoked).toMatchObject({ itemCount: 4, after: { outcomes: { revoked: 2, 'not found': 2 } } });
    expect((await itemsOf(revoked.id)).map((i) => [i.target.id, i.target.name, i.target.detail, i.outcome])).toEqual([
      [
        assignments[people.cat.userId],
        '=HYPERLINK("http://evil.example","Cat")',
        'cat@example.com · PRM-2026',
        'revoked',
      ],
      [assignments.bea, null, null, 'not found'],
      [assignments[people.dan.userId], 'Dan Member', 'dan@example.com · PRM-2026', 'revoked'],
      ['asg_00000000000000000000000000', null, null, 'not found'],
    ]);
    expect((await only('assignment.revoked')).target).toMatchObject({
      id: assignments[people.eve.userId],
      name: 'Eve Member',
      detail: 'eve@example.com · PRM-2026',
    });
  });
});

describe('a bulk event’s rows', () => {
  let bulkId: string;
  beforeAll(async () => {
    bulkId = (await events('&action=assignments.created'))[0]!.id;
  });

  it('page in the order they were processed', async () => {
    const first = await json(t, 'GET', `/api/v1/orgs/${orgA}/audit-events/${bulkId}/items?limit=2`, people.ada.cookie);
    expect(first.json().items.map((i: AuditEventItem) => i.position)).toEqual([0, 1]);
    const next = await itemsOf(bulkId, `&cursor=${first.json().nextCursor}`);
    expect(next.map((i) => i.position)).toEqual([2]);
    expect(await itemsOf((await only('member.removed')).id)).toEqual([]);
  });

  it('answer another organization’s event, a malformed id and an unknown one alike: 404', async () => {
    const unknown = await json(
      t,
      'GET',
      `/api/v1/orgs/${orgB}/audit-events/aud_00000000000000000000000000/items`,
      people.bob.cookie,
    );
    expect(unknown.statusCode).toBe(404);
    const { requestId: _r, ...like } = unknown.json().error;
    for (const url of [
      `/api/v1/orgs/${orgB}/audit-events/${bulkId}/items`,
      `/api/v1/orgs/${orgB}/audit-events/nope/items`,
    ]) {
      const res = await json(t, 'GET', url, people.bob.cookie);
      expect(res.statusCode).toBe(404);
      const { requestId: _id, ...error } = res.json().error;
      expect(error).toEqual(like);
    }
    expect(
      (await json(t, 'GET', `/api/v1/orgs/${orgA}/audit-events/${bulkId}/items`, people.bob.cookie)).statusCode,
    ).toBe(404);
    expect((await json(t, 'GET', `/api/v1/operator/audit-events/${bulkId}/items`, people.bob.cookie)).statusCode).toBe(
      403,
    );
  });

  it('are the operators’ to read in any organization', async () => {
    const res = await json(t, 'GET', `/api/v1/operator/audit-events/${bulkId}/items`, people.operator.cookie);
    expect(res.json().items).toHaveLength(3);
  });

  it('refuse a cursor the server did not give', async () => {
    for (const cursor of [encodeCursor('aud_x'), encodeCursor('-1'), '%25%25']) {
      const res = await json(
        t,
        'GET',
        `/api/v1/orgs/${orgA}/audit-events/${bulkId}/items?cursor=${cursor}`,
        people.ada.cookie,
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('cursor');
    }
  });

  it('are named by the writer only when they belong to the event’s organization', async () => {
    const id = await t.runtime.deps.db.transaction().execute((trx) =>
      recordBulkAudit(
        trx,
        { userId: people.ada.userId, ip: '127.0.0.1' },
        {
          action: 'invitations.revoked',
          targetType: 'organization',
          organizationId: orgA,
          items: [
            { targetId: people.fay.userId, outcome: 'revoked' },
            { targetId: people.bea.userId, outcome: 'not found' },
            { targetId: invitationId, outcome: 'revoked' },
            { targetId: assignments.bea as string, outcome: 'not found' },
            { targetId: people.dan.userId, targetName: 'Given', targetDetail: null, outcome: 'kept' },
          ],
        },
        t.clock.now(),
      ),
    );
    expect((await itemsOf(id)).map((i) => [i.target.name, i.target.detail])).toEqual([
      ['Fay Member', 'fay@example.com'],
      [null, null],
      [null, 'newcomer@example.com'],
      [null, null],
      ['Given', null],
    ]);
  });
});

describe('the CSV export', () => {
  it('has the target’s name and detail, the count and the actor’s email, formulas neutralized', async () => {
    const res = await json(
      t,
      'GET',
      `/api/v1/orgs/${orgA}/audit-events?format=csv&from=2026-03-06&to=2026-03-06`,
      people.ada.cookie,
    );
    const [header, ...rows] = parse(res.body, { bom: true }) as string[][];
    const at = (row: string[] | undefined, column: string) => row?.[header!.indexOf(column)];
    const bulk = rows.find((r) => at(r, 'action') === 'assignments.created');
    expect([at(bulk, 'item_count'), at(bulk, 'actor_name'), at(bulk, 'actor_email')]).toEqual([
      '3',
      'Ada Admin',
      'ada@example.com',
    ]);
    const revoked = (
      await json(t, 'GET', `/api/v1/orgs/${orgA}/audit-events?format=csv&action=assignment.revoked`, people.ada.cookie)
    ).body;
    const [, row] = parse(revoked, { bom: true }) as string[][];
    expect([at(row, 'target_type'), at(row, 'target_name'), at(row, 'target_detail'), at(row, 'item_count')]).toEqual([
      'assignment',
      'Eve Member',
      'eve@example.com · PRM-2026',
      '',
    ]);
  });

  it('writes a formula-looking target name as text', async () => {
    moveTo(day(10));
    const entry = { action: 'assignment.revoked' as const, targetType: 'assignment', organizationId: orgA };
    await recordAudit(
      t.runtime.deps.db,
      { userId: null, ip: null },
      { ...entry, targetId: assignments[people.cat.userId] },
      t.clock.now(),
    );
    const res = await json(t, 'GET', `/api/v1/orgs/${orgA}/audit-events?format=csv&from=2026-03-10`, people.ada.cookie);
    const [header, row] = parse(res.body, { bom: true }) as string[][];
    expect(row?.[header!.indexOf('target_name')]).toBe(`'=HYPERLINK("http://evil.example","Cat")`);
    expect(row?.[header!.indexOf('actor_name')]).toBe('System');
  });
});
