import type { AuditEvent } from '@portico/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/lib/cursor.js';
import { newId } from '../../src/lib/ids.js';
import { iso } from '../../src/lib/time.js';
import { parseCsv } from '../../src/modules/assets/csv.js';
import { type AuditEntry, recordAudit } from '../../src/modules/audit/audit.writer.js';
import { upsertMember } from '../../src/modules/members/members.repository.js';
import { createOrganizationWithAsset, createSignedInUsers, json } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The audit log as its readers see it (SPEC §2.8, §3): an organization's administrators and the operators read it
 * newest first, filter it by action and actor, page it without gaps and export it as CSV; nobody else learns it
 * exists. Events come from the real API where that is cheap, and are inserted directly for volume and odd content.
 */
let t: TestApp;
let orgA: string;
let orgB: string;
let orgBulk: string;
const people: Record<string, { userId: string; email: string; cookie: string }> = {};
/** The ids of the bulk organization's events, newest first. */
let bulkIds: string[] = [];
const BULK = 2345;

type Page = { items: AuditEvent[]; nextCursor: string | null };

/**
 * The actions of a page, newest first. An organization and its asset are created in the same millisecond of the
 * test clock, and ids order events only to the millisecond, so those two are compared as a sorted pair.
 */
function actions(items: AuditEvent[]): string[] {
  const names = items.map((e) => e.action);
  const created = names.filter((n) => n === 'organization.created' || n === 'asset.created').sort();
  return [...names.filter((n) => n !== 'organization.created' && n !== 'asset.created'), ...created];
}

async function get(url: string, who: keyof typeof people) {
  return json(t, 'GET', url, people[who]!.cookie);
}

