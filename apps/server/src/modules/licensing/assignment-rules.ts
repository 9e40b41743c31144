import type { AssignOutcome } from '@portico/contracts';

// The rules of Assign (SPEC §2.5), pure: which user gets a seat of which asset, or why not.

export interface HeldAssignment {
  user_id: string;
  product_id: string;
  product_type: string | null;
  asset_id: string;
}

/** A candidate asset, in the order of preference, with the seats still free on it. */
export interface CandidateAsset {
  id: string;
  active: boolean;
  free: number;
}

export interface Planned {
  user: string;
  outcome: AssignOutcome;
  assetId: string | null;
}

/**
 * Decides each user's outcome, in the order the users were given: a user who holds the product already keeps it
 * (`already assigned`); one who holds another product of the same type is refused (`product type already held`;
 * services have no type); otherwise the first active candidate asset with a free seat gives one (`assigned`), and
 * when none is left, `no seat available` — or `asset not active` when no candidate is active at all.
 */
export function planAssignments(input: {
  users: string[];
  product: { id: string; type: string | null };
  held: HeldAssignment[];
  assets: CandidateAsset[];
}): Planned[] {
  const free = new Map(input.assets.filter((a) => a.active).map((a) => [a.id, Math.max(0, a.free)]));
  const anyActive = free.size > 0;
  return input.users.map((user) => {
    const mine = input.held.filter((h) => h.user_id === user);
    const same = mine.find((h) => h.product_id === input.product.id);
    if (same) return { user, outcome: 'already assigned', assetId: same.asset_id };
    const type = input.product.type;
    if (type !== null && mine.some((h) => h.product_type === type))
      return { user, outcome: 'product type already held', assetId: null };
    if (!anyActive) return { user, outcome: 'asset not active', assetId: input.assets[0]?.id ?? null };
    const asset = input.assets.find((a) => (free.get(a.id) ?? 0) > 0);
    if (!asset) return { user, outcome: 'no seat available', assetId: null };
    free.set(asset.id, (free.get(asset.id) ?? 0) - 1);
    return { user, outcome: 'assigned', assetId: asset.id };
  });
}
