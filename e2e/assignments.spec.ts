import { expect, type Page, test } from '@playwright/test';
import { signIn, stamp } from './helpers';
import { accountFor, apiAs, assetFor, membersOf, operatorApi, productFor, subjectsMailedTo } from './licensing-setup';

/**
 * Issue 9's journey (SPEC §2.5): the administrator assigns PRM-2026 from the Products page to two members and from a
 * Members selection to a third (3 of 5 seats); a member finds it in My products and in their email; a second `cad`
 * product is refused for the same member; revoking frees a seat and emails the member; removing a member who holds
 * a license lists it and revokes it on confirmation; Enable online licensing switches the mode. Names are unique to
 * this run: the e2e server is shared by every spec file.
 */
const run = stamp();
const RUN = run.toUpperCase();
const organization = `Contoso Licensing ${run}`;
const admin = { name: 'Alma Admin', email: `alma-${run}@example.com` };
const mia = { name: 'Mia Member', email: `mia-${run}@example.com` };
const noah = { name: 'Noah Member', email: `noah-${run}@example.com` };
const olga = { name: 'Olga Member', email: `olga-${run}@example.com` };
const premium = { code: 'PRM-2026', name: 'Premium CAD 2026' };
const compact = { code: `CAD-${RUN}`, name: `Compact CAD ${RUN}` };
const support = { code: `SUP-${RUN}`, name: `Premium Support ${RUN}` };
const serial = `PRM${RUN}0001`;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/assignments-${name}.png`, fullPage: true, animations: 'disabled' });
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
const seatsOf = (page: Page) => page.getByRole('progressbar', { name: 'Seats', exact: true });
const licenseRow = (page: Page) =>
  page.getByRole('table', { name: 'Licenses' }).getByRole('row').filter({ hasText: premium.name });
const memberRow = (page: Page, email: string) => page.getByRole('row').filter({ hasText: email });

async function openPremium(page: Page): Promise<void> {
  await page.goto(`/orgs/${org}/products`);
  await licenseRow(page).getByRole('link', { name: premium.name }).click();
  await expect(page.getByRole('heading', { name: premium.name, level: 1 })).toBeVisible();
}

/** Members page: tick one member, choose a product in Assign product, send. */
async function assignFromMembers(page: Page, person: { name: string }, product: RegExp): Promise<void> {
  await page.goto(`/orgs/${org}/members`);
  await page.getByRole('checkbox', { name: `Select ${person.name}` }).check();
  await expect(page.getByRole('region', { name: 'Selection' })).toContainText('1 member selected');
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Assign product' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign product' });
  await dialog.getByRole('combobox', { name: 'Product' }).click();
  await page.getByRole('option', { name: product }).click();
}

let org = '';

test.describe
  .serial('assignments: Products, Members, My products', () => {
    test.use({ viewport: { width: 1280, height: 900 } });

    test.beforeAll(async () => {
      for (const person of [admin, mia, noah, olga]) await accountFor(person);
      const operator = await operatorApi();
      const created = await operator.post('/api/v1/operator/organizations', {
        data: { name: organization, code: `lic${run}`.slice(0, 12) },
      });
      org = (await created.json()).id;
      expect(
        (
          await operator.post(`/api/v1/operator/organizations/${org}/administrators`, { data: { email: admin.email } })
        ).ok(),
      ).toBeTruthy();
      await productFor(operator, { ...premium, kind: 'license', type: 'cad' });
      await productFor(operator, { ...compact, kind: 'license', type: 'cad' });
      await productFor(operator, { ...support, kind: 'service' });
      await assetFor(operator, { organization: org, product: premium.code, serial, seats: 5, mode: 'machine' });
      await assetFor(operator, {
        organization: org,
        product: compact.code,
        serial: `CAD${RUN}0001`,
        seats: 3,
        mode: 'machine',
      });
      await assetFor(operator, { organization: org, product: support.code, serial: `SUP${RUN}0001` });
      const administrator = await apiAs(admin.email);
      await membersOf(org, administrator, [mia, noah, olga]);
      await administrator.dispose();
    });

    test('the Products page lists seats; Assign gives PRM-2026 to two members at once', async ({ page }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}`);
      await nav(page, 'Products').click();
      await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
      await expect(licenseRow(page)).toContainText('0 of 5 assigned · 5 available');
      // Services have no seats, and no licensing mode to switch: the button says why it does nothing.
      const service = page.getByRole('table', { name: 'Services' }).getByRole('row').filter({ hasText: support.name });
      await expect(service.getByRole('button', { name: /Enable online licensing/ })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      await expect(service).toContainText('Services have no licensing mode.');
      await shot(page, '01-products');

      await licenseRow(page).getByRole('link', { name: premium.name }).click();
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Assign ${premium.name}` });
      const picker = dialog.getByRole('combobox', { name: 'Members' });
      await picker.fill('Mia');
      await page.getByRole('option', { name: new RegExp(mia.email) }).click();
      // The next one by keyboard alone: type, arrow down to the option, Enter.
      await picker.fill('Noah');
      await expect(page.getByRole('option')).toHaveText([new RegExp(noah.email)]);
      await picker.press('ArrowDown');
      await picker.press('Enter');
      await expect(dialog.getByText(`${noah.name} (${noah.email})`)).toBeVisible();
      await shot(page, '02-assign-dialog');
      await dialog.getByRole('button', { name: 'Assign to 2 members' }).click();

      await expect(dialog).toBeHidden();
      const results = page.getByRole('status').filter({ hasText: `${premium.name}: 2 of 2 members assigned` });
      await expect(results.getByText(`${mia.name} (${mia.email}) — assigned`)).toBeVisible();
      const assignees = page.getByRole('table', { name: 'Assignees' });
      await expect(assignees.getByRole('row')).toHaveCount(3);
      await expect(seatsOf(page)).toHaveAttribute('aria-valuetext', '2 of 5 assigned · 3 available');
      await shot(page, '03-assigned');
    });

    test('a Members selection assigns PRM-2026 to a third member: 3 of 5 seats', async ({ page }) => {
      await signIn(page, admin.email);
      await assignFromMembers(page, olga, new RegExp(premium.code));
      await shot(page, '04-members-assign-product');
      await page
        .getByRole('dialog', { name: 'Assign product' })
        .getByRole('button', { name: 'Assign to 1 member' })
        .click();
      await expect(
        page.getByRole('status').filter({ hasText: `${premium.name}: 1 of 1 member assigned` }),
      ).toBeVisible();
      await expect(memberRow(page, olga.email)).toContainText(premium.code);
      await shot(page, '05-members-results');

      await nav(page, 'Products').click();
      await expect(licenseRow(page)).toContainText('3 of 5 assigned · 2 available');
      await expect(licenseRow(page).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
    });

    test('a second cad product for the same member is refused: product type already held', async ({ page }) => {
      await signIn(page, admin.email);
      await assignFromMembers(page, mia, new RegExp(compact.code));
      await page
        .getByRole('dialog', { name: 'Assign product' })
        .getByRole('button', { name: 'Assign to 1 member' })
        .click();
      const results = page.getByRole('status').filter({ hasText: `${compact.name}: 0 of 1 member assigned` });
      await expect(results.getByText(`${mia.name} (${mia.email}) — product type already held`)).toBeVisible();
      await shot(page, '06-type-already-held');
    });

    test('the member finds the product in My products and in their email', async ({ page, request }) => {
      await expect
        .poll(() => subjectsMailedTo(request, mia.email))
        .toContain(`${premium.name} is now yours to use at ${organization}`);
      await signIn(page, mia.email);
      await page.goto(`/orgs/${org}`);
      await nav(page, 'My products').click();
      await expect(page.getByRole('heading', { name: 'My products', level: 1 })).toBeVisible();
      const card = page.getByRole('list', { name: 'My products' }).getByRole('listitem');
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(premium.name);
      await expect(card).toContainText(serial.replace(/(.{4})(?=.)/g, '$1 '));
      await expect(card).toContainText('Machine');
      await shot(page, '07-my-products');
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(card).toBeInViewport();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await shot(page, '08-my-products-phone');
    });

    test('revoking frees the seat (2 of 5) and emails the member', async ({ page, request }) => {
      await signIn(page, admin.email);
      await openPremium(page);
      await page.getByRole('button', { name: `Revoke ${premium.code} from ${mia.name}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Revoke assignment' });
      await expect(confirm).toContainText(`${mia.name} (${mia.email}) loses ${premium.name}`);
      await shot(page, '09-revoke-confirm');
      await confirm.getByRole('button', { name: 'Revoke assignment' }).click();
      await expect(confirm).toBeHidden();
      await expect(page.getByRole('table', { name: 'Assignees' })).not.toContainText(mia.email);
      await expect(seatsOf(page)).toHaveAttribute('aria-valuetext', '2 of 5 assigned · 3 available');
      await expect
        .poll(() => subjectsMailedTo(request, mia.email))
        .toContain(`${premium.name} is no longer assigned to you at ${organization}`);
    });

    test('a member holding a license is removed only after the license is listed and confirmed', async ({ page }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/members`);
      // The detail panel lists the member's products, each with Revoke.
      await memberRow(page, noah.email).getByRole('button', { name: noah.name }).click();
      const drawer = page.getByRole('dialog', { name: noah.name });
      await expect(drawer.getByRole('list', { name: 'Products held' })).toContainText(premium.name);
      await expect(drawer.getByRole('button', { name: `Revoke ${premium.name}` })).toBeVisible();
      await shot(page, '10-member-details');
      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();

      await page.getByRole('button', { name: `Actions for ${noah.email}` }).click();
      await page.getByRole('menuitem', { name: 'Remove member' }).click();
      await page.getByRole('dialog', { name: 'Remove member' }).getByRole('button', { name: 'Remove member' }).click();
      const holds = page.getByRole('dialog').filter({ hasText: 'holds this license' });
      await expect(holds.getByRole('list', { name: 'Licenses held' })).toContainText(premium.name);
      await shot(page, '11-remove-holds-licenses');
      await holds.getByRole('button', { name: 'Remove and revoke licenses' }).click();
      await expect(page.getByText('their licenses are revoked')).toBeVisible();
      await expect(memberRow(page, noah.email)).toHaveCount(0);

      await nav(page, 'Products').click();
      await expect(licenseRow(page)).toContainText('1 of 5 assigned · 4 available');
    });

    test('Enable online licensing says what changes, then switches the mode', async ({ page }) => {
      await signIn(page, admin.email);
      await openPremium(page);
      await page.getByRole('button', { name: /^Enable online licensing for/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Enable online licensing' });
      await expect(dialog).toContainText('The serial number alone no longer activates it.');
      await expect(dialog).toContainText('sign in from the application');
      await shot(page, '12-enable-online');
      await dialog.getByRole('button', { name: 'Enable online licensing' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText('Only the members it is assigned to can use it, after signing in.')).toBeVisible();
      await expect(page.getByRole('button', { name: /^Enable online licensing for/ })).toHaveCount(0);
      await shot(page, '13-online');
      await page.goto(`/orgs/${org}/products`);
      await expect(licenseRow(page)).toContainText('Online');
      // Administrators find their own My products in the profile menu.
      await page.getByRole('button', { name: /profile menu/ }).click();
      await page.getByRole('menuitem', { name: 'My products' }).click();
      await expect(page.getByText('No products assigned to you yet')).toBeVisible();
    });

    test('an online product tells its member how to start using it', async ({ page }) => {
      await signIn(page, olga.email);
      await page.goto(`/orgs/${org}/my-products`);
      const card = page.getByRole('list', { name: 'My products' }).getByRole('listitem');
      await expect(card).toContainText('Online');
      await expect(card.getByText('How to start using it')).toBeVisible();
      await expect(card).toContainText('sign in with this Portico account');
      await shot(page, '14-my-products-online');
    });

    test('on a phone the Products page, an asset and a Members selection fit the screen', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, admin.email);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await page.goto(`/orgs/${org}/products`);
      await expect(page.getByRole('list', { name: 'Licenses' })).toContainText('1 of 5 assigned');
      expect(await overflow()).toBeLessThanOrEqual(0);
      await shot(page, '15-phone-products');
      await page.getByRole('list', { name: 'Licenses' }).getByRole('link', { name: premium.name }).click();
      await expect(page.getByRole('list', { name: 'Assignees' })).toContainText(olga.email);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await shot(page, '16-phone-asset');
      await page.goto(`/orgs/${org}/members`);
      await page.getByRole('checkbox', { name: `Select ${olga.name}` }).check();
      await expect(page.getByRole('region', { name: 'Selection' })).toBeInViewport();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await shot(page, '17-phone-members-selection');
    });

    test('a Members selection revokes a product and removes members, each confirmed once', async ({ page }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/members?status=active&rights=member`);
      for (const person of [mia, olga]) await page.getByRole('checkbox', { name: `Select ${person.name}` }).check();
      const bar = page.getByRole('region', { name: 'Selection' });
      await bar.getByRole('button', { name: 'Revoke product' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke product' });
      await dialog.getByRole('combobox', { name: 'Product' }).click();
      await page.getByRole('option', { name: new RegExp(`${premium.code}.*held by 1 of 2`) }).click();
      await dialog.getByRole('button', { name: 'Revoke from 2 members' }).click();
      const revoked = page.getByRole('status').filter({ hasText: `${premium.name}: revoked from 1 of 2 members` });
      await expect(revoked.getByText(`${olga.name} (${olga.email}) — revoked`)).toBeVisible();
      await expect(revoked.getByText(`${mia.name} (${mia.email}) — does not hold it`)).toBeVisible();
      await shot(page, '18-members-revoke-product');

      await page.getByRole('checkbox', { name: `Select ${mia.name}` }).check();
      await bar.getByRole('button', { name: 'Remove member' }).click();
      const remove = page.getByRole('dialog', { name: 'Remove 1 member' });
      await remove.getByRole('button', { name: 'Remove 1 member' }).click();
      await expect(page.getByRole('status').filter({ hasText: '1 of 1 member removed' })).toBeVisible();
      await expect(memberRow(page, mia.email)).toHaveCount(0);
    });
  });
