import type { LicenseAnswer } from '@portico/contracts';
import {
  createOrganizationWithAsset,
  createSession,
  createSignedInUsers,
  json,
  type SignedInUser,
} from './factories.js';
import { addMembers } from './licensing.js';
import type { TestApp } from './test-app.js';

/** A named-user licensing setup: an online asset of PRM-2026 in `acme`, an administrator and members holding it. */
export interface LicensingWorld {
  operator: string;
  organizationId: string;
  assetId: string;
  serial: string;
  admin: SignedInUser;
  members: SignedInUser[];
}

export async function licensingWorld(t: TestApp, options: { members?: number; seats?: number } = {}) {
  const [operator, admin, ...members] = await createSignedInUsers(t, [
    { email: 'op@example.com', name: 'Olive Operator', options: { isOperator: true } },
    { email: 'admin@acme.test', name: 'Ada Admin' },
    ...Array.from({ length: options.members ?? 2 }, (_, i) => ({
      email: `member${i}@acme.test`,
      name: `Member ${i}`,
    })),
  ]);
  if (!operator || !admin) throw new Error('no users');
  const { organizationId, serial } = await createOrganizationWithAsset(t, operator.cookie, {
    code: 'acme',
    name: 'Acme',
    serial: 'ACME00000001',
    seats: options.seats ?? 10,
  });
  await addMembers(t, organizationId, [admin.userId], 'admin');
  await addMembers(
    t,
    organizationId,
    members.map((m) => m.userId),
    'member',
  );
  const assets = await json(t, 'GET', '/api/v1/orgs/acme/assets', admin.cookie);
  const assetId = assets.json().items[0].id as string;
  if (members.length > 0) {
    const assigned = await json(t, 'POST', `/api/v1/orgs/acme/assignments`, admin.cookie, {
      asset: assetId,
      users: members.map((m) => m.userId),
    });
    if (assigned.statusCode !== 200) throw new Error(`assign: ${assigned.body}`);
  }
  return { operator: operator.cookie, organizationId, assetId, serial, admin, members } satisfies LicensingWorld;
}

/** A machine as the SDK describes it: four hashed components derived from a seed, a name, a platform. */
export function machine(
  seed: string,
  overrides: Partial<Record<'hostname' | 'osInstallId' | 'mac' | 'cpu', string>> = {},
) {
  return {
    fingerprint: {
      hostname: `h-${seed}`,
      osInstallId: `o-${seed}`,
      mac: `m-${seed}`,
      cpu: 'Intel Core i7',
      ...overrides,
    },
    name: `${seed}-laptop`,
    platform: 'linux-x64',
    appVersion: '2026.1',
  };
}

export async function activate(
  t: TestApp,
  cookie: string,
  device: ReturnType<typeof machine>,
  options: { takeover?: boolean; transfer?: boolean; replace?: string; product?: string } = {},
): Promise<LicenseAnswer> {
  const { product = 'PRM-2026', ...rest } = options;
  const res = await json(t, 'POST', '/api/v1/licensing/activations', cookie, { product, machine: device, ...rest });
  if (res.statusCode !== 200) throw new Error(`activate: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function heartbeat(t: TestApp, cookie: string, activationId: string): Promise<LicenseAnswer> {
  const res = await json(t, 'POST', `/api/v1/licensing/activations/${activationId}/heartbeat`, cookie);
  if (res.statusCode !== 200) throw new Error(`heartbeat: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** New sessions for everyone after the clock moved past their lifetime (the licensing rules run on the same clock). */
export async function renewSessions(t: TestApp, w: LicensingWorld): Promise<void> {
  for (const user of [w.admin, ...w.members]) user.cookie = (await createSession(t, user.userId)).cookie;
}
