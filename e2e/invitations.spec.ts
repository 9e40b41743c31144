import { expect, type Page, test } from '@playwright/test';
import { OPERATOR } from './fixtures';

/**
 * Issue 4's acceptance journey (SPEC §2.4): the operator, as an administrator, invites a new address and an existing
 * account; the new invitee creates an account from the link (email prefilled), verifies it and lands on Welcome; the
 * existing one signs in from the link and accepts. Names are unique to this run: the database is shared.
 */
const stamp = Date.now().toString(36).toLowerCase();
const organization = `Contoso Invites ${stamp}`;
const password = 'amber-orchard-quartz-58';
const newcomer = { name: 'Nina Newcomer', email: `nina-${stamp}@example.com` };
const existing = { name: 'Eric Existing', email: `eric-${stamp}@example.com` };

const escapeRegExp = (text: string) => text.replace(/[.+]/g, '\\$&');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/invitations-${name}.png`, fullPage: true });
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page
    .getByRole('textbox', { name: 'Password', exact: true })
    .fill(email === OPERATOR.email ? OPERATOR.password : password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Hello,/ })).toBeVisible();
}

/** The newest link of a kind in the dev mailbox, from the message sent to this address. */
async function linkFromMailbox(page: Page, to: string, kind: RegExp): Promise<string> {
  await page.goto('/dev/mailbox');
  await page
    .getByRole('button', { name: new RegExp(`To ${escapeRegExp(to)}`) })
    .first()
    .click();
  return (await page.getByRole('link', { name: kind }).first().getAttribute('href')) as string;
}

test.describe
  .serial('invitations: accepting from the link', () => {
    const links: Record<string, string> = {};

    test('an administrator invites a new address and an existing account', async ({ page }) => {
      // Eric has an account before the invitation.
      await page.goto('/sign-up');
      await page.getByLabel('Name').fill(existing.name);
      await page.getByLabel('Email').fill(existing.email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page).toHaveURL(/\/check-email/);
      await page.goto(await linkFromMailbox(page, existing.email, /\/verify-email\?token=/));
      await expect(page.getByRole('heading', { name: 'Your email is verified' })).toBeVisible();

      // The Invite Member dialog is another page's; the API sets the scene here.
      await signIn(page, OPERATOR.email);
      const created = await page.request.post('/api/v1/operator/organizations', {
        data: { name: organization, code: `inv${stamp}`.slice(0, 12) },
      });
      expect(created.ok()).toBeTruthy();
      const org = (await created.json()).id as string;
      const admin = await page.request.post(`/api/v1/operator/organizations/${org}/administrators`, {
        data: { email: OPERATOR.email },
      });
      expect(admin.ok()).toBeTruthy();
      const invited = await page.request.post(`/api/v1/orgs/${org}/invitations`, {
        data: { emails: `${newcomer.email}; ${existing.email}`, rights: 'member', message: 'Welcome aboard' },
      });
      expect(invited.ok()).toBeTruthy();

      for (const person of [newcomer, existing])
        links[person.email] = await linkFromMailbox(page, person.email, /\/invitations\//);
      await page.getByRole('button', { name: /profile menu/ }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/sign-in/);
    });

    test('the new invitee creates an account from the link and lands on Welcome', async ({ page }) => {
      await page.goto(links[newcomer.email]);
      await expect(page.getByText(new RegExp(`invites you to join ${organization} as Member`))).toBeVisible();
      await shot(page, 'signed-out');
      await page.getByRole('main').getByRole('link', { name: 'Create account' }).click();

      await expect(page.getByLabel('Email')).toHaveValue(newcomer.email);
      await page.getByLabel('Name').fill(newcomer.name);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page).toHaveURL(/\/check-email/);

      await page.goto(await linkFromMailbox(page, newcomer.email, /\/verify-email\?token=/));
      await expect(page.getByRole('heading', { name: 'Your email is verified' })).toBeVisible();
      // The verify page remembers the way back to the invitation, and the address.
      await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
      await expect(page.getByLabel('Email')).toHaveValue(newcomer.email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();

      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await expect(page.getByRole('heading', { name: `Welcome to ${organization}` })).toBeVisible();
      await shot(page, 'welcome');
      await page.getByRole('link', { name: 'OK' }).click();
      await expect(page.getByRole('heading', { name: /Hello,/ })).toBeVisible();

      // Single-use: the link now says so.
      await page.goto(links[newcomer.email]);
      await expect(page.getByRole('heading', { name: 'This invitation was already used' })).toBeVisible();
    });

    test('the existing account signs in from the link and accepts', async ({ page }) => {
      await page.goto(links[existing.email]);
      await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
      await expect(page.getByLabel('Email')).toHaveValue(existing.email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();

      await expect(page.getByText(`Sent to ${existing.email}`, { exact: false })).toBeVisible();
      await page.getByRole('button', { name: 'Accept invitation' }).click();
      await expect(page.getByRole('heading', { name: `Welcome to ${organization}` })).toBeVisible();
    });

    test('an unknown link says it is not valid', async ({ page }) => {
      await page.goto('/invitations/inv_unknown.not-a-signature');
      await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
    });
  });
