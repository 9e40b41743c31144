import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { OPERATOR } from './fixtures';
import { linksMailedTo, organizationAdministeredByOperator, PASSWORD, signIn, signOut, stamp } from './helpers';

/**
 * Issue 14 parts 3 and 4: the Invite Member dialog flags invalid addresses before sending (and Cancel sends
 * nothing), reads a CSV with names, refusing rows by line; the invitee opens the link, sees the administrator's
 * message, creates an account and reaches Welcome without a verification email; the used link then says when they
 * joined; a member's navigation comes from /me, also in a browser that never saw the organization. Each screenshot
 * (desktop and a 390 px phone) is checked by axe first. Names are unique to this run: the e2e database is shared.
 */
const run = stamp();
const organization = `Northwind Invitees ${run}`;
const pat = { first: 'Pat', last: 'Lee', email: `pat-${run}@example.com` };
const quinn = { first: 'Quinn', last: 'Adams', email: `quinn-${run}@example.com` };
const ann = `ann-${run}@example.com`;
const message = 'Welcome to Northwind!\nYour CAD licences are ready on Monday.';
const INVITE_LINK = /\/invitations\//;
const PHONE = { width: 390, height: 844 };

/** Settled (no loader, no running transition), checked by axe for WCAG 2.2 AA as accessibility.spec.ts does, shot. */
async function shot(page: Page, name: string): Promise<void> {
  await expect(page.locator('.mantine-Loader')).toHaveCount(0);
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY),
  );
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
  await page.screenshot({ path: `e2e/screenshots/invitees-${name}.png`, fullPage: true, animations: 'disabled' });
}

async function openInviteDialog(page: Page, org: string) {
  await page.goto(`/orgs/${org}/members`);
  await page.getByRole('button', { name: 'Invite Member' }).click();
  return page.getByRole('dialog', { name: 'Invite Member' });
}

/** The subjects of everything the dev mailbox holds for an address. */
async function subjectsTo(page: Page, to: string): Promise<string[]> {
  const mailbox = (await (await page.request.get('/api/v1/dev/mailbox')).json()) as {
    messages: { to: string; subject: string }[];
  };
  return mailbox.messages.filter((m) => m.to === to).map((m) => m.subject);
}

