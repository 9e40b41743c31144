import type { DatabaseHandle, Executor } from '../../db/database.js';
import { prepareFirst } from '../../db/prepared.js';
import { iso } from '../../lib/time.js';

// The one read behind a heartbeat (SPEC §6: ≥ 5,000 a second): the activation with its asset's state, the device
// that took it over, and the user's transfer budget, in one prepared statement.

const ID = '\u0000id';
const SINCE = '\u0000since';

function licenseQuery(db: Executor, id: string, since: string) {
  return db
    .selectFrom('activations as a')
    .innerJoin('assets as s', 's.id', 'a.asset_id')
    .innerJoin('products as p', 'p.id', 'a.product_id')
    .leftJoin('activations as n', 'n.id', 'a.successor_id')
    .select((eb) => {
      const transfers = eb
        .selectFrom('license_transfers as t')
        .whereRef('t.organization_id', '=', 'a.organization_id')
        .whereRef('t.user_id', '=', 'a.user_id')
        .whereRef('t.product_id', '=', 'a.product_id')
        .where('t.created_at', '>', since);
      const grants = eb
        .selectFrom('transfer_grants as g')
        .whereRef('g.organization_id', '=', 'a.organization_id')
        .whereRef('g.user_id', '=', 'a.user_id')
        .whereRef('g.product_id', '=', 'a.product_id')
        .where('g.created_at', '>', since);
      return [
        'a.id',
        'a.organization_id',
        'a.asset_id',
        'a.product_id',
        'a.kind',
        'a.user_id',
        'a.device_id',
        'a.fingerprint_hash',
        'a.machine_name',
        'a.status',
        'a.lease_expires_at',
        'a.offline_until',
        'a.created_at',
        'a.ended_reason',
        's.status as asset_status',
        's.ends_at as asset_ends_at',
        's.serial',
        'p.code as product_code',
        'p.name as product_name',
        'n.machine_name as successor_name',
        'n.platform as successor_platform',
        'n.last_contact_at as successor_contact_at',
        'n.offline_until as successor_offline_until',
        transfers.select((e) => e.fn.countAll<number>().as('n')).as('transfers_used'),
        transfers.select((e) => e.fn.min('t.created_at').as('m')).as('transfers_oldest'),
        grants.select((e) => e.fn.sum<number>('g.count').as('g')).as('transfers_granted'),
      ];
    })
    .where('a.id', '=', id);
}
export type LicenseRow = NonNullable<Awaited<ReturnType<ReturnType<typeof licenseQuery>['executeTakeFirst']>>>;
export type LicenseReader = (id: string, transfersSince: Date) => Promise<LicenseRow | undefined>;

/** Prepared once; the parameters are put in the order the compiled statement wants them. */
export function createLicenseReader(handle: DatabaseHandle): LicenseReader {
  const query = licenseQuery(handle.db, ID, SINCE);
  const order = query.compile().parameters.map((p) => {
    if (p !== ID && p !== SINCE) throw new Error(`unexpected parameter in the license query: ${String(p)}`);
    return p;
  });
  const first = prepareFirst<LicenseRow>(handle, query);
  return (id, since) => first(order.map((p) => (p === ID ? id : iso(since))));
}

/** The same read through any executor (inside a transaction: what it has written is seen). */
export async function readLicense(db: Executor, id: string, since: Date): Promise<LicenseRow | undefined> {
  return licenseQuery(db, id, iso(since)).executeTakeFirst();
}
