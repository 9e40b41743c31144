import type { ValidateAnswer } from '@portico/contracts';
import { newId } from '../../src/lib/ids.js';
import { iso } from '../../src/lib/time.js';
import type { LeaseToSign } from '../../src/modules/licensing/lease-keys.js';
import type { LeaseKeys } from '../../src/modules/licensing/signing-keys.service.js';
import { createSignedInUser, createSignedInUsers } from '../helpers/factories.js';
import { addAsset, addMembers, addOrganization, addProduct } from '../helpers/licensing.js';
import type { TestApp } from '../helpers/test-app.js';

/** What the lease tests share: an organization with an active and a suspended asset, a member, activations. */

export interface LeaseWorld {
  organizationId: string;
  productId: string;
  productCode: string;
  assetId: string;
  suspendedAssetId: string;
  userId: string;
}

export function leaseKeys(t: TestApp): LeaseKeys {
  return t.runtime.deps.leases;
}

export async function leaseWorld(t: TestApp): Promise<LeaseWorld> {
  const operator = await createSignedInUser(t, 'op@example.com', 'Olive Operator', { isOperator: true });
  const productId = await addProduct(t, operator, { code: 'CAD-A', name: 'CAD A', kind: 'license', type: 'cad' });
  const organizationId = await addOrganization(t, operator, 'acme', 'Acme');
  const asset = { organization: 'acme', product: 'CAD-A', seats: 5, endsAt: '2099-01-01' };
  const assetId = await addAsset(t, operator, { ...asset, serial: 'ACME00000001' });
  const suspendedAssetId = await addAsset(t, operator, { ...asset, serial: 'ACME00000002', suspended: true });
  const [user] = await createSignedInUsers(t, [{ email: 'ann@example.com', name: 'Ann Member' }]);
  await addMembers(t, organizationId, [user!.userId], 'member');
  return { organizationId, productId, productCode: 'CAD-A', assetId, suspendedAssetId, userId: user!.userId };
}

let people = 0;

/**
 * An activation row as the activation service would leave it, inserted directly, for a member of its own: a user
 * holds one active online activation per product (the slot).
 */
export async function insertActivation(
  t: TestApp,
  world: LeaseWorld,
  options: { status?: 'active' | 'released' | 'transferred' | 'expired' | 'revoked'; assetId?: string } = {},
): Promise<string> {
  const now = t.clock.now();
  const id = newId('activation', now.getTime());
  people += 1;
  const [user] = await createSignedInUsers(t, [{ email: `user${people}@example.com`, name: `User ${people}` }]);
  await addMembers(t, world.organizationId, [user!.userId], 'member');
  await t.runtime.deps.db
    .insertInto('activations')
    .values({
      id,
      organization_id: world.organizationId,
      asset_id: options.assetId ?? world.assetId,
      product_id: world.productId,
      kind: 'online',
      user_id: user!.userId,
      components: '{}',
      fingerprint_hash: 'f'.repeat(64),
      machine_name: 'Ann’s laptop',
      platform: 'linux',
      status: options.status ?? 'active',
      lease_expires_at: iso(new Date(now.getTime() + 30 * 60_000)),
      last_contact_at: iso(now),
      created_at: iso(now),
    })
    .execute();
  return id;
}

/** The claims the activation code would sign for this activation, living `seconds` from the test clock's now. */
export function claimsFor(
  t: TestApp,
  world: LeaseWorld,
  activationId: string,
  options: { kind?: 'online' | 'offline'; seconds?: number } = {},
): LeaseToSign {
  return {
    sub: world.userId,
    user: world.userId,
    organization: world.organizationId,
    product: world.productCode,
    asset: world.assetId,
    activation: activationId,
    fingerprint: 'f'.repeat(64),
    kind: options.kind ?? 'online',
    mode: 'named-user',
    exp: Math.floor(t.clock.now().getTime() / 1000) + (options.seconds ?? 1800),
  };
}

export async function validate(t: TestApp, lease: string): Promise<ValidateAnswer> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/licensing/validate', payload: { lease } });
  if (res.statusCode !== 200) throw new Error(`validate: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function jwks(t: TestApp): Promise<{ keys: { kid: string }[] }> {
  const res = await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
  if (res.statusCode !== 200) throw new Error(`jwks: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function kidOf(lease: string): string {
  return JSON.parse(Buffer.from(lease.split('.')[0] as string, 'base64url').toString()).kid;
}
