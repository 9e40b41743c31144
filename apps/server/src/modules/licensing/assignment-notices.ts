import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import type { RenderedEmail } from '../../lib/email-layout.js';
import { enqueueEmails } from '../mail/outbox.writer.js';
import { findOrganization } from '../organizations/organizations.service.js';
import { productsAssignedEmail, productsRevokedEmail } from './assignment.emails.js';
import type { AssignmentRow } from './assignments.repository.js';

// Members are told by email when products are assigned to or revoked from them: one email a member and request,
// naming every product of that request (SPEC §2.5), queued in the change's transaction (SPEC §2.7).

type Render = typeof productsAssignedEmail;

async function notify(
  trx: Executor,
  deps: Deps<'config'>,
  organizationId: string,
  rows: AssignmentRow[],
  render: Render,
  now: Date,
) {
  if (rows.length === 0) return;
  const organization = await findOrganization(trx, organizationId);
  const byUser = new Map<string, AssignmentRow[]>();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  const url = `${deps.config.publicUrl}/orgs/${organizationId}/my-products`;
  const emails: {
    email: RenderedEmail;
    context: { organizationId: string; subjectType: string; subjectId: string };
  }[] = [...byUser.values()].map((mine) => {
    const first = mine[0] as AssignmentRow;
    const details = {
      name: first.user_name,
      organization: organization?.name ?? '',
      products: mine.map((r) => r.product_name),
      url,
    };
    const context = { organizationId, subjectType: 'assignment', subjectId: first.id };
    return { email: render(first.user_email, details), context };
  });
  await enqueueEmails(trx, emails, now);
}

export async function notifyAssigned(
  trx: Executor,
  deps: Deps<'config'>,
  organizationId: string,
  rows: AssignmentRow[],
  now: Date,
) {
  await notify(trx, deps, organizationId, rows, productsAssignedEmail, now);
}

export async function notifyRevoked(
  trx: Executor,
  deps: Deps<'config'>,
  organizationId: string,
  rows: AssignmentRow[],
  now: Date,
) {
  await notify(trx, deps, organizationId, rows, productsRevokedEmail, now);
}
