import { type RenderedEmail, renderLayout } from '../../lib/email-layout.js';

// The emails of assignments (SPEC §2.7): product assigned, product revoked; one a member and request.

interface Details {
  name: string;
  organization: string;
  products: string[];
  url: string;
}

const listed = (products: string[]) =>
  products.length === 1 ? (products[0] as string) : `${products.slice(0, -1).join(', ')} and ${products.at(-1)}`;

export function productsAssignedEmail(to: string, details: Details): RenderedEmail {
  const what = listed(details.products);
  return renderLayout({
    kind: 'product-assigned',
    to,
    subject: `${what} ${details.products.length === 1 ? 'is' : 'are'} now yours to use at ${details.organization}`,
    greeting: `Hello ${details.name},`,
    paragraphs: [
      `An administrator of ${details.organization} assigned ${what} to you in Portico.`,
      'Sign in to see it under My products, with what you need to start using it.',
    ],
    action: { label: 'Open My products', url: details.url },
    footer: 'You receive this email because an administrator of your organization assigned you a product.',
  });
}

export function productsRevokedEmail(to: string, details: Details): RenderedEmail {
  const what = listed(details.products);
  return renderLayout({
    kind: 'product-revoked',
    to,
    subject: `${what} ${details.products.length === 1 ? 'is' : 'are'} no longer assigned to you at ${details.organization}`,
    greeting: `Hello ${details.name},`,
    paragraphs: [
      `An administrator of ${details.organization} revoked ${what} from you in Portico.`,
      'A copy in use stops at its next check with the server. Ask your administrator if you still need it.',
    ],
    action: { label: 'Open My products', url: details.url },
    footer: 'You receive this email because an administrator of your organization changed your products.',
  });
}
