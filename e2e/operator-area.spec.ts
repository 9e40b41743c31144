import { expect, type Page, test } from '@playwright/test';
import { stamp } from './helpers';
import { assetFor, operatorApi, productFor } from './licensing-setup';

/**
 * Issue 14's operator area, in the browser, on a desktop and at 390 px: appointing an administrator who has no
 * account (an Admin invitation goes out), changing and retiring a product (no new asset of it), Suspend asked
 * first, a service added without seats, and the Terms and Conditions set by the operator, read at /terms and linked
 * from the First Moment of Truth. Names are unique to this run: the e2e server is shared by every spec file.
 */
const run = stamp();
const RUN = run.toUpperCase();
const organization = `Tailspin Operator ${run}`;
const license = { code: `OPS-${RUN}`, name: `Surface Modeler ${RUN}` };
const service = { code: `OPT-${RUN}`, name: `Onboarding Training ${RUN}` };
const serial = `OPS${RUN}0001`;
const newcomer = `olga-admin-${run}@example.com`;
const terms = `Tailspin licensing terms ${run}\n\n1. Use the seats your organization bought.\n2. Keep your password to yourself.`;
let org = '';

const PHONE = { width: 390, height: 844 };

async function shots(page: Page, name: string, phoneCheck?: () => Promise<void>): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/operator-${name}.png`, fullPage: true, animations: 'disabled' });
  if (!phoneCheck) return;
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  await phoneCheck();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name}: nothing wider than the phone`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `e2e/screenshots/operator-${name}-phone.png`, fullPage: true, animations: 'disabled' });
  if (desktop) await page.setViewportSize(desktop);
}

/** The operator's API session, shared by the specs, in this page: its sign-ins are rate-limited. */
async function asOperator(page: Page): Promise<void> {
  const { cookies } = await (await operatorApi()).storageState();
  await page.context().addCookies(cookies);
}

