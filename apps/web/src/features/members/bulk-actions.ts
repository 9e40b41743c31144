import type { Assignment, MemberRow } from '@portico/contracts';
import { fetchAssignments, type LicenseProduct, revokeInBatches } from '../../lib/assignments';
import { collectPages, forEachLimited } from '../../lib/batches';
import { type BulkResults, type ItemResult, personLabel } from '../../lib/results';

// The Members page's product actions for a selection (SPEC §2.5) beyond Assign: Revoke product, member by member.
// Remove member and the other bulk actions are one server request each (api.ts sendBulk).

const number = new Intl.NumberFormat();
type Progress = (done: number, total: number) => void;

/** Up to this many members, each one's assignment of the product is looked up by itself; past it, the product's list. */
const ONE_BY_ONE = 50;

/** The members of a selection who hold licenses, as last read: they are removed only with their licenses revoked. */
export function holdersOf(members: MemberRow[]): MemberRow[] {
  return members.filter((member) => member.products.length > 0);
}

/** The active assignments of one product held by these members, read fresh (the selection may be older). */
export async function assignmentsOf(org: string, productId: string, members: MemberRow[]): Promise<Assignment[]> {
  const wanted = new Set(members.map((m) => m.id));
  if (members.length <= ONE_BY_ONE) {
    const found = await forEachLimited(members, 4, async (member) => {
      const page = await fetchAssignments(org, { user: member.id, product: productId }, null, { limit: 10 });
      return page.items;
    });
    return found.flat();
  }
  const { items } = await collectPages(
    (cursor) => fetchAssignments(org, { product: productId }, cursor, { limit: 200 }),
    { max: 1_000_000 },
  );
  return items.filter((a) => wanted.has(a.user.id));
}

/**
 * Revoke product for a selection: finds each member's assignment of the product, revokes them 500 a request and
 * answers per member — `revoked`, `does not hold it`, or `already revoked` when someone else was quicker.
 */
export async function revokeProductFrom(
  org: string,
  product: LicenseProduct,
  members: MemberRow[],
  onProgress: Progress,
): Promise<BulkResults> {
  const held = await assignmentsOf(org, product.id, members);
  const byUser = new Map(held.map((a) => [a.user.id, a.id]));
  const answers = await revokeInBatches(org, [...byUser.values()], onProgress);
  const outcome = new Map(answers.map((a) => [a.assignment, a.outcome]));
  const items = members.map((member): ItemResult => {
    const assignment = byUser.get(member.id);
    const answer = assignment ? outcome.get(assignment) : undefined;
    const who = personLabel(member);
    if (!assignment) return { key: member.id, who, outcome: 'does not hold it', tone: 'unchanged' };
    if (answer === 'revoked') return { key: member.id, who, outcome: 'revoked', tone: 'done' };
    return { key: member.id, who, outcome: 'already revoked', tone: 'unchanged' };
  });
  const revoked = items.filter((i) => i.tone === 'done').length;
  return {
    title: `${product.name}: revoked from ${number.format(revoked)} of ${number.format(items.length)} members`,
    items,
  };
}
