import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { OPERATOR } from './fixtures';

/**
 * The Audit log (SPEC §2.8): an administrator opens it from the navigation, sees who changed what, filters by action,
 * looks at what a change did, and downloads the CSV with the same filter; on a phone the table becomes cards. The
 * operator is the administrator here (appointed through the API, which sets the scene); names are unique per run.
 */
const stamp = Date.now().toString(36).toLowerCase();
const organization = `Fabrikam Audit ${stamp}`;
const renamed = `Fabrikam Audited ${stamp}`;
const invitees = [`ivy-${stamp}@example.com`, `ian-${stamp}@example.com`];

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
    page.request.patch(`/api/v1/operator/organizations/${org}`, { data: { name: renamed } }),
    page.request.post(`/api/v1/operator/organizations/${org}/administrators`, { data: { email: OPERATOR.email } }),
    page.request.post(`/api/v1/orgs/${org}/invitations`, { data: { emails: invitees.join(', '), rights: 'member' } }),
  ];
  // One after the other, so the log's order is the order of these calls.
  for (const call of calls) expect((await call).ok()).toBeTruthy();
  return org;
}

test.describe
  .serial('the audit log', () => {
    let org = '';

    test('an administrator opens it, filters by action, sees a change and exports CSV', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page);
      org = await organizationWithHistory(page);
      await page.goto(`/orgs/${org}`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
      await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();

      const table = page.getByRole('table', { name: 'Audit events' });
      await expect(table.getByRole('row', { name: /Invitation sent/ })).toHaveCount(2);
      await expect(table.getByRole('row', { name: /Organization renamed/ })).toContainText(OPERATOR.email);
      await expect(table.getByRole('row', { name: /Administrator appointed/ })).toBeVisible();
      await shot(page, '01-log');

      await page.getByRole('combobox', { name: 'Action' }).click();
      await page.getByRole('option', { name: 'Invitation sent' }).click();
      await expect(page).toHaveURL(/action=invitation\.sent/);
      await expect(table.getByRole('row')).toHaveCount(3); // the header and two events
      await expect(page.getByRole('status')).toHaveText('2 events, newest first');
      await expect(table).toContainText(invitees[0] as string);

      await table
        .getByRole('button', { name: /^View changes/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: 'Invitation sent' });
      await expect(dialog.getByRole('table', { name: 'Before and after' })).toContainText('rights');
      await shot(page, '02-changes', false);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      const downloading = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Export CSV' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(new RegExp(`^audit-aud${stamp}-\\d{4}-\\d\\d-\\d\\d\\.csv$`));
      const csv = (await readFile((await download.path()) as string, 'utf8')).replace(/^\ufeff/, '');
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'id,occurred_at,action,actor_id,actor_name,actor_email,actor_ip,target_type,target_id,organization_id,organization_name,before,after',
      );
      expect(lines).toHaveLength(3);
      expect(lines.slice(1).every((line) => line.split(',')[2] === 'invitation.sent')).toBe(true);
      expect(csv).toContain(OPERATOR.email);
    });

    test('on a phone the events are cards and the filters still work', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 800 });
      await signIn(page);
      await page.goto(`/orgs/${org}/audit`);
      const cards = page.getByRole('list', { name: 'Audit events' });
      await expect(cards.getByRole('listitem')).toHaveCount(5);
      await expect(page.getByRole('table', { name: 'Audit events' })).toBeHidden();
      await shot(page, '03-phone');

      await page.getByRole('searchbox', { name: 'Who' }).fill(OPERATOR.email.toUpperCase());
      await expect(page).toHaveURL(/actor=/);
      await expect(cards.getByRole('listitem')).toHaveCount(5);
      await page.getByRole('searchbox', { name: 'Who' }).fill(`nobody-${stamp}@example.com`);
      await expect(page.getByRole('status')).toHaveText('No events match these filters.');
      await page.getByRole('searchbox', { name: 'Who' }).fill('');
      await cards.getByRole('button', { name: /^View changes: Organization renamed/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Organization renamed' });
      await expect(dialog).toContainText(organization);
      await expect(dialog).toContainText(renamed);
      await shot(page, '04-phone-changes', false);
    });

    test('operators see the whole instance in the operator area', async ({ page }) => {
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
      await expect(table.getByRole('row')).toHaveCount(6);
      await shot(page, '05-operator');
    });
  });