test.describe
  .serial('the operator area', () => {
    test.use({ viewport: { width: 1280, height: 900 } });

    test.beforeAll(async () => {
      const operator = await operatorApi();
      await productFor(operator, { ...license, kind: 'license', type: 'surface' });
      await productFor(operator, { ...service, kind: 'service' });
      const created = await operator.post('/api/v1/operator/organizations', {
        data: { name: organization, code: `ts${run}`.slice(0, 12) },
      });
      expect(created.ok(), await created.text()).toBeTruthy();
      org = (await created.json()).id;
      await assetFor(operator, { organization: org, product: license.code, serial, seats: 6 });
    });

    test('appointing an address without an account sends an invitation to become administrator', async ({
      page,
      request,
    }) => {
      await asOperator(page);
      await page.goto(`/operator/organizations/${org}`);
      const administrators = page.getByRole('region', { name: 'Administrators' });
      await administrators.getByRole('textbox', { name: 'Email' }).fill(newcomer);
      await administrators.getByRole('button', { name: 'Appoint administrator' }).click();
      const notice = administrators.getByRole('status');
      await expect(notice).toHaveText(
        `No account yet: an invitation to become administrator was sent to ${newcomer}. They become an administrator when they accept it.`,
      );
      await expect(administrators.getByText('No administrator yet.')).toBeVisible();
      await shots(page, '01-appoint-invitation', () => expect(notice).toBeVisible());
      const mailbox = (await (await request.get('/api/v1/dev/mailbox')).json()) as {
        messages: { to: string; subject: string; text: string }[];
      };
      const invitation = mailbox.messages.find((m) => m.to === newcomer);
      expect(invitation?.text).toContain(organization);
      expect(invitation?.text).toContain('Admin');

      // Asked again: the invitation is pending, nothing is sent twice.
      await administrators.getByRole('textbox', { name: 'Email' }).fill(newcomer);
      await administrators.getByRole('button', { name: 'Appoint administrator' }).click();
      await expect(notice).toContainText('is already pending: nothing was sent again');
    });

    test('Suspend is asked first; Cancel changes nothing, Suspend suspends', async ({ page }) => {
      await asOperator(page);
      await page.goto(`/operator/organizations/${org}`);
      const assets = page.getByRole('table', { name: 'Assets' });
      const row = assets.getByRole('row').filter({ hasText: license.name });
      await row.getByRole('button', { name: /^Suspend / }).click();
      const confirm = page.getByRole('dialog', { name: 'Suspend asset' });
      await expect(confirm).toContainText('its members cannot use it');
      await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await shots(page, '02-suspend-confirm', () => expect(confirm).toBeVisible());
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await expect(row).toContainText('Active');
      await row.getByRole('button', { name: /^Suspend / }).click();
      await confirm.getByRole('button', { name: 'Suspend' }).click();
      await expect(confirm).toBeHidden();
      await expect(row).toContainText('Suspended');
      await row.getByRole('button', { name: /^Reactivate / }).click();
      await expect(row).toContainText('Active');
    });

    test('a service is added without seats, and listed without them', async ({ page }) => {
      await asOperator(page);
      await page.goto(`/operator/organizations/${org}`);
      await page.getByRole('button', { name: 'Add asset' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add asset' });
      await dialog.getByRole('combobox', { name: 'Product' }).click();
      await page.getByRole('option', { name: new RegExp(service.code) }).click();
      await expect(dialog.getByRole('textbox', { name: 'Seats' })).toHaveCount(0);
      await expect(dialog.getByText('A service has no seats and no licensing mode')).toBeVisible();
      await dialog.getByRole('textbox', { name: 'Serial number' }).fill(`OPT${RUN}0001`);
      await shots(page, '03-add-service');
      await dialog.getByRole('button', { name: 'Add asset' }).click();
      await expect(dialog).toBeHidden();
      const row = page.getByRole('table', { name: 'Assets' }).getByRole('row').filter({ hasText: service.name });
      await expect(row).toContainText('Service: no seats');
      await shots(page, '04-organization-assets', async () => {
        const card = page.getByRole('list', { name: 'Assets' }).getByRole('listitem').filter({ hasText: service.name });
        await expect(card).toBeVisible();
        await expect(card).not.toContainText('Seats');
      });
    });

    test('a product is renamed, then retired: kept by its assets, offered for no new one', async ({ page }) => {
      await asOperator(page);
      await page.goto('/operator/products');
      const table = page.getByRole('table', { name: 'Products' });
      await page.getByRole('button', { name: `Edit ${license.name}`, exact: true }).click();
      const edit = page.getByRole('dialog', { name: 'Edit product' });
      await expect(edit.getByRole('textbox', { name: 'Name' })).toHaveValue(license.name);
      await edit.getByRole('textbox', { name: 'Name' }).fill('');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await expect(edit.getByText('Name is required')).toBeVisible();
      const renamed = `${license.name} Classic`;
      await edit.getByRole('textbox', { name: 'Name' }).fill(renamed);
      await shots(page, '05-edit-product');
      await edit.getByRole('button', { name: 'Save changes' }).click();
      await expect(edit).toBeHidden();
      const row = table.getByRole('row').filter({ hasText: license.code });
      await expect(row).toContainText(renamed);

      await row.getByRole('button', { name: `Retire ${renamed}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Retire product' });
      await expect(confirm).toContainText('will take no new assets');
      await shots(page, '06-retire-confirm', () => expect(confirm).toBeVisible());
      await confirm.getByRole('button', { name: 'Retire product' }).click();
      await expect(confirm).toBeHidden();
      await expect(row.getByText('Retired')).toBeVisible();
      await expect(row.getByRole('button', { name: /^Retire / })).toHaveCount(0);
      await shots(page, '07-products', async () => {
        await expect(page.getByRole('list', { name: 'Products' })).toContainText(renamed);
      });

      // Its asset keeps working, under the new name; Add asset no longer offers it.
      await page.goto(`/operator/organizations/${org}`);
      const asset = page.getByRole('table', { name: 'Assets' }).getByRole('row').filter({ hasText: renamed });
      await expect(asset).toContainText('Active');
      await page.getByRole('button', { name: 'Add asset' }).click();
      await page.getByRole('dialog', { name: 'Add asset' }).getByRole('combobox', { name: 'Product' }).click();
      await expect(page.getByRole('option', { name: new RegExp(service.code) })).toBeVisible();
      await expect(page.getByRole('option', { name: new RegExp(license.code) })).toHaveCount(0);
    });

    test('the Terms and Conditions: set by the operator, read by anyone at /terms', async ({ page, browser }) => {
      await asOperator(page);
      await page.goto('/operator/terms');
      const text = page.getByRole('textbox', { name: 'Terms and Conditions' });
      await expect(text).toHaveValue(/^Terms and Conditions\n/);
      await text.fill('   ');
      await page.getByRole('button', { name: 'Save terms' }).click();
      await expect(page.getByText('Terms and Conditions is required')).toBeVisible();
      await text.fill(terms);
      await page.getByRole('button', { name: 'Save terms' }).click();
      await expect(page.getByText(/^Your text applies, saved /)).toBeVisible();
      await shots(page, '08-terms-editor', () => expect(text).toBeVisible());

      // Signed out, in another browser: the text as written, line breaks kept.
      const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await visitor.goto('/terms');
      await expect(visitor.getByText(`Tailspin licensing terms ${run}`)).toBeVisible();
      const shown = await visitor.getByRole('main').locator('div', { hasText: '1. Use the seats' }).last().innerText();
      expect(shown).toContain('bought.\n2. Keep');
      await shots(visitor, '09-terms-public', () => expect(visitor.getByText('2. Keep your password')).toBeVisible());
      await visitor.close();

      // Back to the default text, asked first.
      await page.getByRole('button', { name: 'Restore the default text' }).click();
      await page
        .getByRole('dialog', { name: 'Restore the default text' })
        .getByRole('button', { name: 'Restore the default' })
        .click();
      await expect(page.getByText(/The default text that ships with Portico applies/)).toBeVisible();
      await expect(text).toHaveValue(/^Terms and Conditions\n/);
    });
  });
