import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { PASSWORD, stamp } from './helpers';
import { accountFor, apiAs, assetFor, membersOf, operatorApi, productFor } from './licensing-setup';

/**
 * The web pages of online licensing (SPEC §2.5, §4.1): a desktop sign-in approved at /device (signed out first, the
 * code carried through sign-in), listed under Signed-in devices and signed out there; a member with two registered
 * devices sees them in My products with the transfers left and releases the one in use; an administrator opens an
 * asset's Activations from the Products page, sees a seat held by an offline lease, releases an activation and
 * grants 2 transfers with a reason. Screenshots on a desktop and a phone. Names are unique to this run: the e2e
 * server is shared by every spec file.
 */
const run = stamp();
const RUN = run.toUpperCase();
const organization = `Fabrikam Online ${run}`;
const admin = { name: 'Lena Admin', email: `lena-${run}@example.com` };
const mia = { name: 'Mia Member', email: `mia-online-${run}@example.com` };
const noah = { name: 'Noah Member', email: `noah-online-${run}@example.com` };
const olga = { name: 'Olga Member', email: `olga-online-${run}@example.com` };
const product = { code: `ONL-${RUN}`, name: `Online CAD ${RUN}` };
const serial = `ONL${RUN}0001`;
const APPLICATION = 'Portico License CLI';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/licensing-web-${name}.png`, fullPage: true, animations: 'disabled' });
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** A date as this browser writes it in words ("29 December 2026"), to compare with what the page says. */
const dayInBrowser = (page: Page, iso: string) =>
  page.evaluate((value) => new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date(value)), iso);

/** Signs in through the form; the page goes wherever sign-in was asked to return to. */
async function signInWithForm(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await signInWithForm(page, email);
  await expect(page.getByRole('heading', { name: /Hello,/ })).toBeVisible();
}

interface DeviceCode {
  device_code: string;
  user_code: string;
  verification_uri_complete: string;
  interval: number;
}

/** What the desktop application does first: ask for a code to show its user (RFC 8628 §3.1, form-encoded). */
async function startDesktopSignIn(request: APIRequestContext, machine: string): Promise<DeviceCode> {
  const answer = await request.post('/api/v1/licensing/device/code', {
    form: {
      client_id: 'portico-license-cli',
      application: APPLICATION,
      machine_name: machine,
      platform: 'windows-x64',
      app_version: '2026.1',
    },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  return answer.json();
}

const fingerprint = (name: string) => ({ hostname: name, osInstallId: `${name}-os`, mac: `${name}-mac`, cpu: 'x64' });

interface LicenseAnswer {
  valid: boolean;
  code: string;
  activation: { id: string } | null;
  transfers: { nextFreeAt: string | null; remaining: number } | null;
}

/** Activates the product on a machine as the member of this session (a browser session is accepted). */
async function activate(
  session: APIRequestContext,
  name: string,
  options: { takeover?: boolean; transfer?: boolean } = {},
): Promise<LicenseAnswer> {
  const answer = await session.post('/api/v1/licensing/activations', {
    data: {
      product: product.code,
      machine: { fingerprint: fingerprint(name), name, platform: 'windows-x64', appVersion: '2026.1' },
      ...options,
    },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  return answer.json();
}

async function activated(session: APIRequestContext, name: string, options = {}): Promise<LicenseAnswer> {
  const answer = await activate(session, name, options);
  expect(answer.code, `${name}: ${JSON.stringify(answer)}`).toBe('VALID');
  return answer;
}

let org = '';
const ids: Record<string, string> = {};

test.describe
  .serial('online licensing on the web: /device, Signed-in devices, My products, Activations', () => {
    test.use({ viewport: DESKTOP });

    test.beforeAll(async () => {
      for (const person of [admin, mia, noah, olga]) await accountFor(person);
      const operator = await operatorApi();
      const created = await operator.post('/api/v1/operator/organizations', {
        data: { name: organization, code: `onl${run}`.slice(0, 12) },
      });
      expect(created.ok(), await created.text()).toBeTruthy();
      org = (await created.json()).id;
      const appointed = await operator.post(`/api/v1/operator/organizations/${org}/administrators`, {
        data: { email: admin.email },
      });
      expect(appointed.ok()).toBeTruthy();
      await productFor(operator, { ...product, kind: 'license', type: 'cad' });
      await assetFor(operator, { organization: org, product: product.code, serial, seats: 3, mode: 'online' });

      const administrator = await apiAs(admin.email);
      await membersOf(org, administrator, [mia, noah, olga]);
      const members = (await (
        await administrator.get(`/api/v1/orgs/${org}/members?status=active&rights=member`)
      ).json()) as {
        items: { id: string; email: string }[];
      };
      for (const person of [mia, noah, olga])
        ids[person.email] = members.items.find((m) => m.email === person.email)?.id ?? '';
      const assigned = await administrator.post(`/api/v1/orgs/${org}/assignments`, {
        data: { product: product.code, users: [ids[mia.email], ids[noah.email], ids[olga.email]] },
      });
      expect(assigned.ok(), await assigned.text()).toBeTruthy();
      await administrator.dispose();
    });

    test('a desktop sign-in is approved at /device, after signing in, with the code from the application', async ({
      page,
      request,
    }) => {
      const code = await startDesktopSignIn(request, 'Office laptop');
      expect(code.user_code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
      expect(code.verification_uri_complete).toContain(`/device?user_code=${code.user_code}`);

      // Signed out: sign in first, then back to /device with the code (typed as a person might: small, no dash).
      await page.goto(`/device?user_code=${code.user_code.replace('-', '').toLowerCase()}`);
      await expect(page).toHaveURL(/\/sign-in\?redirect=/);
      await signInWithForm(page, mia.email);
      await expect(page).toHaveURL(/\/device\?user_code=/);
      const request_ = page.getByRole('region', { name: 'Check this request' });
      await expect(request_).toContainText(
        `${APPLICATION} on Office laptop (windows-x64, 2026.1) asks to sign in as ${mia.email}.`,
      );
      await expect(request_).toContainText(code.user_code);
      await expect(page.getByLabel('Code')).toHaveValue(code.user_code);
      await shot(page, '01-device-request');
      await page.setViewportSize(PHONE);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await shot(page, '02-device-request-phone');
      await page.setViewportSize(DESKTOP);

      // The application is still waiting: polling says so until the person decides.
      const poll = () =>
        request.post('/api/v1/licensing/device/token', {
          form: {
            grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
            device_code: code.device_code,
            client_id: 'portico-license-cli',
          },
        });
      expect((await (await poll()).json()).error).toBe('authorization_pending');
      const polledAt = Date.now();

      // By keyboard: the focus is on the request; Tab reaches Approve, Enter approves.
      await expect(page.getByRole('heading', { name: 'Check this request' })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(request_.getByRole('button', { name: 'Approve' })).toBeFocused();
      await page.keyboard.press('Enter');
      const result = page.getByRole('status').filter({ hasText: 'Application signed in' });
      await expect(result).toContainText(`${APPLICATION} on Office laptop is signed in as ${mia.email}`);
      await expect(result).toContainText('You can return to the application.');
      await shot(page, '03-device-approved');
      await page.setViewportSize(PHONE);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await shot(page, '04-device-approved-phone');
      await page.setViewportSize(DESKTOP);

      // The application's next poll, no sooner than the interval it was given, gets its token.
      await page.waitForTimeout(Math.max(0, polledAt + code.interval * 1000 + 500 - Date.now()));
      const token = await poll();
      expect(token.status(), await token.text()).toBe(200);
    });

    test('an unknown or expired code says so and how to get a new one; a typed code is looked up', async ({
      page,
      request,
    }) => {
      await signIn(page, mia.email);
      await page.goto('/device?user_code=BCDF-GHJK');
      const problem = page.getByRole('alert').filter({ hasText: 'This code is not valid or has expired' });
      await expect(problem).toContainText('start signing in again in the application');
      await shot(page, '05-device-unknown-code');

      // Typed by keyboard alone, lower case without the dash; denied this time.
      const code = await startDesktopSignIn(request, 'Shared kiosk');
      await page.goto('/device');
      await expect(page.getByLabel('Code')).toBeFocused();
      await page.keyboard.type(code.user_code.replace('-', '').toLowerCase());
      await page.keyboard.press('Enter');
      await expect(page.getByRole('region', { name: 'Check this request' })).toContainText('Shared kiosk');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: 'Deny' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: 'Sign-in denied' })).toContainText(
        'Shared kiosk was not signed in',
      );
    });

    test('Signed-in devices lists the application, and Sign out removes it', async ({ page }) => {
      await signIn(page, mia.email);
      await page.getByRole('button', { name: /profile menu/ }).click();
      await page.getByRole('menuitem', { name: 'Signed-in devices' }).click();
      await expect(page).toHaveURL(/\/account#devices$/);
      const devices = page.getByRole('table', { name: 'Signed-in devices' });
      const row = devices.getByRole('row').filter({ hasText: 'Office laptop' });
      await expect(row).toContainText(APPLICATION);
      await expect(row).toContainText('windows-x64');
      await expect(page.getByRole('region', { name: 'Signed-in devices' })).toBeInViewport();
      await shot(page, '06-signed-in-devices');

      await row.getByRole('button', { name: `Sign out ${APPLICATION} on Office laptop` }).click();
      const confirm = page.getByRole('dialog', { name: 'Sign out device' });
      await expect(confirm).toContainText('it stops using your licenses');
      await confirm.getByRole('button', { name: 'Sign out' }).click();
      await expect(confirm).toBeHidden();
      await expect(page.getByText(`Signed out ${APPLICATION} on Office laptop.`)).toBeVisible();
      await expect(page.getByText('No desktop application is signed in as you.')).toBeVisible();
    });

    test('My products lists two devices with the transfers left; Release frees the one in use', async ({ page }) => {
      const session = await apiAs(mia.email);
      await activated(session, 'Office laptop');
      // A second device is registered for free; it takes the license over from the first.
      const second = await activate(session, 'Home desktop');
      expect(second.code).toBe('ACTIVE_ON_ANOTHER_MACHINE');
      await activated(session, 'Home desktop', { takeover: true });
      // A third replaces the laptop: one transfer.
      const third = await activated(session, 'Studio workstation', { takeover: true, transfer: true });
      await session.dispose();
      const nextFreeAt = third.transfers?.nextFreeAt as string;
      expect(nextFreeAt).toBeTruthy();

      await signIn(page, mia.email);
      await page.goto(`/orgs/${org}/my-products`);
      const card = page.getByRole('list', { name: 'My products' }).getByRole('listitem').first();
      const devices = card.getByRole('list', { name: `Devices for ${product.name}` }).getByRole('listitem');
      await expect(devices).toHaveCount(2);
      const inUse = devices.filter({ hasText: 'Studio workstation' });
      await expect(inUse).toContainText('In use');
      await expect(inUse).toContainText('Online');
      await expect(devices.filter({ hasText: 'Home desktop' })).not.toContainText('In use');
      await expect(card).toContainText(
        `Transfers: 4 of 5 left · next frees on ${await dayInBrowser(page, nextFreeAt)}`,
      );
      await shot(page, '07-my-products-devices');
      await page.setViewportSize(PHONE);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await shot(page, '08-my-products-devices-phone');
      await page.setViewportSize(DESKTOP);

      await inUse.getByRole('button', { name: 'Release Studio workstation' }).click();
      const confirm = page.getByRole('dialog', { name: 'Release this device' });
      await expect(confirm).toContainText('frees the license for your other device');
      await shot(page, '09-my-products-release');
      await confirm.getByRole('button', { name: 'Release' }).click();
      await expect(confirm).toBeHidden();
      await expect(devices).toHaveCount(2);
      await expect(card.getByText('In use', { exact: true })).toHaveCount(0);
      await expect(card.getByRole('button', { name: /^Release/ })).toHaveCount(0);
    });

    test('the Products page says when a seat held by an offline lease frees', async ({ page }) => {
      // Olga checks out an offline lease, then loses the license: her seat stays taken until the lease ends.
      const session = await apiAs(olga.email);
      const answer = await activated(session, 'Field laptop');
      const checkout = await session.post(`/api/v1/licensing/activations/${answer.activation?.id}/checkout`, {
        data: { days: 7 },
      });
      const lease = (await checkout.json()) as { code: string; activation: { offlineUntil: string } };
      expect(lease.code).toBe('VALID');
      await session.dispose();
      const administrator = await apiAs(admin.email);
      const held = (await (
        await administrator.get(`/api/v1/orgs/${org}/assignments?user=${ids[olga.email]}`)
      ).json()) as { items: { id: string }[] };
      expect((await administrator.delete(`/api/v1/orgs/${org}/assignments/${held.items[0]?.id}`)).status()).toBe(204);
      await administrator.dispose();

      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/products`);
      const row = page.getByRole('table', { name: 'Licenses' }).getByRole('row').filter({ hasText: product.name });
      const day = await dayInBrowser(page, lease.activation.offlineUntil);
      await expect(row).toContainText(`1 seat held by an offline lease — free on ${day}`);
      await expect(row).toContainText('2 of 3 assigned · 0 available');
      await shot(page, '10-products-held-offline');
    });

    test('an administrator opens an asset’s Activations, releases one and grants 2 transfers', async ({ page }) => {
      const noahSession = await apiAs(noah.email);
      await activated(noahSession, 'Lab workstation');
      await noahSession.dispose();
      const miaSession = await apiAs(mia.email);
      await activated(miaSession, 'Home desktop');
      await miaSession.dispose();

      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/products`);
      await page
        .getByRole('table', { name: 'Licenses' })
        .getByRole('row')
        .filter({ hasText: product.name })
        .getByRole('link', { name: /^Activations of serial number/ })
        .click();
      await expect(page.getByRole('heading', { name: 'Activations', level: 1 })).toBeVisible();
      await expect(page.getByText(`Devices using ${product.name}, serial number`)).toBeVisible();
      const table = page.getByRole('table', { name: 'Activations' });
      const noahRow = table.getByRole('row').filter({ hasText: noah.email });
      await expect(noahRow).toContainText('Lab workstation');
      await expect(noahRow).toContainText('windows-x64');
      await expect(noahRow).toContainText('2026.1');
      await expect(noahRow).toContainText('Online');
      await expect(noahRow).toContainText('0 used, 5 left');
      const miaRow = table.getByRole('row').filter({ hasText: mia.email });
      await expect(miaRow).toContainText('Home desktop');
      await expect(miaRow).toContainText('1 used, 4 left');
      await expect(miaRow).toContainText('next frees on');
      // Olga's license was revoked, but her offline lease still holds its seat: listed until the lease ends.
      await expect(table.getByRole('row').filter({ hasText: olga.email })).toContainText('Offline until');
      await shot(page, '11-activations');
      await page.setViewportSize(PHONE);
      await expect(page.getByRole('list', { name: 'Activations' }).getByRole('listitem')).toHaveCount(3);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await shot(page, '12-activations-phone');
      await page.setViewportSize(DESKTOP);

      // Release: confirmed, and said to take effect at the device's next heartbeat.
      await noahRow.getByRole('button', { name: `Release Lab workstation (${noah.name})` }).click();
      const release = page.getByRole('dialog', { name: 'Release activation' });
      await expect(release).toContainText('at its next heartbeat');
      await shot(page, '13-activations-release');
      await release.getByRole('button', { name: 'Release' }).click();
      await expect(release).toBeHidden();
      await expect(noahRow).toHaveCount(0);
      await page.getByRole('switch', { name: 'Show ended activations' }).check();
      await expect(noahRow).toContainText('Ended');
      await expect(noahRow).toContainText('released by an administrator');
      await page.getByRole('switch', { name: 'Show ended activations' }).uncheck();

      // Grant transfers: the reason is required.
      await miaRow.getByRole('button', { name: `Grant transfers to ${mia.name} for ${product.name}` }).click();
      const grant = page.getByRole('dialog', { name: 'Grant transfers' });
      await expect(grant).toContainText('4 of 5 left');
      await grant.getByLabel('Number of transfers').fill('2');
      await grant.getByRole('button', { name: 'Grant transfers' }).click();
      await expect(grant.getByText('Reason is required')).toBeVisible();
      await expect(grant.getByLabel('Reason')).toBeFocused();
      await page.keyboard.type('Her laptop was stolen; the replacement needs a transfer.');
      await shot(page, '14-activations-grant');
      await grant.getByRole('button', { name: 'Grant transfers' }).click();
      await expect(grant).toBeHidden();
      await expect(page.getByText(`${mia.name} now has 6 of 7 left`)).toBeVisible();
      await expect(miaRow).toContainText('1 used, 6 left');
    });

    test('a member’s activations open from Members; with none, the page says why', async ({ page }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/members`);
      await page.getByRole('row').filter({ hasText: noah.email }).getByRole('button', { name: noah.name }).click();
      await page
        .getByRole('dialog', { name: noah.name })
        .getByRole('link', { name: 'Devices using their licenses (activations)' })
        .click();
      await expect(
        page.getByText(`Devices of ${noah.name} (${noah.email}), for every license they hold.`),
      ).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: 'No activations' })).toContainText(
        'This member uses no license on any device now.',
      );
      await shot(page, '15-activations-member-empty');
      await page.getByRole('switch', { name: 'Show ended activations' }).check();
      await expect(page.getByRole('table', { name: 'Activations' })).toContainText('Lab workstation');
    });
  });