async function list(url: string, who: keyof typeof people = 'adminA'): Promise<Page> {
  const res = await get(url, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Rows straight into the table, as recordAudit writes them, a millisecond apart, in multi-row inserts. */
async function insertBulk(organizationId: string, count: number): Promise<string[]> {
  const start = t.clock.now().getTime() + 1;
  const rows = Array.from({ length: count }, (_, i) => ({
    id: newId('auditEvent', start + i),
    occurred_at: iso(new Date(start + i)),
    actor_user_id: people.adminA!.userId,
    actor_ip: '192.0.2.1',
    action: i % 2 ? 'bulk.odd' : 'bulk.even',
    target_type: 'thing',
    target_id: `thing-${i}`,
    organization_id: organizationId,
    before_json: null,
    after_json: JSON.stringify({ n: i }),
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await t.runtime.deps.db
      .insertInto('audit_events')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  t.clock.advance(count + 1);
  return rows.map((r) => r.id).sort((a, b) => (a < b ? 1 : -1));
}

beforeAll(async () => {
  t = await createTestApp();
  const users = await createSignedInUsers(t, [
    { email: 'op@example.com', name: 'Olive Operator', options: { isOperator: true } },
    // A name a spreadsheet would run as a formula: the CSV must neutralize it.
    { email: 'ada@example.com', name: '=HYPERLINK("http://evil.example","Ada, admin")' },
    { email: 'bob@example.com', name: 'Bob B-Admin' },
    { email: 'mia@example.com', name: 'Mia Member' },
  ]);
  for (const [key, user] of Object.entries({
    operator: users[0]!,
    adminA: users[1]!,
    adminB: users[2]!,
    memberA: users[3]!,
  })) {
    people[key] = user;
  }
  const a = await createOrganizationWithAsset(t, people.operator!.cookie, {
    code: 'aud-a',
    name: 'Audit A',
    serial: 'AUDA00000001',
  });
  const b = await createOrganizationWithAsset(t, people.operator!.cookie, {
    code: 'aud-b',
    name: 'Audit B',
    serial: 'AUDB00000001',
  });
  const bulk = await createOrganizationWithAsset(t, people.operator!.cookie, {
    code: 'aud-bulk',
    name: 'Audit Bulk',
    serial: 'AUDC00000001',
  });
  [orgA, orgB, orgBulk] = [a.organizationId, b.organizationId, bulk.organizationId];
  const now = t.clock.now();
  await upsertMember(t.runtime.deps.db, orgA, people.adminA!.userId, 'admin', now);
  await upsertMember(t.runtime.deps.db, orgA, people.memberA!.userId, 'member', now);
  await upsertMember(t.runtime.deps.db, orgB, people.adminB!.userId, 'admin', now);

  // Real changes in A by its administrator: two invitations and a rights change back and forth.
  t.clock.advance(1000);
  const invited = await json(t, 'POST', `/api/v1/orgs/${orgA}/invitations`, people.adminA!.cookie, {
    emails: 'new1@example.com, new2@example.com',
    rights: 'member',
  });
  expect(invited.statusCode).toBe(200);
  for (const rights of ['admin', 'member']) {
    t.clock.advance(1000);
    const res = await json(
      t,
      'PATCH',
      `/api/v1/orgs/${orgA}/members/${people.memberA!.userId}`,
      people.adminA!.cookie,
      {
        rights,
      },
    );
    expect(res.statusCode).toBe(204);
  }
  // In B, by B's administrator.
  t.clock.advance(1000);
  await json(t, 'POST', `/api/v1/orgs/${orgB}/invitations`, people.adminB!.cookie, {
    emails: 'b1@example.com',
    rights: 'member',
  });
  // By the system (no actor), with state that needs quoting and a stored value that is not an object.
  t.clock.advance(1000);
  await recordAudit(
    t.runtime.deps.db,
    { userId: null, ip: null },
    {
      // Not one of today's actions: a log also holds what older or newer versions recorded.
      action: 'system.note' as AuditEntry['action'],
      targetType: 'organization',
      targetId: orgA,
      organizationId: orgA,
      before: { note: 'commas, "quotes"\nand a new line', nested: { list: [1, 'two', null], ünïcode: 'ok ✓' } },
      after: ['not', 'an', 'object'],
    },
    t.clock.now(),
  );
  t.clock.advance(1000);
  bulkIds = await insertBulk(orgBulk, BULK);
});
afterAll(async () => t?.close());

describe('an organization’s log', () => {
  it('lists the organization’s events newest first, with the actor and the state before and after', async () => {
    const { items, nextCursor } = await list(`/api/v1/orgs/${orgA}/audit-events`);
    expect(nextCursor).toBeNull();
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort().reverse());
    expect(items.every((e) => e.organizationId === orgA)).toBe(true);
    expect(actions(items)).toEqual([
      'system.note',
      'member.rights_changed',
      'member.rights_changed',
      'invitations.sent',
      'asset.created',
      'organization.created',
    ]);
    const [note, demoted, promoted] = items;
    expect(promoted).toMatchObject({
      actor: {
        id: people.adminA!.userId,
        name: '=HYPERLINK("http://evil.example","Ada, admin")',
        email: 'ada@example.com',
      },
      actorIp: '127.0.0.1',
      target: { type: 'user', id: people.memberA!.userId, name: 'Mia Member', detail: 'mia@example.com' },
      itemCount: null,
      targetType: 'user',
      targetId: people.memberA!.userId,
      before: { rights: 'member' },
      after: { rights: 'admin' },
    });
    expect(demoted).toMatchObject({ before: { rights: 'admin' }, after: { rights: 'member' } });
    expect(note).toMatchObject({ actor: null, actorIp: null, after: { value: ['not', 'an', 'object'] } });
    expect(note?.before).toEqual({
      note: 'commas, "quotes"\nand a new line',
      nested: { list: [1, 'two', null], ünïcode: 'ok ✓' },
    });
    // The answer holds exactly the documented fields (the serializer filters anything else out).
    expect(Object.keys(note!).sort()).toEqual([
      'action',
      'actor',
      'actorIp',
      'after',
      'before',
      'id',
      'itemCount',
      'occurredAt',
      'organizationId',
      'organizationName',
      'target',
      'targetId',
      'targetType',
    ]);
    expect(note?.organizationName).toBe('Audit A');
    expect(note?.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('answers the same by the organization’s code', async () => {
    const byCode = await list('/api/v1/orgs/aud-a/audit-events');
    expect(byCode.items).toHaveLength(6);
  });

  it('pages without gaps or duplicates, also across thousands of events', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(
        `/api/v1/orgs/${orgBulk}/audit-events?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        'operator',
      );
      expect(page.items.length).toBeLessThanOrEqual(200);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(BULK / 200));
    // The bulk organization's own two events (created, asset) are older than the bulk rows.
    expect(seen.slice(0, BULK)).toEqual(bulkIds);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(BULK + 2);
  }, 60_000);

  it('defaults to 50 a page', async () => {
    const first = await list(`/api/v1/orgs/${orgBulk}/audit-events`, 'operator');
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
  });

  it('filters by action exactly, and pages the filtered list', async () => {
    const sent = await list(`/api/v1/orgs/${orgA}/audit-events?action=invitations.sent`);
    expect(sent.items.map((e) => e.action)).toEqual(['invitations.sent']);
    expect((await list(`/api/v1/orgs/${orgA}/audit-events?action=invitation`)).items).toEqual([]);
    const first = await list(`/api/v1/orgs/${orgBulk}/audit-events?action=bulk.odd&limit=3`, 'operator');
    const second = await list(
      `/api/v1/orgs/${orgBulk}/audit-events?action=bulk.odd&limit=3&cursor=${first.nextCursor}`,
      'operator',
    );
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(
      bulkIds.filter((_, i) => (BULK - 1 - i) % 2 === 1).slice(0, 6),
    );
  });

  it('filters by actor: an email in any case, or a user id', async () => {
    const byEmail = await list(`/api/v1/orgs/${orgA}/audit-events?actor=ADA%40Example.COM`);
    expect(byEmail.items.map((e) => e.action)).toEqual([
      'member.rights_changed',
      'member.rights_changed',
      'invitations.sent',
    ]);
    const byId = await list(`/api/v1/orgs/${orgA}/audit-events?actor=${people.operator!.userId}`);
    expect(actions(byId.items)).toEqual(['asset.created', 'organization.created']);
    const both = await list(
      `/api/v1/orgs/${orgA}/audit-events?actor=ada%40example.com&action=member.rights_changed&limit=1`,
    );
    expect(both.items).toHaveLength(1);
    expect(both.nextCursor).not.toBeNull();
    expect((await list(`/api/v1/orgs/${orgA}/audit-events?actor=nobody%40example.com`)).items).toEqual([]);
    // An empty filter, as a cleared form field sends it, is no filter.
    expect((await list(`/api/v1/orgs/${orgA}/audit-events?actor=&action=`)).items).toHaveLength(6);
  });

  it('lists the distinct actions of the organization only, sorted', async () => {
    const res = await get(`/api/v1/orgs/${orgA}/audit-events/actions`, 'adminA');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      actions: ['asset.created', 'invitations.sent', 'member.rights_changed', 'organization.created', 'system.note'],
    });
    const bulk = await get(`/api/v1/orgs/${orgBulk}/audit-events/actions`, 'operator');
    expect(bulk.json().actions).toEqual(['asset.created', 'bulk.even', 'bulk.odd', 'organization.created']);
  });
});

describe('bad input', () => {
  const cases: [query: string, path: string][] = [
    ['format=xml', 'format'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=%25%25%25', 'cursor'],
    [`cursor=${encodeCursor('usr_not_an_audit_event_id000')}`, 'cursor'],
    ['bogus=1', 'bogus'],
    ['actor=ada', 'actor'],
    ['action=a&action=b', 'action'],
    [`action=${'x'.repeat(101)}`, 'action'],
  ];
  it.each(cases)('?%s is a 400 naming %s', async (query, path) => {
    const res = await get(`/api/v1/orgs/${orgA}/audit-events?${query}`, 'adminA');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses a filter before a CSV download starts', async () => {
    const res = await get(`/api/v1/orgs/${orgA}/audit-events?format=csv&actor=ada`, 'adminA');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});

describe('who may read it', () => {
  const unknown = 'org_00000000000000000000000000';
  async function notFoundBody(url: string, who: keyof typeof people) {
    const res = await get(url, who);
    expect(res.statusCode).toBe(404);
    const { requestId: _requestId, ...error } = res.json().error;
    return error;
  }

  it('answers another organization’s administrator and a member exactly like an unknown organization', async () => {
    for (const path of ['audit-events', 'audit-events?format=csv', 'audit-events/actions']) {
      const like = await notFoundBody(`/api/v1/orgs/${unknown}/${path}`, 'adminA');
      expect(await notFoundBody(`/api/v1/orgs/${orgA}/${path}`, 'adminB')).toEqual(like);
      expect(await notFoundBody(`/api/v1/orgs/aud-a/${path}`, 'adminB')).toEqual(like);
      expect(await notFoundBody(`/api/v1/orgs/${orgA}/${path}`, 'memberA')).toEqual(like);
    }
  });

  it('asks for a session', async () => {
    for (const url of [
      `/api/v1/orgs/${orgA}/audit-events`,
      `/api/v1/orgs/${orgA}/audit-events/actions`,
      '/api/v1/operator/audit-events',
      '/api/v1/operator/audit-events/actions',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets operators read any organization’s log', async () => {
    expect(actions((await list(`/api/v1/orgs/${orgB}/audit-events`, 'operator')).items)).toEqual([
      'invitation.sent',
      'asset.created',
      'organization.created',
    ]);
  });

  it('keeps the whole log to operators', async () => {
    for (const who of ['adminA', 'adminB', 'memberA'] as const) {
      expect((await get('/api/v1/operator/audit-events', who)).statusCode).toBe(403);
      expect((await get('/api/v1/operator/audit-events/actions', who)).statusCode).toBe(403);
    }
  });
});

describe('the operators’ log', () => {
  it('holds every organization’s events and the instance’s own', async () => {
    const organizations = new Set<string | null>();
    let cursor: string | null = null;
    do {
      const page: Page = await list(
        `/api/v1/operator/audit-events?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        'operator',
      );
      for (const event of page.items) organizations.add(event.organizationId);
      cursor = page.nextCursor;
    } while (cursor);
    // The instance's own events (the product) belong to no organization.
    expect(organizations).toEqual(new Set([orgA, orgB, orgBulk, null]));
    const all = await list(`/api/v1/operator/audit-events?action=product.created`, 'operator');
    expect(all.items).toHaveLength(1);
    expect(all.items[0]).toMatchObject({
      organizationId: null,
      organizationName: null,
      actor: { id: people.operator!.userId },
    });
  });

  it('narrows to one organization by id or code, and says when there is no such organization', async () => {
    const byCode = await list('/api/v1/operator/audit-events?organization=aud-b', 'operator');
    expect(byCode.items.every((e) => e.organizationId === orgB)).toBe(true);
    expect(byCode.items).toHaveLength(3);
    expect((await list(`/api/v1/operator/audit-events?organization=${orgB}`, 'operator')).items).toEqual(byCode.items);
    const res = await get('/api/v1/operator/audit-events?organization=nope', 'operator');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('organization');
  });

  it('lists every action of the instance, or of one organization', async () => {
    const all = (await get('/api/v1/operator/audit-events/actions', 'operator')).json().actions;
    expect(all).toEqual(expect.arrayContaining(['bulk.even', 'invitation.sent', 'product.created', 'system.note']));
    expect(all).toEqual([...all].sort());
    const b = await get('/api/v1/operator/audit-events/actions?organization=aud-b', 'operator');
    expect(b.json().actions).toEqual(['asset.created', 'invitation.sent', 'organization.created']);
  });
});

describe('the CSV export', () => {
  async function csv(url: string, who: keyof typeof people = 'adminA') {
    const res = await get(url, who);
    expect(res.statusCode, res.body).toBe(200);
    return { res, records: parseCsv(res.body).map((r) => r.fields) };
  }

  it('is a download named after the organization and the day, with a header row and every column', async () => {
    const { res, records } = await csv(`/api/v1/orgs/${orgA}/audit-events?format=csv`);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const day = t.clock.now().toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="audit-aud-a-${day}.csv"`);
    expect(res.body.startsWith('\ufeffid,occurred_at,action,actor_id,actor_name,actor_email,actor_ip,')).toBe(true);
    expect(res.body.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = records;
    expect(header).toEqual([
      'id',
      'occurred_at',
      'action',
      'actor_id',
      'actor_name',
      'actor_email',
      'actor_ip',
      'target_type',
      'target_id',
      'target_name',
      'target_detail',
      'item_count',
      'organization_id',
      'organization_name',
      'before',
      'after',
    ]);
    const json = (await list(`/api/v1/orgs/${orgA}/audit-events`)).items;
    expect(rows.map((r) => r[0])).toEqual(json.map((e) => e.id));
  });

  it('quotes what needs quoting and neutralizes formulas', async () => {
    const { records } = await csv(`/api/v1/orgs/${orgA}/audit-events?format=csv`);
    const promoted = records.find((r) => r[2] === 'member.rights_changed');
    // The name starts with "=": a spreadsheet gets text, not a formula; its quotes and comma survive the round trip.
    expect(promoted?.[4]).toBe(`'=HYPERLINK("http://evil.example","Ada, admin")`);
    expect(promoted?.[5]).toBe('ada@example.com');
    expect(promoted?.slice(6)).toEqual([
      '127.0.0.1',
      'user',
      people.memberA!.userId,
      'Mia Member',
      'mia@example.com',
      '',
      orgA,
      'Audit A',
      '{"rights":"admin"}',
      '{"rights":"member"}',
    ]);
    const note = records.find((r) => r[2] === 'system.note');
    // No actor: the system, said so in the name column.
    expect(note?.slice(3, 7)).toEqual(['', 'System', '', '']);
    expect(JSON.parse(note?.[14] ?? '')).toMatchObject({ note: 'commas, "quotes"\nand a new line' });
    expect(note?.[15]).toBe('["not","an","object"]');
  });

  it('applies the filters and ignores paging', async () => {
    const { records } = await csv(`/api/v1/orgs/${orgA}/audit-events?format=csv&actor=ADA%40example.com&limit=1`);
    expect(records.slice(1).map((r) => r[2])).toEqual([
      'member.rights_changed',
      'member.rights_changed',
      'invitations.sent',
    ]);
    const none = await csv(`/api/v1/orgs/${orgA}/audit-events?format=csv&actor=nobody%40example.com`);
    expect(none.records).toHaveLength(1);
  });

  it('streams thousands of events in batches, each once, newest first', async () => {
    const { records } = await csv(`/api/v1/orgs/${orgBulk}/audit-events?format=csv`, 'operator');
    const ids = records.slice(1).map((r) => r[0]);
    expect(ids).toHaveLength(BULK + 2);
    expect(ids.slice(0, BULK)).toEqual(bulkIds);
    expect(new Set(ids).size).toBe(ids.length);
    const odd = await csv(`/api/v1/orgs/${orgBulk}/audit-events?format=csv&action=bulk.odd`, 'operator');
    expect(odd.records).toHaveLength(1 + Math.floor(BULK / 2));
  });

  it('exports the whole instance for operators, or one organization', async () => {
    const all = await csv('/api/v1/operator/audit-events?format=csv', 'operator');
    const day = t.clock.now().toISOString().slice(0, 10);
    expect(all.res.headers['content-disposition']).toBe(`attachment; filename="audit-all-${day}.csv"`);
    const total = await t.runtime.deps.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(all.records).toHaveLength(Number(total.n) + 1);
    const b = await csv('/api/v1/operator/audit-events?format=csv&organization=aud-b', 'operator');
    expect(b.res.headers['content-disposition']).toBe(`attachment; filename="audit-aud-b-${day}.csv"`);
    expect(b.records).toHaveLength(4);
  });
});

describe('the API reference', () => {
  it('documents the log, its CSV form and the actions list under the audit tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const list = doc.paths['/api/v1/orgs/{org}/audit-events'].get;
    expect(list.tags).toEqual(['audit']);
    expect(list.summary).toBeTruthy();
    expect(Object.keys(list.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['cursor', 'limit', 'action', 'actor', 'format', 'from', 'to', 'org']),
    );
    const items = doc.paths['/api/v1/orgs/{org}/audit-events/{id}/items'].get;
    expect(items.tags).toEqual(['audit']);
    expect(items.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['cursor', 'limit', 'org', 'id']),
    );
    expect(doc.paths['/api/v1/operator/audit-events/{id}/items'].get.summary).toBeTruthy();
    const operator = doc.paths['/api/v1/operator/audit-events'].get;
    expect(operator.parameters.map((p: { name: string }) => p.name)).toContain('organization');
    expect(doc.paths['/api/v1/orgs/{org}/audit-events/actions'].get.tags).toEqual(['audit']);
    expect(doc.paths['/api/v1/operator/audit-events/actions'].get.summary).toBeTruthy();
  });
});
