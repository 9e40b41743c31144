/**
 * Email templates: each returns a plain-text and an HTML part (SPEC §2.7). Values are escaped for HTML; links
 * are absolute, built from PUBLIC_URL by the caller.
 */
export interface RenderedEmail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Layout {
  kind: string;
  to: string;
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  footer: string;
}

/** One layout for every message, so all emails look alike and carry exactly one link. */
export function renderLayout(layout: Layout): RenderedEmail {
  const text = [
    layout.greeting,
    '',
    ...layout.paragraphs.flatMap((p) => [p, '']),
    `${layout.action.label}: ${layout.action.url}`,
    '',
    layout.footer,
  ].join('\n');
  const paragraphs = layout.paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('');
  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<tr><td><p style="margin:0 0 16px;font-size:18px;font-weight:bold">Portico</p>
<p style="margin:0 0 16px">${escapeHtml(layout.greeting)}</p>${paragraphs}
<p style="margin:24px 0"><a href="${escapeHtml(layout.action.url)}" style="background:#1c7ed6;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(layout.action.label)}</a></p>
<p style="margin:0 0 8px;font-size:12px;color:#52606d;word-break:break-all;overflow-wrap:anywhere">If the button does not work, copy this address into your browser: ${escapeHtml(layout.action.url)}</p>
<p style="margin:16px 0 0;font-size:12px;color:#52606d">${escapeHtml(layout.footer)}</p></td></tr></table></body></html>`;
  return { kind: layout.kind, to: layout.to, subject: layout.subject, text, html };
}

export function verificationEmail(to: string, name: string, url: string, validForHours: number): RenderedEmail {
  return renderLayout({
    kind: 'verify-email',
    to,
    subject: 'Verify your email address for Portico',
    greeting: `Hello ${name},`,
    paragraphs: [
      'Welcome to Portico. Please confirm that this is your email address so that you can sign in.',
      `The link is valid for ${validForHours} hours.`,
    ],
    action: { label: 'Verify my email address', url },
    footer: 'If you did not create an account, you can ignore this email.',
  });
}

export function passwordResetEmail(to: string, name: string, url: string, validForMinutes: number): RenderedEmail {
  return renderLayout({
    kind: 'password-reset',
    to,
    subject: 'Reset your Portico password',
    greeting: `Hello ${name},`,
    paragraphs: [
      'Someone asked to reset the password of your Portico account. Choose a new password with the link below.',
      `The link is valid for ${validForMinutes} minutes and can be used once.`,
    ],
    action: { label: 'Choose a new password', url },
    footer: 'If you did not ask for this, ignore this email: your password stays as it is.',
  });
}

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

export function invitationEmail(
  to: string,
  details: {
    kind: 'invitation' | 'invitation-resent' | 'new-invitation';
    organization: string;
    inviter: string;
    rights: 'admin' | 'member';
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
