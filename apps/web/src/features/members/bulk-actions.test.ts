import type { MemberRow } from '@portico/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdersOf, revokeProductFrom } from './bulk-actions';
import { memberRow } from './test-rows';

afterEach(() => vi.unstubAllGlobals());

const member = (id: string, products: string[] = []): MemberRow =>
  memberRow(id, { products: products.map((code) => ({ assignmentId: `asg_${id}_${code}`, code, name: code })) });

describe('holdersOf', () => {
  it('names the members who hold licenses, as last read', () => {
    expect(holdersOf([member('ann', ['PRM']), member('bob')]).map((m) => m.id)).toEqual(['ann']);
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