test.describe
  .serial('invitees: the invite dialog, the link, an account verified by it', () => {
    let org = '';

    test('the dialog flags invalid addresses as they are typed, and Cancel sends nothing', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page, OPERATOR.email);
      org = await organizationAdministeredByOperator(page, organization, `ive${run}`.slice(0, 12));
      const dialog = await openInviteDialog(page, org);
      const addresses = dialog.getByLabel('Email addresses');
      await addresses.fill(`${ann}; bob@; carl `);
      await expect(dialog.getByText('2 addresses are not valid: bob@, carl')).toBeVisible();
      await shot(page, 'dialog-flagged');

      // Send is refused in the dialog, before anything leaves the browser.
      await dialog.getByRole('button', { name: 'Send Invitations' }).click();
      await expect(dialog.getByText('2 addresses are not valid: bob@, carl. Correct or remove them.')).toBeVisible();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      expect(await subjectsTo(page, ann)).toEqual([]);

      await page.setViewportSize(PHONE);
      const phoneDialog = await openInviteDialog(page, org);
      await phoneDialog.getByLabel('Email addresses').fill(`${ann}, not-an-address, `);
      await expect(phoneDialog.getByText('1 address is not valid: not-an-address')).toBeVisible();
      await shot(page, 'dialog-flagged-phone');
      await phoneDialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(phoneDialog).toBeHidden();
    });

    test('the dialog reads a CSV with names, refuses rows by line, and the PENDING rows show the names', async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page, OPERATOR.email);
      const dialog = await openInviteDialog(page, org);
      await dialog.getByText('Upload a CSV file').click();

      // The template is the file the dialog reads.
      const download = page.waitForEvent('download');
      await dialog.getByRole('link', { name: 'Download CSV template' }).click();
      const template = await readFile((await (await download).path()) as string, 'utf8');
      expect(template.split(/\r?\n/)[0]).toBe('email,first_name,last_name');

      const csv = [
        'email,first_name,last_name',
        `${pat.email},${pat.first},${pat.last}`,
        'bad-address,Bad,Row',
        `"${quinn.email}","${quinn.first}","${quinn.last}"`,
      ].join('\n');
      await dialog
        .locator('input[type="file"]')
        .setInputFiles({ name: 'invitees.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await expect(dialog.getByText('2 addresses to invite, 2 with names.')).toBeVisible();
      await expect(dialog.getByText('1 row is refused and will not be sent')).toBeVisible();
      await expect(dialog.getByText('Line 3: “bad-address” is not a valid email address')).toBeVisible();
      await dialog.getByLabel('Message (optional)').fill(message);
      await shot(page, 'dialog-csv');
      await dialog.getByRole('button', { name: 'Send Invitations' }).click();

      await expect(dialog).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: '2 of 2 addresses invited' })).toBeVisible();
      const rows = page.getByRole('row');
      await expect(rows.filter({ hasText: pat.email })).toContainText(`${pat.first} ${pat.last}`);
      await expect(rows.filter({ hasText: quinn.email })).toContainText(`${quinn.first} ${quinn.last}`);
      await expect(rows.filter({ hasText: pat.email })).toContainText('PENDING');
      // Greeted by first name.
      const mailbox = (await (await page.request.get('/api/v1/dev/mailbox')).json()) as {
        messages: { to: string; text: string }[];
      };
      expect(mailbox.messages.find((m) => m.to === pat.email)?.text).toMatch(/^Hello Pat,/);
      await signOut(page);
    });

    test('the invitee sees the message, creates an account from the link and reaches Welcome, one email', async ({
      page,
    }) => {
      const [link] = await linksMailedTo(page.request, pat.email, INVITE_LINK);
      await page.setViewportSize(PHONE);
      await page.goto(link as string);
      const quote = page.getByRole('main').getByText('Welcome to Northwind!');
      await expect(quote).toBeVisible();
      await expect(page.getByRole('main')).toContainText('Your CAD licences are ready on Monday.');
      await shot(page, 'invitation-page-phone');
      await page.setViewportSize({ width: 1280, height: 900 });
      await shot(page, 'invitation-page');

      await page.getByRole('main').getByRole('link', { name: 'Create account' }).click();
      await expect(page.getByLabel('Email')).toHaveValue(pat.email);
      await expect(page.getByText('no verification email is needed')).toBeVisible();
      await page.getByLabel('Name').fill(`${pat.first} ${pat.last}`);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();

      await expect(page.getByRole('heading', { name: `Welcome to ${organization}` })).toBeVisible();
      // The invitation was the only email: no verification link was sent.
      expect(await subjectsTo(page, pat.email)).toEqual([`Olivia Operator invites you to ${organization} in Portico`]);
      await page.getByRole('link', { name: 'OK' }).click();
      await expect(page.getByRole('heading', { name: organization, level: 1 })).toBeVisible();

      // The used link, opened by the member who used it, says so and leads to the organization.
      await page.goto(link as string);
      await expect(page.getByRole('heading', { name: `You joined ${organization}` })).toBeVisible();
      await shot(page, 'joined');
      await page.getByRole('link', { name: `Go to ${organization}` }).click();
      await expect(page.getByRole('heading', { name: organization, level: 1 })).toBeVisible();
    });

    test('a member’s navigation comes from /me, also in a browser that never opened the organization', async ({
      browser,
    }) => {
      // A fresh context: no storage from the visits above.
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, pat.email);
      await page.goto('/account');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'My organization' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'My products' })).toBeVisible();
      await nav.getByRole('link', { name: 'My organization' }).click();
      await expect(page.getByRole('heading', { name: organization, level: 1 })).toBeVisible();
      await context.close();
    });
  });
