import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HeldAssignment, type Planned, planAssignments } from './assignment-rules.js';

// The rules of Assign (SPEC §2.5) as properties over any input: never more seats than free, none from an inactive
// asset, seats in the order of preference, and repeated requests that never add up to more than the seats.

function held(user: string, product: { id: string; type: string | null }, asset: string): HeldAssignment {
  return { user_id: user, product_id: product.id, product_type: product.type, asset_id: asset };
}

const PRODUCTS = [
  { id: 'p_cad_1', type: 'cad' },
  { id: 'p_cad_2', type: 'cad' },
  { id: 'p_sim', type: 'simulation' },
  { id: 'p_svc_1', type: null },
  { id: 'p_svc_2', type: null },
];
const USERS = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'];

const productArb = fc.constantFrom(...PRODUCTS);
const assetsArb = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom('a1', 'a2', 'a3', 'a4'),
    active: fc.boolean(),
    free: fc.integer({ min: -2, max: 4 }),
  }),
  { selector: (a) => a.id, maxLength: 4 },
);
/** What users hold already, kept consistent with the rules (one product and one of a type per user). */
const heldArb = fc
  .array(fc.record({ user: fc.constantFrom(...USERS), product: productArb }), { maxLength: 10 })
  .map((picks) => {
    const kept: HeldAssignment[] = [];
    for (const { user, product } of picks) {
      const mine = kept.filter((h) => h.user_id === user);
      if (mine.some((h) => h.product_id === product.id)) continue;
      if (product.type !== null && mine.some((h) => h.product_type === product.type)) continue;
      kept.push(held(user, product, 'a_old'));
    }
    return kept;
  });
const usersArb = fc.uniqueArray(fc.constantFrom(...USERS), { minLength: 1, maxLength: USERS.length });

function assignedPerAsset(plan: Planned[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of plan) if (p.outcome === 'assigned') counts.set(p.assetId!, (counts.get(p.assetId!) ?? 0) + 1);
  return counts;
}

describe('planAssignments: properties', () => {
  it('never plans more seats on an asset than it has free, none on an inactive one, and answers each user once', () => {
    fc.assert(
      fc.property(usersArb, productArb, heldArb, assetsArb, (users, product, heldNow, assets) => {
        const plan = planAssignments({ users, product, held: heldNow, assets });
        expect(plan.map((p) => p.user)).toEqual(users);
        for (const [id, n] of assignedPerAsset(plan)) {
          const candidate = assets.find((a) => a.id === id);
          expect(candidate?.active).toBe(true);
          expect(n).toBeLessThanOrEqual(Math.max(0, candidate!.free));
        }
        for (const p of plan) {
          const mine = heldNow.filter((h) => h.user_id === p.user);
          if (p.outcome === 'assigned') {
            expect(mine.some((h) => h.product_id === product.id)).toBe(false);
            if (product.type !== null) expect(mine.some((h) => h.product_type === product.type)).toBe(false);
          }
          if (p.outcome === 'no seat available') expect(p.assetId).toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('seats go in order of preference: an asset is only used once every active asset before it is full', () => {
    fc.assert(
      fc.property(usersArb, productArb, assetsArb, (users, product, assets) => {
        const plan = planAssignments({ users, product, held: [], assets });
        const used = assignedPerAsset(plan);
        const lastUsed = Math.max(-1, ...assets.map((a, i) => (used.has(a.id) ? i : -1)));
        for (const a of assets.slice(0, lastUsed).filter((x) => x.active))
          expect(used.get(a.id) ?? 0).toBe(Math.max(0, a.free));
        // Every user without a seat found every active asset full.
        if (plan.some((p) => p.outcome === 'no seat available'))
          for (const a of assets.filter((x) => x.active)) expect(used.get(a.id) ?? 0).toBe(Math.max(0, a.free));
      }),
      { numRuns: 500 },
    );
  });

  it('repeated calls, each fed what the previous ones assigned, never plan more than the seats free at the start', () => {
    const requestsArb = fc.array(fc.record({ users: usersArb, product: productArb }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(requestsArb, assetsArb, (requests, assets) => {
        let heldNow: HeldAssignment[] = [];
        const taken = new Map<string, number>();
        for (const { users, product } of requests) {
          // The assets of this request, free seats as they stand now (all products share the asset ids here).
          const now = assets.map((a) => ({ ...a, free: a.free - (taken.get(a.id) ?? 0) }));
          const plan = planAssignments({ users, product, held: heldNow, assets: now });
          for (const p of plan.filter((x) => x.outcome === 'assigned')) {
            taken.set(p.assetId!, (taken.get(p.assetId!) ?? 0) + 1);
            heldNow = [...heldNow, held(p.user, product, p.assetId!)];
          }
        }
        for (const a of assets) expect(taken.get(a.id) ?? 0).toBeLessThanOrEqual(a.active ? Math.max(0, a.free) : 0);
        // And what they built keeps the member rules: one product, and one of a type, per user.
        const keys = heldNow.map((h) => `${h.user_id}/${h.product_id}`);
        expect(new Set(keys).size).toBe(keys.length);
        const typed = heldNow.filter((h) => h.product_type !== null).map((h) => `${h.user_id}/${h.product_type}`);
        expect(new Set(typed).size).toBe(typed.length);
      }),
      { numRuns: 300 },
    );
  });
});
