import { formatSerial } from '@portico/contracts';
import type { Executor } from '../../db/database.js';

/**
 * How an audit event names its target as it is at the time of the change (issue 14: a removed member stays
 * "Ada Lovelace, ada@example.com" in the log, not `usr_01m8…`).
 *
 * This file reads other modules' tables (users, invitations, assets, products, organizations, licensing) directly,
 * which no other module may do, on purpose: every module records through audit.writer.ts, so the audit module
 * cannot import their services (that would make every module depend on every other, in cycles). Reading a name by
 * primary key is all it does, in the transaction of the change, so the name is the one the change saw.
 */

export interface TargetSnapshot {
  name: string | null;
  detail: string | null;
}

/**
 * `organization`: name only what belongs to that organization (a bulk event's rows, which may hold another
 * organization's ids that the action refused: their names must not reach this organization's log). A user belongs
 * while a member; catalogue products, sign-ins and keys belong to none, so those rows stay unnamed.
 */
type Lookup = (db: Executor, ids: string[], organization?: string) => Promise<[string, TargetSnapshot][]>;

/** Whether a lookup runs for everyone (undefined) or within one organization. */
const within = (organization: string | undefined) => organization !== undefined;

const joined = (...parts: (string | null | undefined)[]): string | null =>
  parts.filter((part): part is string => Boolean(part)).join(' · ') || null;

/** The invitee's name as a CSV gave it, or null (the address then names the row). */
function personName(first: string | null, last: string | null): string | null {
  return [first, last].filter(Boolean).join(' ').trim() || null;
}

const users: Lookup = async (db, ids, organization) =>
  (
    await db
      .selectFrom('users as u')
      .select(['u.id', 'u.name', 'u.email'])
      .where('u.id', 'in', ids)
      .$if(within(organization), (q) =>
        q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('organization_members as m')
              .select('m.user_id')
              .whereRef('m.user_id', '=', 'u.id')
              .where('m.organization_id', '=', organization as string),
          ),
        ),
      )
      .execute()
  ).map((r) => [r.id, { name: r.name, detail: r.email }]);

const invitations: Lookup = async (db, ids, organization) =>
  (
    await db
      .selectFrom('invitations')
      .select(['id', 'email', 'first_name', 'last_name'])
      .where('id', 'in', ids)
      .$if(within(organization), (q) => q.where('organization_id', '=', organization as string))
      .execute()
  ).map((r) => [r.id, { name: personName(r.first_name, r.last_name), detail: r.email }]);

const assets: Lookup = async (db, ids, organization) =>
  (
    await db
      .selectFrom('assets as a')
      .innerJoin('products as p', 'p.id', 'a.product_id')
      .select(['a.id', 'a.serial', 'p.name'])
      .where('a.id', 'in', ids)
      .$if(within(organization), (q) => q.where('a.organization_id', '=', organization as string))
      .execute()
  ).map((r) => [r.id, { name: r.name, detail: formatSerial(r.serial) }]);

const products: Lookup = async (db, ids, organization) =>
  within(organization)
    ? []
    : (await db.selectFrom('products').select(['id', 'name', 'code']).where('id', 'in', ids).execute()).map((r) => [
        r.id,
        { name: r.name, detail: r.code },
      ]);

const organizations: Lookup = async (db, ids, organization) =>
  (
    await db
      .selectFrom('organizations')
      .select(['id', 'name', 'code'])
      .where('id', 'in', ids)
      .$if(within(organization), (q) => q.where('id', '=', organization as string))
      .execute()
  ).map((r) => [r.id, { name: r.name, detail: r.code }]);

