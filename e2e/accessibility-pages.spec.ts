import { expect, type Page, test } from '@playwright/test';
import { escapeCloses, expectAccessible } from './a11y';
import { linksMailedTo, signIn, stamp } from './helpers';
import { accountFor, assetFor, operatorApi, productFor } from './licensing-setup';

/**
 * WCAG 2.2 AA by axe on the pages accessibility.spec.ts does not visit: signed out (sign up, password reset, email
 * links, an invitation, /device, /terms, a missing page, the guides and the API reference), Register product, the
 * First Moment of Truth and its Welcome, Account, the dev mailbox, and every operator page with its dialogs, on a
 * desktop and at 390 px; and the skip link, first in the tab order, taking the keyboard to the main content.
 * Swagger UI's markup (/api/docs) is held to no serious or critical violation; every other page to none at all.
 */
const run = stamp();
const RUN = run.toUpperCase();
const organization = `Fabrikam Access ${run}`;
const claimer = { name: 'Cleo Claimer', email: `cleo-${run}@example.com` };
const invitee = `ivan-admin-${run}@example.com`;
const license = { code: `A11Y-${RUN}`, name: `Drafting Suite ${RUN}` };
const service = { code: `A11S-${RUN}`, name: `Training ${RUN}` };
const serial = `A11Y${RUN}0001`;
let org = '';
let invitationLink = '';

/** The page signed in as the operator with the API session the specs share (its sign-ins are rate-limited). */
async function asOperator(page: Page): Promise<void> {
  const { cookies } = await (await operatorApi()).storageState();
  await page.context().addCookies(cookies);
}

