import type { Asset } from '@portico/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assignInBatches, licenseProducts } from './assignments';

afterEach(() => vi.unstubAllGlobals());

const asset = (over: Partial<Asset> & { code: string; kind?: 'license' | 'service' }): Asset => ({
  id: `ast_${over.code}_${over.seats ?? 0}`,
  organizationId: 'org_1',
  serial: 'X',
  serialDisplay: 'X',
  product: { id: `prd_${over.code}`, code: over.code, name: over.code, kind: over.kind ?? 'license', type: 'cad' },
  seats: 5,
  seatsAssigned: 0,
  seatsAvailable: 5,
  seatsHeldOffline: 0,
  nextSeatFreeAt: null,
  mode: 'machine',
  startsAt: '2026-01-01T00:00:00.000Z',
  endsAt: null,
  status: 'active',
  ...over,
});

describe('licenseProducts', () => {
  it('lists each license product once, with the seats of all its assets; free seats only of active ones', () => {
    const products = licenseProducts([
      asset({ code: 'PRM', seats: 5, seatsAvailable: 2 }),
      asset({ code: 'PRM', seats: 3, seatsAvailable: 3, status: 'expired' }),
      asset({ code: 'ABC', seats: 1, seatsAvailable: 1 }),
      asset({ code: 'SUP', kind: 'service' }),
    ]);
    expect(products.map((p) => [p.code, p.seats, p.available])).toEqual([
      ['ABC', 1, 1],
      ['PRM', 8, 2],
    ]);
  });
});

describe('assignInBatches', () => {
  it('answers `not a member` for users the server names in a 404 and sends the others again', async () => {
    const bodies: { users: string[] }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_path: string, init: RequestInit) => {
        const body = JSON.parse(String(init.body)) as { users: string[] };
        bodies.push(body);
        if (body.users.includes('usr_gone')) {
          const index = body.users.indexOf('usr_gone');
          const error = {
            code: 'NOT_FOUND',
            message: 'not members',
            details: [{ path: `users.${index}`, message: 'x' }],
            requestId: 'r',
          };
          return new Response(JSON.stringify({ error }), { status: 404 });
        }
        const results = body.users.map((user) => ({
          user,
          outcome: 'assigned',
          assignmentId: `asg_${user}`,
          assetId: 'ast_1',
        }));
        return new Response(JSON.stringify({ results }), { status: 200 });
      }),
    );
    const outcomes = await assignInBatches('org_1', { product: 'PRM' }, ['usr_a', 'usr_gone', 'usr_b']);
    expect(outcomes).toEqual([
      { user: 'usr_gone', outcome: 'not a member' },
      { user: 'usr_a', outcome: 'assigned', assignmentId: 'asg_usr_a', assetId: 'ast_1' },
      { user: 'usr_b', outcome: 'assigned', assignmentId: 'asg_usr_b', assetId: 'ast_1' },
    ]);
    expect(bodies.map((b) => b.users)).toEqual([
      ['usr_a', 'usr_gone', 'usr_b'],
      ['usr_a', 'usr_b'],
    ]);
  });
});
