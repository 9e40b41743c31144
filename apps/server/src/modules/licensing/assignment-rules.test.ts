import { describe, expect, it } from 'vitest';
import { type CandidateAsset, type HeldAssignment, type Planned, planAssignments } from './assignment-rules.js';

// The rules of Assign (SPEC §2.5) without a database: outcomes in the order given, seats in the order of preference,
// one product and one of a type per member (services exempt), nothing from an inactive asset, never more than free
// (and, as properties over any input, in assignment-rules.properties.test.ts).

const CAD = { id: 'prd_cad', type: 'cad' };
const SERVICE = { id: 'prd_support', type: null };

function held(user: string, product: { id: string; type: string | null }, asset = 'ast_held'): HeldAssignment {
  return { user_id: user, product_id: product.id, product_type: product.type, asset_id: asset };
}

const asset = (id: string, free: number, active = true): CandidateAsset => ({ id, active, free });
const outcomes = (plan: Planned[]) => plan.map((p) => [p.user, p.outcome, p.assetId]);

describe('planAssignments: outcomes', () => {
  it('answers every user once, in the order the users were given, whatever the outcome', () => {
    const plan = planAssignments({
      users: ['u5', 'u1', 'u4', 'u2', 'u3'],
      product: CAD,
      held: [held('u4', CAD, 'ast_old'), held('u2', { id: 'prd_cad_lite', type: 'cad' })],
      assets: [asset('ast_a', 2)],
    });
    expect(outcomes(plan)).toEqual([
      ['u5', 'assigned', 'ast_a'],
      ['u1', 'assigned', 'ast_a'],
      ['u4', 'already assigned', 'ast_old'],
      ['u2', 'product type already held', null],
      ['u3', 'no seat available', null],
    ]);
  });

  it('gives the free seats to the first users in the list, not to later ones', () => {
    const users = ['u1', 'u2', 'u3', 'u4'];
    const plan = planAssignments({ users, product: CAD, held: [], assets: [asset('ast_a', 1)] });
    expect(plan.map((p) => p.outcome)).toEqual([
      'assigned',
      'no seat available',
      'no seat available',
      'no seat available',
    ]);
    const reversed = planAssignments({
      users: [...users].reverse(),
      product: CAD,
      held: [],
      assets: [asset('ast_a', 1)],
    });
    expect(reversed[0]).toEqual({ user: 'u4', outcome: 'assigned', assetId: 'ast_a' });
  });

  it('answers "already assigned" before the type rule, and takes no seat for it', () => {
    const plan = planAssignments({
      users: ['u1', 'u2'],
      product: CAD,
      // u1 holds this very product (a cad): not "product type already held".
      held: [held('u1', CAD, 'ast_a')],
      assets: [asset('ast_a', 1)],
    });
    expect(outcomes(plan)).toEqual([
      ['u1', 'already assigned', 'ast_a'],
      ['u2', 'assigned', 'ast_a'],
    ]);
  });

  it('answers "already assigned" even when the product has no active asset or no free seat left', () => {
    const inactive = planAssignments({
      users: ['u1'],
      product: CAD,
      held: [held('u1', CAD)],
      assets: [asset('a', 1, false)],
    });
    expect(inactive[0]?.outcome).toBe('already assigned');
    const full = planAssignments({ users: ['u1'], product: CAD, held: [held('u1', CAD)], assets: [asset('a', 0)] });
    expect(full[0]?.outcome).toBe('already assigned');
  });

  it('refuses a second product of the same type, but not one of another type', () => {
    const plan = planAssignments({
      users: ['u1', 'u2'],
      product: CAD,
      held: [held('u1', { id: 'prd_cad_lite', type: 'cad' }), held('u2', { id: 'prd_sim', type: 'simulation' })],
      assets: [asset('ast_a', 5)],
    });
    expect(outcomes(plan)).toEqual([
      ['u1', 'product type already held', null],
      ['u2', 'assigned', 'ast_a'],
    ]);
  });

  it('only counts what the user holds: another user holding a cad does not matter', () => {
    const plan = planAssignments({
      users: ['u2'],
      product: CAD,
      held: [held('u1', { id: 'prd_cad_lite', type: 'cad' })],
      assets: [asset('ast_a', 1)],
    });
    expect(plan[0]?.outcome).toBe('assigned');
  });
});

