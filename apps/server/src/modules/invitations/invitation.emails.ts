import type { Rights } from '@portico/contracts';
import { type RenderedEmail, renderLayout } from '../../lib/email-layout.js';
import { humanDateTime } from '../../lib/human-date.js';

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
    /** The invitee's first name when the administrator gave one: "Hello Pat,". */
    firstName?: string | null;
  },
): RenderedEmail {
  const role = details.rights === 'admin' ? 'an administrator' : 'a member';
  const prefix = details.kind === 'invitation-resent' ? 'Reminder: ' : '';
  return renderLayout({
    kind: details.kind,
    to,
    subject: `${prefix}${details.inviter} invites you to ${details.organization} in Portico`,
    greeting: details.firstName ? `Hello ${details.firstName},` : 'Hello,',
    paragraphs: [
      `${details.inviter} invites you to join ${details.organization} in Portico as ${role} (User Rights: ${details.rights === 'admin' ? 'Admin' : 'Member'}).`,
      // The message keeps its line breaks: the layout turns them into <br> in the HTML part, after escaping.
      ...(details.message ? [`${details.inviter} wrote:\n“${details.message}”`] : []),
      `The invitation is valid until ${humanDateTime(details.expiresAt)}.`,
    ],
    action: { label: 'Accept the invitation', url: details.url },
    footer: 'If you did not expect this invitation, you can ignore this email.',
  });
}