test.describe
  .serial('accessibility of every page: axe, the skip link, a phone', () => {
    test.use({ viewport: { width: 1280, height: 900 } });
    test.describe.configure({ timeout: 120_000 });

    test.beforeAll(async () => {
      await accountFor(claimer);
      const operator = await operatorApi();
      await productFor(operator, { ...license, kind: 'license', type: 'drafting' });
      await productFor(operator, { ...service, kind: 'service' });
      const created = await operator.post('/api/v1/operator/organizations', {
        data: { name: organization, code: `fa${run}`.slice(0, 12) },
      });
      expect(created.ok(), await created.text()).toBeTruthy();
      org = (await created.json()).id;
      await assetFor(operator, { organization: org, product: license.code, serial, seats: 4 });
      await assetFor(operator, { organization: org, product: service.code, serial: `A11S${RUN}0001` });
      // No account has this address: the operator's appointment sends an Admin invitation.
      const appointed = await operator.post(`/api/v1/operator/organizations/${org}/administrators`, {
        data: { email: invitee },
      });
      expect((await appointed.json()).invitation.outcome).toBe('invited');
      await expect.poll(async () => (await linksMailedTo(operator, invitee, /\/invitations\//)).length).toBe(1);
      [invitationLink] = await linksMailedTo(operator, invitee, /\/invitations\//);
    });

    test('signed out: sign up, password reset, email links, an invitation, /device, /terms, a missing page', async ({
      page,
    }) => {
      const pages: [string, RegExp | string][] = [
        ['/sign-up', 'Create your account'],
        ['/forgot-password', 'Reset your password'],
        ['/reset-password?token=not-a-token', /Choose a new password|This link does not work/],
        [`/check-email?email=${encodeURIComponent(claimer.email)}`, 'Check your email'],
        ['/verify-email?token=not-a-token', 'We could not verify your email'],
        [new URL(invitationLink).pathname, `Join ${organization}`],
        ['/terms', 'Terms and Conditions'],
        ['/no-such-page', 'Page not found'],
      ];
      for (const [path, heading] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
        await expectAccessible(page, `signed-out ${path.split('?')[0]?.split('/')[1] || 'home'}`);
      }
      // /device asks a signed-out visitor to sign in first, and brings them back.
      await page.goto('/device?user_code=BCDF-GHJK');
      await expect(page).toHaveURL(/\/sign-in\?redirect=/);
      await expectAccessible(page, 'signed-out device');
    });

    test('the guides and the API reference', async ({ page }) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto('/docs');
      await expect(page.getByRole('link', { name: 'api.md' })).toBeVisible();
      await expectAccessible(page, 'guides');
      await page.goto('/api/docs');
      await expect(page).toHaveTitle('Portico API reference');
      await expect(page.getByRole('heading', { name: /Portico API/, level: 1 })).toBeVisible();
      await expect(page.locator('.opblock').first()).toBeVisible();
      await expectAccessible(page, 'api reference', { seriousOnly: true });
      // Helmet's Content-Security-Policy holds, and Swagger UI runs under it without a complaint.
      expect(errors).toEqual([]);
    });

    test('keyboard: the skip link is the first Tab stop and takes the focus to the main content', async ({ page }) => {
      await asOperator(page);
      for (const path of ['/', '/operator/products', '/operator/terms', '/api/docs', '/docs']) {
        await page.goto(path);
        await expect(page.getByRole('main')).toBeVisible();
        await page.keyboard.press('Tab');
        const skip = page.getByRole('link', { name: 'Skip to main content' });
        await expect(skip, path).toBeFocused();
        await expect(skip).toBeInViewport();
        await page.keyboard.press('Enter');
        await expect(page.getByRole('main'), path).toBeFocused();
        // The next Tab stop is inside the main content, past the header's links.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement)), path).toBe(
          true,
        );
      }
    });

    test('Register product, the First Moment of Truth with its terms link, Welcome, Account, the dev mailbox', async ({
      page,
    }) => {
      await signIn(page, claimer.email);
      await page.goto('/register');
      await expect(page.getByRole('heading', { name: 'Register product' })).toBeVisible();
      await expectAccessible(page, 'register product');
      await page.getByRole('textbox', { name: 'Serial number' }).fill(serial);
      await page.getByRole('button', { name: 'Register product' }).click();
      await expect(page.getByRole('checkbox', { name: 'I accept the Terms and Conditions' })).toBeVisible();
      await expect(page.getByRole('link', { name: /Read the Terms and Conditions/ })).toHaveAttribute('href', '/terms');
      await expectAccessible(page, 'first moment of truth');
      await page.getByRole('checkbox', { name: 'I accept the Terms and Conditions' }).check();
      await page.getByRole('checkbox', { name: /I am responsible/ }).check();
      await page.getByRole('button', { name: 'Promote me to Administrator' }).click();
      await expect(
        page.getByRole('heading', { name: `You are now the administrator of ${organization}` }),
      ).toBeVisible();
      await expectAccessible(page, 'welcome administrator');
      await page.goto('/account');
      await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
      await expectAccessible(page, 'account');
      await page.goto('/dev/mailbox');
      await expect(page.getByRole('heading', { name: 'Dev mailbox' })).toBeVisible();
      await expectAccessible(page, 'dev mailbox');
    });

    test('an invitee: the invitation signed in, then Welcome', async ({ page }) => {
      const person = { name: 'Ivan Invitee', email: invitee };
      await accountFor(person);
      await signIn(page, invitee);
      await page.goto(new URL(invitationLink).pathname);
      await expect(page.getByRole('heading', { name: `Join ${organization}` })).toBeVisible();
      await expectAccessible(page, 'invitation signed in');
      await page.getByRole('button', { name: /^Accept/ }).click();
      await expect(page.getByRole('heading', { name: `Welcome to ${organization}` })).toBeVisible();
      await expectAccessible(page, 'invitation welcome');
    });

    test('operator: Organizations, an organization and its dialogs', async ({ page }) => {
      await asOperator(page);
      await page.goto('/operator/organizations');
      await expect(page.getByRole('searchbox', { name: 'Search organizations' })).toBeVisible();
      await expectAccessible(page, 'operator organizations');
      const create = page.getByRole('button', { name: 'Create organization' });
      await create.click();
      await expect(page.getByRole('dialog', { name: 'Create organization' })).toBeVisible();
      await expectAccessible(page, 'operator create organization');
      await escapeCloses(page, page.getByRole('dialog', { name: 'Create organization' }), create);

      await page.goto(`/operator/organizations/${org}`);
      await expect(page.getByRole('table', { name: 'Assets' })).toContainText(service.name);
      await page.getByRole('textbox', { name: 'Email' }).fill(`nobody-${run}@example.com`);
      await page.getByRole('button', { name: 'Appoint administrator' }).click();
      await expect(page.getByText(/No account yet: an invitation to become administrator was sent/)).toBeVisible();
      await expectAccessible(page, 'operator organization');
      await page.getByRole('button', { name: 'Add asset' }).click();
      const add = page.getByRole('dialog', { name: 'Add asset' });
      await add.getByRole('combobox', { name: 'Product' }).click();
      await page.getByRole('option', { name: new RegExp(service.code) }).click();
      await expect(add.getByText('A service has no seats')).toBeVisible();
      await expectAccessible(page, 'operator add service asset');
      await escapeCloses(page, add);
      const suspend = page.getByRole('button', { name: new RegExp(`^Suspend ${license.name}`) });
      await suspend.click();
      await expect(page.getByRole('dialog', { name: 'Suspend asset' })).toBeVisible();
      await expectAccessible(page, 'operator suspend confirm');
      await escapeCloses(page, page.getByRole('dialog', { name: 'Suspend asset' }), suspend);
    });

    test('operator: Products with its dialogs, Operators, Import with a report, Terms, Audit log', async ({ page }) => {
      await asOperator(page);
      await page.goto('/operator/products');
      await expect(page.getByRole('table', { name: 'Products' })).toContainText(license.code);
      await expectAccessible(page, 'operator products');
      for (const [button, dialog] of [
        ['Add product', 'Add product'],
        [`Edit ${license.name}`, 'Edit product'],
        [`Retire ${license.name}`, 'Retire product'],
      ] as const) {
        const opener = page.getByRole('button', { name: button, exact: true });
        await opener.click();
        await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
        await expectAccessible(page, `operator ${dialog}`);
        await escapeCloses(page, page.getByRole('dialog', { name: dialog }), opener);
      }
      await page.goto('/operator/operators');
      await expect(page.getByRole('button', { name: 'Grant operator rights' })).toBeVisible();
      await expectAccessible(page, 'operator operators');

      await page.goto('/operator/import');
      const csv = `organization,serial,product,seats,mode,starts,ends\n${org},A11YIMP${RUN}1,${service.code},3,,2026-01-01,\n`;
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'assets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Import assets' }).click();
      await expect(page.getByText('must be empty for a service').first()).toBeVisible();
      await expectAccessible(page, 'operator import report');

      await page.goto('/operator/terms');
      await expect(page.getByRole('textbox', { name: 'Terms and Conditions' })).toBeVisible();
      await expectAccessible(page, 'operator terms');
      await page.goto('/operator/audit');
      await expect(page.getByRole('table', { name: 'Audit events' }).getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'operator audit log');
    });

    test('on a phone: operator pages, /terms, the First Moment of Truth’s pages and the API reference', async ({
      page,
    }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const [path, heading] of [
        ['/', /./],
        ['/sign-in', 'Sign in to Portico'],
        ['/sign-up', 'Create your account'],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
        await expectAccessible(page, `phone signed-out ${path.slice(1) || 'home'}`);
      }
      await page.goto('/terms');
      await expect(page.getByRole('heading', { name: 'Terms and Conditions' })).toBeVisible();
      await expectAccessible(page, 'phone terms');
      await page.goto('/api/docs');
      await expect(page.locator('.opblock').first()).toBeVisible();
      await expectAccessible(page, 'phone api reference', { seriousOnly: true });
      await asOperator(page);
      for (const [path, ready] of [
        ['/operator/organizations', page.getByRole('searchbox', { name: 'Search organizations' })],
        [`/operator/organizations/${org}`, page.getByRole('list', { name: 'Assets' })],
        ['/operator/products', page.getByRole('list', { name: 'Products' })],
        ['/operator/operators', page.getByRole('textbox', { name: 'Email' })],
        ['/operator/import', page.getByRole('button', { name: 'Import assets' })],
        ['/operator/terms', page.getByRole('textbox', { name: 'Terms and Conditions' })],
        ['/operator/audit', page.getByRole('list', { name: 'Audit events' })],
      ] as const) {
        await page.goto(path);
        await expect(ready, path).toBeVisible();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        await expectAccessible(page, `phone ${path.replace(org, 'org')}`);
      }
      // The burger opens the navigation; it lists the same places, by keyboard too.
      const burger = page.getByRole('button', { name: 'Open navigation' });
      await burger.click();
      await expect(
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operator' }),
      ).toBeVisible();
      await expectAccessible(page, 'phone navigation open');
    });
  });