describe('planAssignments: services have no type', () => {
  it('gives a service to a member who holds other services and a cad', () => {
    const plan = planAssignments({
      users: ['u1'],
      product: SERVICE,
      held: [held('u1', { id: 'prd_training', type: null }), held('u1', CAD)],
      assets: [asset('ast_svc', 1)],
    });
    expect(outcomes(plan)).toEqual([['u1', 'assigned', 'ast_svc']]);
  });

  it('does not let a held service block a typed product', () => {
    const plan = planAssignments({ users: ['u1'], product: CAD, held: [held('u1', SERVICE)], assets: [asset('a', 1)] });
    expect(plan[0]?.outcome).toBe('assigned');
  });

  it('still gives one service once: the same service again is "already assigned"', () => {
    const plan = planAssignments({
      users: ['u1'],
      product: SERVICE,
      held: [held('u1', SERVICE)],
      assets: [asset('a', 1)],
    });
    expect(plan[0]?.outcome).toBe('already assigned');
  });
});

describe('planAssignments: seats across candidate assets', () => {
  it('fills the assets in the order of preference, then says no seat', () => {
    const plan = planAssignments({
      users: ['u1', 'u2', 'u3', 'u4', 'u5'],
      product: CAD,
      held: [],
      assets: [asset('ast_ends_last', 1), asset('ast_next', 0), asset('ast_then', 2)],
    });
    expect(outcomes(plan)).toEqual([
      ['u1', 'assigned', 'ast_ends_last'],
      ['u2', 'assigned', 'ast_then'],
      ['u3', 'assigned', 'ast_then'],
      ['u4', 'no seat available', null],
      ['u5', 'no seat available', null],
    ]);
  });

  it('skips inactive assets even when they have free seats', () => {
    const plan = planAssignments({
      users: ['u1', 'u2', 'u3'],
      product: CAD,
      held: [],
      assets: [asset('ast_suspended', 5, false), asset('ast_active', 1), asset('ast_expired', 5, false)],
    });
    expect(outcomes(plan)).toEqual([
      ['u1', 'assigned', 'ast_active'],
      ['u2', 'no seat available', null],
      ['u3', 'no seat available', null],
    ]);
  });

  it('answers "asset not active" when no candidate is active, naming the first, and plans no seat', () => {
    const plan = planAssignments({
      users: ['u1', 'u2'],
      product: CAD,
      held: [],
      assets: [asset('ast_suspended', 5, false), asset('ast_expired', 5, false)],
    });
    expect(outcomes(plan)).toEqual([
      ['u1', 'asset not active', 'ast_suspended'],
      ['u2', 'asset not active', 'ast_suspended'],
    ]);
  });

  it('answers "no seat available" (not "asset not active") when an active asset is merely full', () => {
    const plan = planAssignments({
      users: ['u1'],
      product: CAD,
      held: [],
      assets: [asset('a', 0), asset('b', 3, false)],
    });
    expect(outcomes(plan)).toEqual([['u1', 'no seat available', null]]);
  });

  it('treats an asset with more assigned than seats (negative free) as full', () => {
    const plan = planAssignments({
      users: ['u1', 'u2'],
      product: CAD,
      held: [],
      assets: [asset('a', -2), asset('b', 1)],
    });
    expect(outcomes(plan)).toEqual([
      ['u1', 'assigned', 'b'],
      ['u2', 'no seat available', null],
    ]);
  });

  it('changes nothing it was given: planning twice gives the same plan', () => {
    const input = {
      users: ['u1', 'u2', 'u3'],
      product: CAD,
      held: [held('u3', CAD)],
      assets: [asset('a', 1), asset('b', 1, false), asset('c', 1)],
    };
    const copy = structuredClone(input);
    const first = planAssignments(input);
    expect(input).toEqual(copy);
    expect(planAssignments(input)).toEqual(first);
  });
});
