import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { toDate } from '../../lib/time.js';
import { findUserById } from '../accounts/accounts.service.js';
import { enqueueEmail } from '../mail/outbox.writer.js';
import { findOrganization } from '../organizations/organizations.service.js';
import { invitationEmail } from './invitation.emails.js';
import { invitationToken } from './invitation-token.js';
import type { InvitationRow } from './invitations.repository.js';

// The invitation email (first send, resend, new invitation): who it is from, its link, its outbox row.

export function linkFor(deps: Deps<'config'>, id: string): string {
  return `${deps.config.publicUrl}/invitations/${invitationToken(deps.config.secret, id)}`;
}

/** What an invitation email says about who sends it: looked up once per request, not once per address. */
export interface Sender {
  organization: string;
  inviter: string;
}

export async function senderOf(trx: Executor, organizationId: string, inviterId: string | null): Promise<Sender> {
  const [organization, inviter] = await Promise.all([
    findOrganization(trx, organizationId),
    inviterId ? findUserById(trx, inviterId) : undefined,
  ]);
  return { organization: organization?.name ?? '', inviter: inviter?.name ?? 'Your administrator' };
}

type EmailKind = 'invitation' | 'invitation-resent' | 'new-invitation';
type InvitationFields = Pick<
  InvitationRow,
  'id' | 'organization_id' | 'email' | 'rights' | 'message' | 'first_name' | 'last_name'
> & {
  expires_at: unknown;
};

/** The invitation email of `row` with its outbox context, ready for enqueueEmail(s). */
export function renderInvitationEmail(deps: Deps<'config'>, row: InvitationFields, kind: EmailKind, sender: Sender) {
  const email = invitationEmail(row.email, {
    kind,
    ...sender,
    rights: row.rights,
    message: row.message,
    firstName: row.first_name,
    url: linkFor(deps, row.id),
    expiresAt: toDate(row.expires_at),
  });
  return { email, context: { organizationId: row.organization_id, subjectType: 'invitation', subjectId: row.id } };
}

/** Queues the invitation email of `row` (first send, resend or new invitation) with the change's transaction. */
export async function queueInvitationEmail(
  deps: Deps<'config'>,
  trx: Executor,
  row: InvitationRow,
  kind: EmailKind,
  now: Date,
) {
  const sender = await senderOf(trx, row.organization_id, row.invited_by_user_id);
  const { email, context } = renderInvitationEmail(deps, row, kind, sender);
  await enqueueEmail(trx, email, now, context);
}
