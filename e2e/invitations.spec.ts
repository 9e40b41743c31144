import { expect, type Page, test } from '@playwright/test';
import { OPERATOR } from './fixtures';
import {
  linkFromMailbox,
  linksMailedTo,
  organizationAdministeredByOperator,
  PASSWORD,
  signIn,
  signOut,
  signUpAndVerify,
  stamp,
} from './helpers';

/**
 * Issue 4's acceptance journey (SPEC §2.4): the operator, as an administrator, invites a new address and an existing
 * account; the new invitee creates an account from the link (email prefilled) and lands on Welcome, the link having
 * verified the address (issue 14); the existing one signs in from the link and accepts. Names are unique to this run:
 * the database is shared.
 */
const run = stamp();
const organization = `Contoso Invites ${run}`;
const newcomer = { name: 'Nina Newcomer', email: `nina-${run}@example.com` };
const existing = { name: 'Eric Existing', email: `eric-${run}@example.com` };

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/invitations-${name}.png`, fullPage: true });
}

test.describe
  .serial('invitations: accepting from the link', () => {
    const links: Record<string, string> = {};

    test('an administrator invites a new address and an existing account', async ({ page }) => {
      // Eric has an account before the invitation.
      await signUpAndVerify(page, existing);

      // The Invite Member dialog is another page's; the API sets the scene here.
      await signIn(page, OPERATOR.email);
      const org = await organizationAdministeredByOperator(page, organization, `inv${run}`.slice(0, 12));
      const invited = await page.request.post(`/api/v1/orgs/${org}/invitations`, {
        data: { emails: `${newcomer.email}; ${existing.email}`, rights: 'member', message: 'Welcome aboard' },
      });
      expect(invited.ok()).toBeTruthy();

      for (const person of [newcomer, existing])
        links[person.email] = await linkFromMailbox(page, person.email, /\/invitations\//);
      await signOut(page);
    });

    test('the new invitee creates an account from the link and lands on Welcome, no second email', async ({ page }) => {
      await page.goto(links[newcomer.email]);
      await expect(page.getByText(new RegExp(`invites you to join ${organization} as Member`))).toBeVisible();
      await shot(page, 'signed-out');
      await page.getByRole('main').getByRole('link', { name: 'Create account' }).click();

      // The link proves the address (docs/adr/0014): the account is verified and joins at once.
      await expect(page.getByLabel('Email')).toHaveValue(newcomer.email);
      await page.getByLabel('Name').fill(newcomer.name);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByRole('heading', { name: `Welcome to ${organization}` })).toBeVisible();
      await shot(page, 'welcome');
      expect(await linksMailedTo(page.request, newcomer.email, /\/verify-email\?token=/)).toEqual([]);
      await page.getByRole('link', { name: 'OK' }).click();
      await expect(page.getByRole('heading', { name: organization, level: 1 })).toBeVisible();

      // Single-use: opened again by the member who used it, the link says when they joined and leads there.
      await page.goto(links[newcomer.email]);
      await expect(page.getByRole('heading', { name: `You joined ${organization}` })).toBeVisible();
      await page.getByRole('link', { name: `Go to ${organization}` }).click();
      await expect(page).toHaveURL(/\/orgs\//);
      await signOut(page);
      // Anyone else is told it was used.
      await page.goto(links[newcomer.email]);
      await expect(page.getByRole('heading', { name: 'This invitation was already used' })).toBeVisible();
    });

    test('the existing account signs in from the link and accepts', async ({ page }) => {
      await page.goto(links[existing.email]);
      await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
      await expect(page.getByLabel('Email')).toHaveValue(existing.email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
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