/** A license held: the member, and their address with the product's code. */
const assignments: Lookup = async (db, ids, organization) =>
  (
    await db
      .selectFrom('assignments as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .innerJoin('products as p', 'p.id', 'g.product_id')
      .select(['g.id', 'u.name', 'u.email', 'p.code'])
      .where('g.id', 'in', ids)
      .$if(within(organization), (q) => q.where('g.organization_id', '=', organization as string))
      .execute()
  ).map((r) => [r.id, { name: r.name, detail: joined(r.email, r.code) }]);

/** A machine using a license: its name; the product's code with the member's address (or the serial, machine mode). */
const activations: Lookup = async (db, ids, organization) =>
  (
    await db
      .selectFrom('activations as x')
      .innerJoin('products as p', 'p.id', 'x.product_id')
      .innerJoin('assets as a', 'a.id', 'x.asset_id')
      .leftJoin('users as u', 'u.id', 'x.user_id')
      .select(['x.id', 'x.machine_name', 'p.code', 'a.serial', 'u.email'])
      .where('x.id', 'in', ids)
      .$if(within(organization), (q) => q.where('x.organization_id', '=', organization as string))
      .execute()
  ).map((r) => [r.id, { name: r.machine_name, detail: joined(r.code, r.email ?? formatSerial(r.serial)) }]);

const devices: Lookup = async (db, ids, organization) =>
  (
    await db
      .selectFrom('licensing_devices as d')
      .innerJoin('products as p', 'p.id', 'd.product_id')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .select(['d.id', 'd.name', 'p.code', 'u.email'])
      .where('d.id', 'in', ids)
      .$if(within(organization), (q) => q.where('d.organization_id', '=', organization as string))
      .execute()
  ).map((r) => [r.id, { name: r.name, detail: joined(r.code, r.email) }]);

/** A desktop sign-in request: the machine (or the application) and whose account it was for. */
const deviceAuthorizations: Lookup = async (db, ids, organization) =>
  within(organization)
    ? []
    : (
        await db
          .selectFrom('device_authorizations as d')
          .leftJoin('users as u', 'u.id', 'd.user_id')
          .select(['d.id', 'd.machine_name', 'd.application', 'u.email'])
          .where('d.id', 'in', ids)
          .execute()
      ).map((r) => [r.id, { name: r.machine_name ?? r.application, detail: r.email }]);

const deviceTokens: Lookup = async (db, ids, organization) =>
  within(organization)
    ? []
    : (
        await db
          .selectFrom('device_tokens as d')
          .innerJoin('users as u', 'u.id', 'd.user_id')
          .select(['d.id', 'd.machine_name', 'd.application', 'u.email'])
          .where('d.id', 'in', ids)
          .execute()
      ).map((r) => [r.id, { name: r.machine_name ?? r.application, detail: r.email }]);

/** Someone asking to join through a serial: the requester (the serial is in the event's after). */
const registrationRequests: Lookup = async (db, ids, organization) =>
  (
    await db
      .selectFrom('registration_requests as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'u.name', 'u.email'])
      .where('r.id', 'in', ids)
      .$if(within(organization), (q) => q.where('r.organization_id', '=', organization as string))
      .execute()
  ).map((r) => [r.id, { name: r.name, detail: r.email }]);

const signingKeys: Lookup = async (db, ids, organization) =>
  within(organization)
    ? []
    : (await db.selectFrom('signing_keys').select(['kid', 'generation']).where('kid', 'in', ids).execute()).map((r) => [
        r.kid,
        { name: `Generation ${Number(r.generation)}`, detail: r.kid },
      ]);

/** By the event's target type, as the modules record it. A type not listed here is kept without a name. */
const LOOKUPS: Record<string, Lookup> = {
  user: users,
  invitation: invitations,
  asset: assets,
  product: products,
  organization: organizations,
  assignment: assignments,
  activation: activations,
  device: devices,
  device_authorization: deviceAuthorizations,
  device_token: deviceTokens,
  registration_request: registrationRequests,
  signing_key: signingKeys,
};

/** A bulk event's rows carry ids, not types: the id's prefix (lib/ids.ts) says which table names it. */
const TYPE_OF_PREFIX: Record<string, string> = {
  usr: 'user',
  inv: 'invitation',
  ast: 'asset',
  prd: 'product',
  org: 'organization',
  asg: 'assignment',
  act: 'activation',
  dev: 'device',
  dva: 'device_authorization',
  dtk: 'device_token',
  reg: 'registration_request',
};

export function targetTypeOfId(id: string): string | undefined {
  return TYPE_OF_PREFIX[id.slice(0, id.indexOf('_'))];
}

/** Ids per statement: one parameter each, well inside both databases' limits, and an index range each. */
const CHUNK = 500;

/**
 * The names of these targets of one type as they are now, by id; unknown ids (and types) are left out, and so are
 * those outside `organization` when one is given.
 */
export async function findTargetSnapshots(
  db: Executor,
  type: string,
  ids: string[],
  organization?: string,
): Promise<Map<string, TargetSnapshot>> {
  const lookup = LOOKUPS[type];
  const found = new Map<string, TargetSnapshot>();
  if (!lookup) return found;
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += CHUNK)
    for (const [id, snapshot] of await lookup(db, unique.slice(start, start + CHUNK), organization))
      found.set(id, snapshot);
  return found;
}
