import { expect, type Page, test } from '@playwright/test';
import { OPERATOR } from './fixtures';

/**
 * Issue 3's journey: the operator creates a product and an organization with an asset; a second user registers the
 * serial, verifies the organization's name, ticks both boxes, is promoted and sees the asset with its seats; a
 * third user registering the same serial is told who the administrator is. The database is shared with the other
 * spec files, so every name here is unique to this run.
 */
const stamp = Date.now().toString(36).toUpperCase();
const product = { code: `E2E-${stamp}`, name: `Vector CAD ${stamp}` };
const organization = `Northwind Tools ${stamp}`;
const serial = `E2E${stamp}0001`;
const serialDisplay = serial.replace(/(.{4})(?=.)/g, '$1 ');
const password = 'amber-orchard-quartz-58';
const admin = { name: 'Ada Administrator', email: `ada-${stamp.toLowerCase()}@example.com` };
const third = { name: 'Theo Third', email: `theo-${stamp.toLowerCase()}@example.com` };

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/organizations-${name}.png`, fullPage: true });
}

async function signIn(page: Page, email: string, secret: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Hello,/ })).toBeVisible();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /profile menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Sign up, then open the verification link from the dev mailbox, as a person would (see accounts.spec.ts). */
async function signUpVerified(page: Page, person: { name: string; email: string }): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/check-email/);
  await page.getByRole('link', { name: 'Open the dev mailbox' }).click();
  // Several people's emails are in the mailbox: pick this person's.
  await page.getByRole('button', { name: new RegExp(`To ${person.email.replace(/[.+]/g, '\\$&')}`) }).click();
  const href = await page
    .getByRole('link', { name: /\/verify-email\?token=/ })
    .first()
    .getAttribute('href');
  await page.goto(href as string);
  await expect(page.getByRole('heading', { name: 'Your email is verified' })).toBeVisible();
  await signIn(page, person.email, password);
}

async function registerSerial(page: Page, value: string): Promise<void> {
  await page.getByRole('button', { name: /profile menu/ }).click();
  await page.getByRole('menuitem', { name: 'Register product' }).click();
  await expect(page.getByRole('heading', { name: 'Register product' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Serial number' }).fill(value);
  await page.getByRole('button', { name: 'Register product' }).click();
}

test.describe
  .serial('organizations, registration and the first administrator', () => {
    test('the operator creates a product and an organization with an asset', async ({ page }) => {
      await signIn(page, OPERATOR.email, OPERATOR.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operator' }).click();
      await expect(page.getByRole('heading', { name: 'Organizations' })).toBeVisible();

      await page.getByRole('navigation', { name: 'Operator' }).getByRole('link', { name: 'Products' }).click();
      await page.getByRole('button', { name: 'Add product' }).click();
      const productDialog = page.getByRole('dialog', { name: 'Add product' });
      await productDialog.getByRole('textbox', { name: 'Code' }).fill(product.code);
      await productDialog.getByRole('textbox', { name: 'Name' }).fill(product.name);
      await productDialog.getByRole('textbox', { name: 'Product type' }).fill('cad');
      await productDialog.getByRole('button', { name: 'Add product' }).click();
      await expect(productDialog).toBeHidden();
      await expect(
        page.getByRole('table', { name: 'Products' }).getByRole('cell', { name: product.code }),
      ).toBeVisible();
      await shot(page, '01-operator-products');

      await page.getByRole('navigation', { name: 'Operator' }).getByRole('link', { name: 'Organizations' }).click();
      await page.getByRole('button', { name: 'Create organization' }).click();
      const orgDialog = page.getByRole('dialog', { name: 'Create organization' });
      await orgDialog.getByRole('textbox', { name: 'Name' }).fill(organization);
      // The code is suggested from the name.
      await expect(orgDialog.getByRole('textbox', { name: 'Code' })).toHaveValue(
        `northwind-tools-${stamp.toLowerCase()}`,
      );
      await orgDialog.getByRole('button', { name: 'Create organization' }).click();
      await expect(page.getByRole('heading', { name: organization, level: 2 })).toBeVisible();

      await page.getByRole('button', { name: 'Add asset' }).click();
      const assetDialog = page.getByRole('dialog', { name: 'Add asset' });
      await assetDialog.getByRole('combobox', { name: 'Product' }).click();
      await page.getByRole('option', { name: new RegExp(product.code) }).click();
      await assetDialog.getByRole('textbox', { name: 'Serial number' }).fill(serialDisplay);
      await assetDialog.getByRole('textbox', { name: 'Seats' }).fill('12');
      await assetDialog.getByRole('textbox', { name: 'End date' }).fill('2030-12-31');
      await shot(page, '02-operator-add-asset');
      await assetDialog.getByRole('button', { name: 'Add asset' }).click();
      await expect(assetDialog).toBeHidden();
      const assets = page.getByRole('table', { name: 'Assets' });
      await expect(assets.getByRole('row', { name: new RegExp(serialDisplay) })).toContainText('12');
      await shot(page, '03-operator-organization');
      await signOut(page);
    });

    test('a second user registers the serial, verifies the name, is promoted and sees the asset', async ({ page }) => {
      await signUpVerified(page, admin);
      // Spaces, dashes and lower case do not matter.
      await registerSerial(page, serial.toLowerCase().replace(/(.{5})/g, '$1-'));
      await expect(page).toHaveURL(/\/orgs\/[^/]+\/claim$/);
      await expect(
        page.getByRole('heading', { name: 'Verify that the name of your organization is correct' }),
      ).toBeVisible();
      await expect(page.getByText(organization, { exact: true })).toBeVisible();
      const promote = page.getByRole('button', { name: 'Promote me to Administrator' });
      await expect(promote).toBeDisabled();
      await shot(page, '04-first-moment-of-truth');

      await page.getByRole('checkbox', { name: 'I accept the Terms and Conditions' }).check();
      await page
        .getByRole('checkbox', { name: 'I am responsible for assigning and managing the products at my organization' })
        .check();
      await expect(promote).toBeEnabled();
      await promote.click();
      await expect(
        page.getByRole('heading', { name: `You are now the administrator of ${organization}` }),
      ).toBeVisible();
      await shot(page, '05-promoted');

      await page.getByRole('link', { name: 'Go to the admin portal' }).click();
      await expect(page.getByRole('heading', { name: organization, level: 1 })).toBeVisible();
      const row = page.getByRole('table', { name: 'Products' }).getByRole('row', { name: new RegExp(serialDisplay) });
      await expect(row).toContainText(product.name);
      // Seats total and available 12, assigned 0.
      await expect(row.getByRole('cell', { name: '12', exact: true })).toHaveCount(2);
      await expect(row.getByRole('cell', { name: '0', exact: true })).toHaveCount(1);
      await expect(
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Products' }),
      ).toBeVisible();
      await shot(page, '06-admin-portal');

      await page.setViewportSize({ width: 375, height: 740 });
      await expect(page.getByRole('list', { name: 'Products' })).toContainText(`12 total · 0 assigned · 12 available`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, '07-admin-portal-phone');
      await signOut(page);
    });

    test('a third user registering the same serial is told who the administrator is', async ({ page, request }) => {
      await signUpVerified(page, third);
      await registerSerial(page, serial);
      await expect(page.getByText(`${organization} already has an administrator`)).toBeVisible();
      await expect(page.getByText(admin.name)).toBeVisible();
      await expect(page.getByRole('link', { name: admin.email })).toHaveAttribute('href', `mailto:${admin.email}`);
      await expect(page.getByText(/We told them you asked/)).toBeVisible();
      await shot(page, '08-administrator-exists');

      // The administrator is asked by email (here the dev mailbox; the SMTP path is covered by the server's tests).
      await expect
        .poll(async () => {
          const box = (await (await request.get('/api/v1/dev/mailbox')).json()) as {
            messages: { to: string; subject: string }[];
          };
          return box.messages.some((m) => m.to === admin.email && m.subject.includes(`${third.name} asks to join`));
        })
        .toBe(true);
    });
  });
