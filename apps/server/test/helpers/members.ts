import { upsertMember } from '../../src/modules/members/members.repository.js';
import {
  createOrganizationWithAsset,
  createSignedInUser,
  createSignedInUsers,
  type SignedInUser,
} from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * An organization (with one asset) made by an operator, and its administrator "Bea Boss": the start of every
 * Members page test. `code` names the organization; its serial is derived from it.
 */
export async function organizationWithAdministrator(
  t: TestApp,
  code: string,
): Promise<{ org: string; operator: string; boss: SignedInUser }> {
  const operator = await createSignedInUser(t, `op-${code}@example.com`, 'Olive Operator', { isOperator: true });
  const serial = `${code.toUpperCase().padEnd(3, 'X')}000000001`;
  const { organizationId: org } = await createOrganizationWithAsset(t, operator, { code, name: `${code} Ltd`, serial });
  const [boss] = await createSignedInUsers(t, [{ email: `boss-${code}@example.com`, name: 'Bea Boss' }]);
  await upsertMember(t.runtime.deps.db, org, boss!.userId, 'admin', t.clock.now());
  return { org, operator, boss: boss! };
}

/** Adds these accounts to the organization with the given rights. */
export async function addMembers(t: TestApp, org: string, people: SignedInUser[], rights: 'admin' | 'member') {
  for (const person of people) await upsertMember(t.runtime.deps.db, org, person.userId, rights, t.clock.now());
}
