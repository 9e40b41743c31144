import { type RenderedEmail, renderLayout } from '../../lib/email-layout.js';

// The emails of accounts: verify an address, reset a password.

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
