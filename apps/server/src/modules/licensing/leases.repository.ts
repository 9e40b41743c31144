import type { DatabaseHandle } from '../../db/database.js';
import { prepareFirst } from '../../db/prepared.js';
import type { ActivationStatus } from '../../db/types.js';

// The one read behind `POST /api/v1/licensing/validate` (SPEC §6: ≥ 40% of the bare route).

export interface LeaseStateRow {
  status: ActivationStatus;
  asset_status: 'active' | 'suspended';
  asset_ends_at: unknown;
}

export type LeaseStateFinder = (activationId: string) => Promise<LeaseStateRow | undefined>;

/** The activation a lease names, with its asset's state: compiled once, a prepared statement on both databases. */
export function createLeaseStateFinder(handle: DatabaseHandle): LeaseStateFinder {
  const first = prepareFirst<LeaseStateRow>(
    handle,
    handle.db
      .selectFrom('activations as a')
      .innerJoin('assets as s', 's.id', 'a.asset_id')
      .select(['a.status', 's.status as asset_status', 's.ends_at as asset_ends_at'])
      .where('a.id', '=', ''),
  );
  return (activationId) => first([activationId]);
}
