import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { signIn, stamp } from './helpers';
import { accountFor, apiAs, membersOf, operatorApi } from './licensing-setup';

/**
 * Issue 14's daily work on the Members page: the counts in the headline, a selection of all 48 pending invitations
 * revoked with one confirmation, three members changed to Admin at once, the row menu saying why the last
 * administrator cannot be removed, and Export of the filtered list as CSV — on a desktop and on a phone.
 */
const run = stamp();
const organization = `Contoso Daily ${run}`;
const admin = { name: 'Ada Daily', email: `ada-daily-${run}@example.com` };
const people = ['Dana', 'Eli', 'Fay'].map((first) => ({
  name: `${first} Daily`,
  email: `${first.toLowerCase()}-daily-${run}@example.com`,
}));
const invited = Array.from({ length: 48 }, (_, i) => `wrong-${i}-${run}@example.com`);

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/members-daily-${name}.png`, fullPage: true, animations: 'disabled' });
}

const headline = (page: Page, text: string) => page.getByText(text, { exact: true });
const bar = (page: Page) => page.getByRole('region', { name: 'Selection' });
const row = (page: Page, email: string) => page.getByRole('row').filter({ hasText: email });

async function choose(page: Page, select: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: select }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The confirm dialog: says how many and what happens; its button sends one request; the results follow. */
async function confirmOnce(page: Page, title: string, screenshot: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await shot(page, `${screenshot}-confirm`);
  const changes: string[] = [];
  const record = (r: { method: () => string; url: () => string }) => {
    if (r.method() === 'POST') changes.push(new URL(r.url()).pathname);
  };
  page.on('request', record);
  await dialog.getByRole('button', { name: title }).click();
  await expect(dialog.getByRole('list', { name: 'Results per row' })).toBeVisible();
  page.off('request', record);
  expect(changes, 'one request for the whole selection').toHaveLength(1);
  return dialog;
}

let org = '';

test.describe
  .serial('members: daily work with a selection', () => {
    test.use({ viewport: { width: 1280, height: 900 } });

    test.beforeAll(async () => {
      for (const person of [admin, ...people]) await accountFor(person);
      const operator = await operatorApi();
      const created = await operator.post('/api/v1/operator/organizations', {
        data: { name: organization, code: `day${run}`.slice(0, 12) },
      });
      expect(created.ok(), await created.text()).toBeTruthy();
      org = (await created.json()).id;
      const appointed = await operator.post(`/api/v1/operator/organizations/${org}/administrators`, {
        data: { email: admin.email },
      });
      expect(appointed.ok()).toBeTruthy();
      const administrator = await apiAs(admin.email);
      await membersOf(org, administrator, people);
      // The wrong CSV: 48 addresses that should not have been invited.
      const sent = await administrator.post(`/api/v1/orgs/${org}/invitations`, {
        data: { emails: invited, rights: 'member' },
      });
      expect(sent.ok(), await sent.text()).toBeTruthy();
      await administrator.dispose();
    });

    test('48 pending invitations: selected with "all matching", revoked with one confirmation', async ({ page }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/members`);
      await expect(headline(page, '4 members · 1 administrator · 48 pending · 0 expired invitations')).toBeVisible();
      await expect(row(page, invited[0] as string).getByText('PENDING', { exact: true })).toBeVisible();

      // The only administrator is you: the row menu says why Remove and Change to Member are not offered.
      await page.getByRole('button', { name: `Actions for ${admin.email}` }).click();
      const remove = page.getByRole('menuitem', { name: 'Remove member', exact: true });
      await expect(remove).toBeDisabled();
      await expect(remove).toContainText('You are the last administrator: make someone else Admin first.');
      await expect(page.getByRole('menuitem', { name: 'Change to Member', exact: true })).toBeDisabled();
      await shot(page, 'last-administrator-menu');
      await page.keyboard.press('Escape');

      // 52 rows: two pages of 50 and 2; a row ticked on each page stays ticked on the other.
      const pages = page.getByRole('navigation', { name: 'Pages of the members list' });
      await expect(pages).toContainText('Rows 1–50 of 52');
      await page.getByRole('checkbox', { name: `Select ${people[0]?.name}` }).check();
      await pages.getByRole('button', { name: 'Next page' }).click();
      await expect(pages).toContainText('Rows 51–52 of 52');
      await page.getByRole('checkbox', { name: `Select ${invited[9]}` }).check();
      await expect(bar(page)).toContainText('2 selected: 1 member, 1 invitation');
      await pages.getByRole('button', { name: 'Previous page' }).click();
      await expect(page.getByRole('checkbox', { name: `Select ${people[0]?.name}` })).toBeChecked();
      await bar(page).getByRole('button', { name: 'Clear selection' }).click();

      await choose(page, 'Status', 'PENDING');
      await expect(page).toHaveURL(/status=pending/);
      // Space ticks a checkbox; then the bar offers every matching row, also those of the next page.
      const first = page.getByRole('checkbox', { name: `Select ${invited[0]}` });
      await first.focus();
      await page.keyboard.press('Space');
      await expect(bar(page)).toContainText('1 invitation selected');
      await bar(page).getByRole('button', { name: 'Select all 48 matching' }).click();
      await expect(bar(page)).toContainText('48 selected');
      // Nothing of the selection is a member: the member actions say why they are disabled.
      const promote = bar(page).getByRole('button', { name: 'Change to Admin' });
      await expect(promote).toHaveAttribute('aria-disabled', 'true');
      await expect(promote).toHaveAccessibleDescription('No member is selected.');
      await shot(page, 'selection');

      // Escape closes the confirmation without doing anything; the second time it is confirmed.
      const revoke = bar(page).getByRole('button', { name: 'Revoke invitation' });
      await revoke.click();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await revoke.click();
      const dialog = await confirmOnce(page, 'Revoke 48 invitations', 'revoke');
      await expect(dialog.getByText('48 of 48 invitations revoked')).toBeVisible();
      await expect(dialog.getByText('48 done · 0 unchanged · 0 refused')).toBeVisible();
      await shot(page, 'revoke-results');
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await expect(headline(page, '4 members · 1 administrator · 0 pending · 0 expired invitations')).toBeVisible();
      await expect(page.getByText('Nobody matches this search.')).toBeVisible();
      await expect(bar(page)).toHaveCount(0);
    });

    test('three members changed to Admin at once; the counts follow', async ({ page }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/members`);
      await choose(page, 'User Rights', 'Member');
      for (const person of people) await page.getByRole('checkbox', { name: `Select ${person.name}` }).check();
      await expect(bar(page)).toContainText('3 members selected');
      await expect(bar(page).getByRole('button', { name: 'Resend invitation' })).toHaveAccessibleDescription(
        'No invitation is selected.',
      );
      await bar(page).getByRole('button', { name: 'Change to Admin' }).click();
      const dialog = await confirmOnce(page, 'Change 3 members to Admin', 'make-admin');
      await expect(dialog.getByText('3 of 3 members changed to Admin')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(headline(page, '4 members · 4 administrators · 0 pending · 0 expired invitations')).toBeVisible();

      // Sorting by a column header is said to screen readers.
      await page.goto(`/orgs/${org}/members`);
      const name = page.getByRole('columnheader', { name: /Name/ });
      await name.getByRole('button').click();
      await expect(name).toHaveAttribute('aria-sort', 'ascending');
      await expect(page).toHaveURL(/sort=name/);
      for (const person of people)
        await expect(row(page, person.email).getByText('Admin', { exact: true })).toBeVisible();
      // Now someone else is Admin too: your own row says you cannot remove yourself.
      await page.getByRole('button', { name: `Actions for ${admin.email}` }).click();
      await expect(page.getByRole('menuitem', { name: 'Remove member', exact: true })).toContainText(
        'You cannot remove yourself',
      );
      await page.keyboard.press('Escape');
    });

    test('Export downloads the filtered list as CSV', async ({ page }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/members?status=active&sort=-email`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Export CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^members-.*\.csv$/);
      const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
      const lines = text.trim().split(/\r?\n/);
      expect(lines[0]).toBe('name,email,user_rights,status,joined_or_invited,last_sign_in,invitation_expires,products');
      // The four members, newest address last in Z→A order, and none of the revoked invitations.
      const emails = lines.slice(1).map((line) => line.split(',')[1]);
      expect(emails).toEqual([...[admin, ...people].map((p) => p.email)].sort().reverse());
      expect(text).not.toContain('wrong-');
    });

    test('on a phone: the cards with a selection, and the results of a change', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/members`);
      const cards = page.getByRole('list', { name: 'Members and invitations' });
      const dana = people[0] as (typeof people)[number];
      await expect(cards.getByRole('listitem').filter({ hasText: dana.email })).toContainText('Active');
      await page.getByRole('checkbox', { name: `Select ${dana.name}` }).check();
      await expect(bar(page)).toBeInViewport();
      await expect(bar(page)).toContainText('1 member selected');
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await shot(page, 'phone-selection');
      await bar(page).getByRole('button', { name: 'Change to Member' }).click();
      const dialog = await confirmOnce(page, 'Change 1 member to Member', 'phone-make-member');
      await expect(dialog.getByText('1 of 1 member changed to Member')).toBeVisible();
      await shot(page, 'phone-results');
      await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      await expect(headline(page, '4 members · 3 administrators · 0 pending · 0 expired invitations')).toBeVisible();
    });
  });
