import { type RenderedEmail, renderLayout } from '../../lib/email-layout.js';

// The emails of Register product: the request to the administrators, and the promoted administrator's.

export function registrationRequestEmail(
  to: string,
  details: {
    adminName: string;
    organization: string;
    requester: { name: string; email: string };
    serial: string;
    inviteUrl: string;
  },
): RenderedEmail {
  return renderLayout({
    kind: 'registration-request',
    to,
    subject: `${details.requester.name} asks to join ${details.organization} in Portico`,
    greeting: `Hello ${details.adminName},`,
    paragraphs: [
      `${details.requester.name} (${details.requester.email}) registered the serial number ${details.serial} of ${details.organization}.`,
      'You are an administrator of the organization. If this person should use its products, invite them.',
    ],
    action: { label: `Invite ${details.requester.email}`, url: details.inviteUrl },
    footer: 'You receive this email because you administer this organization in Portico.',
  });
}

export function promotedEmail(
  to: string,
  details: { name: string; organization: string; portalUrl: string },
): RenderedEmail {
  return renderLayout({
    kind: 'promoted-to-administrator',
    to,
    subject: `You are now an administrator of ${details.organization}`,
    greeting: `Hello ${details.name},`,
    paragraphs: [
      `You are now an administrator of ${details.organization} in Portico.`,
      'You can see the organization’s products and services, invite members and assign licenses.',
    ],
    action: { label: 'Open the admin portal', url: details.portalUrl },
    footer: 'You receive this email because you promoted yourself to administrator.',
  });
}
