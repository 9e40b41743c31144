import { expect, type Page, test } from '@playwright/test';
import { escapeCloses, expectAccessible, tabTo } from './a11y';
import { signIn, stamp } from './helpers';
import { accountFor, apiAs, assetFor, membersOf, operatorApi, productFor } from './licensing-setup';

/**
 * WCAG 2.2 AA across the pages people work in: axe (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) finds no
 * violation signed out, as an administrator (portal, Members with its selection bar and dialogs, Products, an asset
 * with the Assign dialog and its results, My products, Audit log), as a member (My products, My organization) and on
 * a phone; and Tab and Escape alone reach the Members selection and close the dialogs. Nothing is excluded from the
 * scans: all the markup is Portico's (Mantine renders into our own DOM). Names are unique to this run: the e2e
 * server is shared by every spec file.
 */
const run = stamp();
const RUN = run.toUpperCase();
const organization = `Northwind Access ${run}`;
const admin = { name: 'Ada Admin', email: `ada-${run}@example.com` };
const noah = { name: 'Noah Holder', email: `noah-a11y-${run}@example.com` };
const mila = { name: 'Mila Member', email: `mila-${run}@example.com` };
const pending = `pat-invited-${run}@example.com`;
const premium = { code: `PRM-${RUN}`, name: `Premium CAD ${RUN}` };
const compact = { code: `CMP-${RUN}`, name: `Compact CAD ${RUN}` };
const viewer = { code: `VWR-${RUN}`, name: `Model Viewer ${RUN}` };
const support = { code: `SUP-${RUN}`, name: `Premium Support ${RUN}` };

const memberRow = (page: Page, email: string) => page.getByRole('row').filter({ hasText: email });
const selectionBar = (page: Page) => page.getByRole('region', { name: 'Selection' });

let org = '';

