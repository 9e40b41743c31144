import type { MemberRow } from '@portico/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { holdersOf, removalOutcome, removeMembers, revokeProductFrom } from './bulk-actions';

afterEach(() => vi.unstubAllGlobals());

const member = (id: string, products: string[] = []): MemberRow => ({
  kind: 'member',
  id,
  name: id.toUpperCase(),
  email: `${id}@example.com`,
  userRights: 'Member',
  since: '2026-01-01T00:00:00.000Z',
  lastSignInAt: null,
  expiresAt: null,
  products: products.map((code) => ({ assignmentId: `asg_${id}_${code}`, code, name: code })),
});

describe('removeMembers', () => {
  it('revokes licenses only of the members the confirmation listed as holding them', async () => {
    const calls: [string, boolean][] = [];
    const members = [member('ann', ['PRM']), member('bob')];
    expect(holdersOf(members).map((m) => m.id)).toEqual(['ann']);
    const results = await removeMembers(
      members,
      async (user, revoke) => {
        calls.push([user, revoke]);
      },
      () => {},
    );
    expect(calls.sort()).toEqual([
      ['ann', true],
      ['bob', false],
    ]);
    expect(results.title).toBe('2 of 2 members removed');
    expect(results.items.map((i) => i.outcome)).toEqual(['removed, licenses revoked', 'removed']);
  });

  it('reports each refusal instead of stopping', async () => {
    const results = await removeMembers(
      [member('ann'), member('bob')],
      async (user) => {
        if (user === 'ann') throw new ApiError({ status: 409, code: 'LAST_ADMINISTRATOR', message: 'last' });
      },
      () => {},
    );
    expect(results.items.map((i) => [i.key, i.tone])).toEqual([
      ['ann', 'refused'],
      ['bob', 'done'],
    ]);
  });
});

describe('removalOutcome', () => {
  it('never revokes what was not confirmed: a license appearing since is a refusal', () => {
    const error = new ApiError({ status: 409, code: 'MEMBER_HOLDS_LICENSES', message: 'holds' });
    expect(removalOutcome(error, false)).toEqual({
      outcome: 'holds licenses you did not confirm, not removed',
      tone: 'refused',
    });
    expect(removalOutcome(new ApiError({ status: 404, code: 'NOT_FOUND', message: 'gone' }), false).tone).toBe(
      'unchanged',
    );
  });
});

describe('revokeProductFrom', () => {
  it("finds each member's assignment of the product, revokes them and answers per member", async () => {
    const revoked: string[][] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          const { assignments } = JSON.parse(String(init.body)) as { assignments: string[] };
          revoked.push(assignments);
          const results = assignments.map((assignment) => ({ assignment, outcome: 'revoked' }));
          return new Response(JSON.stringify({ results }), { status: 200 });
        }
        const user = new URL(path, 'http://x').searchParams.get('user');
        const items =
          user === 'ann'
            ? [
                {
                  id: 'asg_1',
                  asset: { id: 'ast_1', serialDisplay: 'X', mode: 'machine' },
                  product: { id: 'prd_1', code: 'PRM', name: 'Premium', kind: 'license', type: 'cad' },
                  user: { id: 'ann', name: 'Ann', email: 'ann@example.com' },
                  assignedAt: '2026-01-01T00:00:00.000Z',
                },
              ]
            : [];
        return new Response(JSON.stringify({ items, nextCursor: null }), { status: 200 });
      }),
    );
    const product = { id: 'prd_1', code: 'PRM', name: 'Premium', type: 'cad', seats: 5, available: 4 };
    const results = await revokeProductFrom('org_1', product, [member('ann'), member('bob')], () => {});
    expect(revoked).toEqual([['asg_1']]);
    expect(results.title).toBe('Premium: revoked from 1 of 2 members');
    expect(results.items.map((i) => i.outcome)).toEqual(['revoked', 'does not hold it']);
  });
});
