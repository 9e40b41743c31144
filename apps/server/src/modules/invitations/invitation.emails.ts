import type { Rights } from '@portico/contracts';
import { type RenderedEmail, renderLayout } from '../../lib/email-layout.js';

// The invitation email: first send, resend ("Reminder: ") and new invitation.

export function invitationEmail(
  to: string,
  details: {
    kind: 'invitation' | 'invitation-resent' | 'new-invitation';
    organization: string;
    inviter: string;
    rights: Rights;
    message: string | null;
    url: string;
    expiresAt: Date;
  },
): RenderedEmail {
  const role = details.rights === 'admin' ? 'an administrator' : 'a member';
  const prefix = details.kind === 'invitation-resent' ? 'Reminder: ' : '';
  return renderLayout({
    kind: details.kind,
    to,
    subject: `${prefix}${details.inviter} invites you to ${details.organization} in Portico`,
    greeting: 'Hello,',
    paragraphs: [
      `${details.inviter} invites you to join ${details.organization} in Portico as ${role} (User Rights: ${details.rights === 'admin' ? 'Admin' : 'Member'}).`,
      ...(details.message ? [`${details.inviter} wrote: “${details.message}”`] : []),
      `The invitation is valid until ${details.expiresAt.toUTCString()}.`,
    ],
    action: { label: 'Accept the invitation', url: details.url },
    footer: 'If you did not expect this invitation, you can ignore this email.',
  });
}
