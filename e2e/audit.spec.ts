import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { OPERATOR } from './fixtures';
import { signUpAndVerify } from './helpers';

/**
 * The Audit log (SPEC §2.8, issue 14): an administrator opens it from the navigation, sees who changed what and to
 * whom (names and emails as they were, "System" when nobody acted), opens a bulk event's rows, filters by action and
 * by date, and downloads the CSV with the same filter; on a phone the table becomes cards. The operator is the
 * administrator here (appointed through the API, which sets the scene); names are unique per run.
 */
const stamp = Date.now().toString(36).toLowerCase();
const organization = `Fabrikam Audit ${stamp}`;
const renamed = `Fabrikam Audited ${stamp}`;
const invitees = [`ivy-${stamp}@example.com`, `ian-${stamp}@example.com`];
const leaver = { name: `Lea Leaver ${stamp}`, email: `lea-${stamp}@example.com` };
const PHONE = { width: 390, height: 844 };

/** A dialog is fixed to the viewport, so a shot of one shows the viewport rather than the whole page. */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/audit-${name}.png`, fullPage, animations: 'disabled' });
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(OPERATOR.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(OPERATOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Hello,/ })).toBeVisible();
}

/** An organization with a few recorded changes: created, renamed, an administrator appointed, two invitations. */
async function organizationWithHistory(page: Page): Promise<string> {
  const created = await page.request.post('/api/v1/operator/organizations', {
    data: { name: organization, code: `aud${stamp}`.slice(0, 20) },
  });
  expect(created.ok()).toBeTruthy();
  const org = (await created.json()).id as string;
  const calls = [
    () => page.request.patch(`/api/v1/operator/organizations/${org}`, { data: { name: renamed } }),
    () =>
      page.request.post(`/api/v1/operator/organizations/${org}/administrators`, { data: { email: OPERATOR.email } }),
    () =>
      page.request.post(`/api/v1/orgs/${org}/invitations`, { data: { emails: invitees.join(', '), rights: 'member' } }),
  ];
  // One after the other, so the log's order is the order of these calls.
  for (const call of calls) expect((await call()).ok()).toBeTruthy();
  return org;
}

/** The server's day (its clock can be ahead of the wall clock in e2e) as this machine's calendar shows it. */
async function serverDay(page: Page): Promise<string> {
  const { now } = (await (await page.request.get('/api/v1/dev/clock')).json()) as { now: string };
  const at = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

test.describe
  .serial('the audit log', () => {
    let org = '';
    let firstDay = '';

    test('an administrator opens it, sees a bulk event’s rows, filters by action and exports CSV', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page);
      org = await organizationWithHistory(page);
      firstDay = await serverDay(page);
      await page.goto(`/orgs/${org}`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
      await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();

      const table = page.getByRole('table', { name: 'Audit events' });
      // Two addresses in one request: one event that says so, not a row per address.
      const bulk = table.getByRole('row', { name: /Sent 2 invitations/ });
      await expect(bulk).toHaveCount(1);
      await expect(table.getByRole('row', { name: /Organization renamed/ })).toContainText(OPERATOR.email);
      // The target as it was at the time: created under its first name, renamed to the second; with its code.
      await expect(table.getByRole('row', { name: /Organization renamed/ })).toContainText(renamed);
      const created = table.getByRole('row', { name: /Organization created/ });
      await expect(created).toContainText(organization);
      await expect(created).toContainText(`aud${stamp}`.slice(0, 20));
      await expect(table.getByRole('row', { name: /Administrator appointed/ })).toBeVisible();
      await shot(page, '01-log');

      await bulk.getByRole('button', { name: /^View rows/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Sent 2 invitations' });
      const rows = dialog.getByRole('table', { name: 'Rows: 2 invitations' });
      for (const address of invitees)
        await expect(rows.getByRole('row', { name: new RegExp(address) })).toContainText('invited');
      await expect(dialog.getByRole('table', { name: 'Before and after' })).toContainText('rights');
      const axe = await new AxeBuilder({ page })
        .include('[role="dialog"]')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await shot(page, '02-bulk-rows', false);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      await page.getByRole('combobox', { name: 'Action' }).click();
      await page.getByRole('option', { name: 'Invitations sent' }).click();
      await expect(page).toHaveURL(/action=invitations\.sent/);
      await expect(table.getByRole('row')).toHaveCount(2); // the header and the event
      await expect(page.getByRole('status')).toHaveText('1 event, newest first');

      const downloading = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Export CSV' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(new RegExp(`^audit-aud${stamp}-\\d{4}-\\d\\d-\\d\\d\\.csv$`));
      const csv = (await readFile((await download.path()) as string, 'utf8')).replace(/^\ufeff/, '');
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'id,occurred_at,action,actor_id,actor_name,actor_email,actor_ip,target_type,target_id,target_name,' +
          'target_detail,item_count,organization_id,organization_name,before,after',
      );
      expect(lines).toHaveLength(2);
      expect(lines[1]?.split(',')[2]).toBe('invitations.sent');
      expect(lines[1]?.split(',')[11]).toBe('2');
      expect(csv).toContain(OPERATOR.email);
    });

    test('a removed member keeps their name and email, and a date range narrows the list', async ({
      page,
      browser,
    }) => {
      // The leaver signs up in a browser of their own; the next day the operator appoints and removes them.
      const theirs = await browser.newContext();
      await signUpAndVerify(await theirs.newPage(), leaver);
      await theirs.close();
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page);
      expect((await page.request.post('/api/v1/dev/clock', { data: { advance: '1441m' } })).ok()).toBeTruthy();
      const secondDay = await serverDay(page);
      const appointed = await page.request.post(`/api/v1/operator/organizations/${org}/administrators`, {
        data: { email: leaver.email },
      });
      expect(appointed.ok()).toBeTruthy();
      const { items } = (await appointed.json()) as { items: { userId: string; email: string }[] };
      const userId = items.find((a) => a.email === leaver.email)?.userId;
      expect((await page.request.delete(`/api/v1/orgs/${org}/members/${userId}`)).ok()).toBeTruthy();

      await page.goto(`/orgs/${org}/audit`);
      const table = page.getByRole('table', { name: 'Audit events' });
      const removed = table.getByRole('row', { name: /Member removed/ });
      await expect(removed).toContainText(leaver.name);
      await expect(removed).toContainText(leaver.email);
      await expect(table.getByRole('row')).toHaveCount(7);

      await page.getByLabel('From', { exact: true }).fill(secondDay);
      await expect(page).toHaveURL(new RegExp(`from=${secondDay}`));
      await expect(table.getByRole('row')).toHaveCount(3); // the header, appointed and removed
      await expect(page.getByRole('status')).toHaveText('2 events, newest first');
      await shot(page, '03-date-range');
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      await page.getByLabel('To', { exact: true }).fill(firstDay);
      await expect(page.getByText('Must be on or after the From date')).toBeVisible();
      await page.getByLabel('From', { exact: true }).fill(firstDay);
      await expect(table.getByRole('row')).toHaveCount(5); // the header and the first day's four
      await expect(table).not.toContainText(leaver.email);
    });

    test('on a phone the events are cards, bulk rows open full-screen and the filters still work', async ({ page }) => {
      await page.setViewportSize(PHONE);
      await signIn(page);
      await page.goto(`/orgs/${org}/audit`);
      const cards = page.getByRole('list', { name: 'Audit events' });
      await expect(cards.getByRole('listitem')).toHaveCount(6);
      await expect(page.getByRole('table', { name: 'Audit events' })).toBeHidden();
      await expect(cards.getByRole('listitem').filter({ hasText: 'Member removed' })).toContainText(leaver.email);
      await shot(page, '04-phone');

      await cards.getByRole('button', { name: /^View rows: Sent 2 invitations/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Sent 2 invitations' });
      await expect(dialog.getByRole('table', { name: 'Rows: 2 invitations' })).toContainText(invitees[1] as string);
      await shot(page, '05-phone-bulk-rows', false);
      await page.keyboard.press('Escape');

      await page.getByRole('searchbox', { name: 'Who' }).fill(OPERATOR.email.toUpperCase());
      await expect(page).toHaveURL(/actor=/);
      await expect(cards.getByRole('listitem')).toHaveCount(6);
      await page.getByRole('searchbox', { name: 'Who' }).fill(`nobody-${stamp}@example.com`);
      await expect(page.getByRole('status')).toHaveText('No events match these filters.');
      await page.getByRole('searchbox', { name: 'Who' }).fill('');
      await cards.getByRole('button', { name: /^View changes: Organization renamed/ }).click();
      const changes = page.getByRole('dialog', { name: 'Organization renamed' });
      await expect(changes).toContainText(organization);
      await expect(changes).toContainText(renamed);
    });

    test('operators see the whole instance in the operator area, with the same date range', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operator' }).click();
      await page.getByRole('navigation', { name: 'Operator' }).getByRole('link', { name: 'Audit log' }).click();
      await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
      const table = page.getByRole('table', { name: 'Audit events' });
      await expect(table.getByRole('columnheader', { name: 'Organization' })).toBeVisible();
      await page.getByRole('textbox', { name: 'Organization' }).fill(`aud${stamp}`.slice(0, 20));
      await expect(page).toHaveURL(/organization=/);
      await expect(table.getByRole('row', { name: /Organization created/ })).toBeVisible();
      await expect(table.getByRole('row')).toHaveCount(7);
      await page.getByLabel('To', { exact: true }).fill(firstDay);
      await expect(table.getByRole('row')).toHaveCount(5);
      await table.getByRole('button', { name: /^View rows/ }).click();
      await expect(page.getByRole('dialog', { name: 'Sent 2 invitations' })).toContainText(invitees[0] as string);
      await page.keyboard.press('Escape');
      await shot(page, '06-operator');
    });
  });