test.describe
  .serial('accessibility: WCAG 2.2 AA by axe, and the keyboard', () => {
    test.use({ viewport: { width: 1280, height: 900 } });
    // Each scan takes a few seconds, and a test makes several.
    test.describe.configure({ timeout: 120_000 });

    test.beforeAll(async () => {
      for (const person of [admin, noah, mila]) await accountFor(person);
      const operator = await operatorApi();
      const created = await operator.post('/api/v1/operator/organizations', {
        data: { name: organization, code: `a11y${run}`.slice(0, 12) },
      });
      expect(created.ok(), await created.text()).toBeTruthy();
      org = (await created.json()).id;
      const appointed = await operator.post(`/api/v1/operator/organizations/${org}/administrators`, {
        data: { email: admin.email },
      });
      expect(appointed.ok()).toBeTruthy();
      await productFor(operator, { ...premium, kind: 'license', type: 'cad' });
      await productFor(operator, { ...compact, kind: 'license', type: 'cad' });
      await productFor(operator, { ...viewer, kind: 'license', type: 'viewer' });
      await productFor(operator, { ...support, kind: 'service' });
      await assetFor(operator, { organization: org, product: premium.code, serial: `PRM${RUN}0001`, seats: 5 });
      await assetFor(operator, { organization: org, product: compact.code, serial: `CMP${RUN}0001`, seats: 3 });
      await assetFor(operator, {
        organization: org,
        product: viewer.code,
        serial: `VWR${RUN}0001`,
        seats: 2,
        mode: 'online',
      });
      await assetFor(operator, { organization: org, product: support.code, serial: `SUP${RUN}0001` });

      const administrator = await apiAs(admin.email);
      await membersOf(org, administrator, [noah, mila]);
      // An invitation nobody has accepted: the Members list shows it PENDING.
      const invited = await administrator.post(`/api/v1/orgs/${org}/invitations`, {
        data: { emails: pending, rights: 'member' },
      });
      expect(invited.ok()).toBeTruthy();
      // Noah holds the online viewer from the start; Premium CAD he gets through the Assign dialog below.
      const members = (await (
        await administrator.get(`/api/v1/orgs/${org}/members?status=active&rights=member`)
      ).json()) as {
        items: { id: string; email: string }[];
      };
      const noahId = members.items.find((m) => m.email === noah.email)?.id;
      const assigned = await administrator.post(`/api/v1/orgs/${org}/assignments`, {
        data: { product: viewer.code, users: [noahId] },
      });
      expect(assigned.ok(), await assigned.text()).toBeTruthy();
      await administrator.dispose();
    });

    test('signed out: the home page and Sign in', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, 'signed-out home');
      await page.goto('/sign-in');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await expectAccessible(page, 'sign-in');
    });

    test('administrator: home and the portal main page', async ({ page }) => {
      await signIn(page, admin.email);
      await expectAccessible(page, 'admin home');
      // The profile menu, with its red Sign out, opened and closed by keyboard.
      const profile = page.getByRole('button', { name: /profile menu/ });
      await profile.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
      await expectAccessible(page, 'admin profile menu');
      await escapeCloses(page, page.getByRole('menu'), profile);
      await page.goto(`/orgs/${org}`);
      await expect(page.getByRole('heading', { name: organization, level: 1 })).toBeVisible();
      await expectAccessible(page, 'admin portal');
    });

    test('administrator: Products, an asset, its Assign dialog and the results', async ({ page }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/products`);
      await expect(page.getByRole('table', { name: 'Licenses' })).toContainText(premium.name);
      await expectAccessible(page, 'admin products');

      await page.getByRole('table', { name: 'Licenses' }).getByRole('link', { name: premium.name }).click();
      await expect(page.getByRole('heading', { name: premium.name, level: 1 })).toBeVisible();
      await expectAccessible(page, 'admin asset');

      const assign = page.getByRole('button', { name: 'Assign', exact: true });
      await assign.click();
      const dialog = page.getByRole('dialog', { name: `Assign ${premium.name}` });
      const picker = dialog.getByRole('combobox', { name: 'Members' });
      await picker.fill('Noah');
      await page.getByRole('option', { name: new RegExp(noah.email) }).click();
      await expect(dialog.getByText(`${noah.name} (${noah.email})`)).toBeVisible();
      await expectAccessible(page, 'admin assign dialog');
      // Typing opens the list of members; the list open is checked too.
      await picker.fill('Mila');
      await expect(page.getByRole('option', { name: new RegExp(mila.email) })).toBeVisible();
      await expectAccessible(page, 'admin assign dialog options');
      await picker.press('Escape');
      await expect(page.getByRole('option')).toHaveCount(0);
      await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
      await expect(dialog).toBeHidden();
      const results = page.getByRole('status').filter({ hasText: `${premium.name}: 1 of 1 member assigned` });
      await expect(results).toBeVisible();
      await expectAccessible(page, 'admin asset results');

      // By keyboard: Assign opens the dialog with the focus in Members, whose list opens; the first Escape closes
      // the list, the second the dialog, and the focus goes back to Assign.
      await assign.focus();
      await page.keyboard.press('Enter');
      await expect(picker).toBeFocused();
      await expect(page.getByRole('listbox')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('listbox')).toBeHidden();
      await escapeCloses(page, dialog, assign);
    });

    test('administrator: Members with a pending invitation, a selection, its bar and the dialogs', async ({ page }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/members`);
      await expect(memberRow(page, pending).getByText('PENDING', { exact: true })).toBeVisible();
      await expect(memberRow(page, noah.email)).toContainText(premium.code);
      await expectAccessible(page, 'admin members');

      // Tab alone reaches the selection checkboxes; Space ticks one and the selection bar appears.
      const search = page.getByLabel('Search', { exact: true });
      await search.focus();
      const selectNoah = page.getByRole('checkbox', { name: `Select ${noah.name}` });
      await tabTo(page, page.getByRole('checkbox', { name: 'Select all on this page' }));
      await tabTo(page, selectNoah);
      await page.keyboard.press('Space');
      await expect(selectNoah).toBeChecked();
      await expect(selectionBar(page)).toContainText('1 member selected');
      await tabTo(page, page.getByRole('checkbox', { name: `Select ${mila.name}` }));
      await page.keyboard.press('Space');
      await expect(selectionBar(page)).toContainText('2 members selected');
      // The bar comes before the list: Shift+Tab walks back through its buttons.
      for (const name of ['Clear selection', 'Remove member', 'Revoke product', 'Assign product'])
        await tabTo(page, selectionBar(page).getByRole('button', { name }), { backwards: true });
      await expectAccessible(page, 'admin members selection');

      // Assign product from the bar, by keyboard: Enter opens it, Escape closes it.
      const assignProduct = selectionBar(page).getByRole('button', { name: 'Assign product' });
      await page.keyboard.press('Enter');
      const bulk = page.getByRole('dialog', { name: 'Assign product' });
      await expect(bulk).toBeVisible();
      await expectAccessible(page, 'admin members assign product dialog');
      await escapeCloses(page, bulk, assignProduct);

      // A second cad product for Noah is refused: the results panel shows what was done and what was not.
      await assignProduct.click();
      await bulk.getByRole('combobox', { name: 'Product' }).click();
      await page.getByRole('option', { name: new RegExp(compact.code) }).click();
      await bulk.getByRole('button', { name: 'Assign to 2 members' }).click();
      const results = page.getByRole('status').filter({ hasText: `${compact.name}: 1 of 2 members assigned` });
      await expect(results.getByText(`${noah.name} (${noah.email}) — product type already held`)).toBeVisible();
      await expectAccessible(page, 'admin members results');

      // Remove member from the bar: Escape closes its confirmation.
      await page.getByRole('checkbox', { name: `Select ${noah.name}` }).check();
      const removeSelected = selectionBar(page).getByRole('button', { name: 'Remove member' });
      await removeSelected.focus();
      await page.keyboard.press('Enter');
      const removeOne = page.getByRole('dialog', { name: 'Remove 1 member' });
      await expect(removeOne).toBeVisible();
      await expectAccessible(page, 'admin members bulk remove dialog');
      await escapeCloses(page, removeOne, removeSelected);
      // Change to Admin for the selection is confirmed in a dialog too; an action that applies to nothing selected
      // stays reachable and says why.
      const promote = selectionBar(page).getByRole('button', { name: 'Change to Admin' });
      await promote.click();
      const promoteOne = page.getByRole('dialog', { name: 'Change 1 member to Admin' });
      await expectAccessible(page, 'admin members bulk change rights dialog');
      await escapeCloses(page, promoteOne, promote);
      const resend = selectionBar(page).getByRole('button', { name: 'Resend invitation' });
      await resend.focus();
      await expect(resend).toHaveAccessibleDescription('No invitation is selected.');
      await expectAccessible(page, 'admin members disabled bulk action');
      await selectionBar(page).getByRole('button', { name: 'Clear selection' }).click();
      await expect(selectionBar(page)).toHaveCount(0);
    });

    test('administrator: member details, Remove member for one who holds licenses, Invite Member', async ({ page }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/members`);

      // A member's details, Escape closes them.
      const details = memberRow(page, noah.email).getByRole('button', { name: noah.name });
      await details.click();
      const drawer = page.getByRole('dialog', { name: noah.name });
      await expect(drawer.getByRole('list', { name: 'Products held' })).toContainText(premium.name);
      await expectAccessible(page, 'admin member details');
      await escapeCloses(page, drawer, details);

      // Remove member for someone who holds licenses lists them before anything is revoked.
      const actions = page.getByRole('button', { name: `Actions for ${noah.email}` });
      await actions.click();
      await expect(page.getByRole('menuitem', { name: 'Remove member' })).toBeVisible();
      await expectAccessible(page, 'admin members row actions');
      await page.keyboard.press('Escape');
      // Your own row: Remove member is disabled, the reason written under it.
      await page.getByRole('button', { name: `Actions for ${admin.email}` }).click();
      await expect(page.getByRole('menuitem', { name: 'Remove member', exact: true })).toBeDisabled();
      await expectAccessible(page, 'admin members own row actions');
      await page.keyboard.press('Escape');
      await actions.click();
      await page.getByRole('menuitem', { name: 'Remove member' }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove member' });
      await expectAccessible(page, 'admin remove member confirm');
      await confirm.getByRole('button', { name: 'Remove member' }).click();
      const holds = page.getByRole('dialog').filter({ hasText: 'holds these licenses' });
      await expect(holds.getByRole('list', { name: 'Licenses held' })).toContainText(premium.name);
      await expectAccessible(page, 'admin remove member holds licenses');
      await escapeCloses(page, holds);
      await expect(memberRow(page, noah.email)).toBeVisible();

      // Invite Member, opened and closed by keyboard.
      const invite = page.getByRole('button', { name: 'Invite Member' });
      await invite.focus();
      await page.keyboard.press('Enter');
      const inviteDialog = page.getByRole('dialog', { name: 'Invite Member' });
      await expect(inviteDialog.getByLabel('Email addresses')).toBeVisible();
      await expectAccessible(page, 'admin invite member dialog');
      await escapeCloses(page, inviteDialog, invite);
    });

    test('administrator: My products and the Audit log', async ({ page }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/my-products`);
      await expect(page.getByText('No products assigned to you yet')).toBeVisible();
      await expectAccessible(page, 'admin my products');
      await page.goto(`/orgs/${org}/audit`);
      await expect(page.getByRole('table', { name: 'Audit events' }).getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page, 'admin audit log');
    });

    test('member: My products and My organization', async ({ page }) => {
      await signIn(page, noah.email);
      await page.goto(`/orgs/${org}/my-products`);
      const cards = page.getByRole('list', { name: 'My products' }).getByRole('listitem');
      await expect(cards).toHaveCount(2);
      await expect(cards.filter({ hasText: viewer.name }).getByText('How to start using it')).toBeVisible();
      await expectAccessible(page, 'member my products');
      await page.goto(`/orgs/${org}`);
      await expect(page.getByRole('heading', { name: 'Administrators' })).toBeVisible();
      await expectAccessible(page, 'member my organization');
    });

    test('online licensing: /device, Signed-in devices and My products with a device in use', async ({
      page,
      request,
    }) => {
      const started = await request.post('/api/v1/licensing/device/code', {
        form: { client_id: 'portico-license-cli', application: 'Portico License CLI', machine_name: 'Office laptop' },
      });
      const { user_code: code } = (await started.json()) as { user_code: string };
      await signIn(page, noah.email);
      await page.goto(`/device?user_code=${code}`);
      await expect(page.getByRole('region', { name: 'Check this request' })).toContainText('Office laptop');
      await expectAccessible(page, 'member device request');
      await page.getByRole('button', { name: 'Approve' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Application signed in' })).toBeVisible();
      await expectAccessible(page, 'member device approved');
      await page.goto('/device?user_code=BCDF-GHJK');
      await expect(page.getByRole('alert').filter({ hasText: 'This code is not valid' })).toBeVisible();
      await expectAccessible(page, 'member device unknown code');
      await page.goto('/account#devices');
      await expect(page.getByRole('region', { name: 'Signed-in devices' })).toBeVisible();
      await expectAccessible(page, 'member account devices');

      const session = await apiAs(noah.email);
      const machine = { fingerprint: 'a11y-office-laptop', name: 'Office laptop', platform: 'windows-x64' };
      const activated = await session.post('/api/v1/licensing/activations', {
        data: { product: viewer.code, machine },
      });
      expect((await activated.json()).code).toBe('VALID');
      await session.dispose();
      await page.goto(`/orgs/${org}/my-products`);
      await expect(page.getByRole('list', { name: `Devices for ${viewer.name}` })).toContainText('In use');
      await expectAccessible(page, 'member my products devices');
      await page.getByRole('button', { name: 'Release Office laptop' }).click();
      await expectAccessible(page, 'member my products release');
    });

    test('administrator: Activations of an asset, Release and Grant transfers, on a phone too', async ({ page }) => {
      const session = await apiAs(noah.email);
      const machine = { fingerprint: 'a11y-office-laptop', name: 'Office laptop', platform: 'windows-x64' };
      await session.post('/api/v1/licensing/activations', { data: { product: viewer.code, machine } });
      await session.dispose();
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/products`);
      const viewerRow = page.getByRole('table', { name: 'Licenses' }).getByRole('row').filter({ hasText: viewer.name });
      await viewerRow.getByRole('link', { name: /^Activations of serial number/ }).click();
      await expect(page.getByRole('table', { name: 'Activations' })).toContainText(noah.email);
      await expectAccessible(page, 'admin activations');
      const release = page.getByRole('button', { name: `Release Office laptop (${noah.name})` });
      await release.click();
      await expectAccessible(page, 'admin activations release');
      await escapeCloses(page, page.getByRole('dialog', { name: 'Release activation' }), release);
      await page.getByRole('button', { name: `Grant transfers to ${noah.name} for ${viewer.name}` }).click();
      const grant = page.getByRole('dialog', { name: 'Grant transfers' });
      await grant.getByRole('button', { name: 'Grant transfers' }).click();
      await expect(grant.getByText('Reason is required')).toBeVisible();
      await expectAccessible(page, 'admin activations grant transfers');
      await escapeCloses(page, grant);
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(page.getByRole('list', { name: 'Activations' })).toContainText(noah.email);
      await expectAccessible(page, 'phone activations');
    });

    test('on a phone: Members with a selection, and Products', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/members`);
      const cards = page.getByRole('list', { name: 'Members and invitations' });
      await expect(cards.getByText(pending)).toBeVisible();
      await page.getByRole('checkbox', { name: `Select ${noah.name}` }).check();
      await expect(selectionBar(page)).toBeInViewport();
      await expectAccessible(page, 'phone members');
      await page.goto(`/orgs/${org}/products`);
      await expect(page.getByRole('list', { name: 'Licenses' })).toContainText(premium.name);
      await expectAccessible(page, 'phone products');
    });
  });
