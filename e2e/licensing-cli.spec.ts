import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { signIn, stamp } from './helpers';
import {
  cleanUpDesktops,
  type Desktop,
  dayInBrowser,
  desktop,
  licensing,
  loginCode,
  onlineLicenseHeldBy,
  STATE_FILE,
  serverNow,
  startCli,
} from './licensing-cli-helpers';

/**
 * Online licensing end to end (issue 10): the real `portico-license` CLI, run as a child process for three
 * simulated desktops, and the real web app in Chromium. Each desktop signs in through the browser (the member
 * approves its code at /device while `login` waits); A activates; B is told the license is in use on A and takes it
 * over for free; A's heartbeat hears TRANSFERRED and A takes it back, also free; C, a third device, is refused with
 * DEVICE_LIMIT_REACHED and then replaces one with a transfer. My products and `status --json` show the same budget
 * (4 left, the next one free 30 days on); the administrator releases C in the asset's Activations view, and C's next
 * heartbeat hears RELEASED. Names are unique to this run: the e2e server is shared by every spec file.
 */
const run = stamp();
const RUN = run.toUpperCase();
const admin = { name: 'Ada Admin', email: `ada-cli-${run}@example.com` };
const member = { name: 'Milo Member', email: `milo-cli-${run}@example.com` };
const product = { code: `CLI-${RUN}`, name: `Desktop CAD ${RUN}` };
const APPLICATION = 'Portico License CLI';
const DAY = 86_400_000;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function shot(page: Page, name: string): Promise<void> {
  // The pointer rests where the last click was; moved aside so no row or button shows its hover colour.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `e2e/screenshots/licensing-cli-${name}.png`, fullPage: true, animations: 'disabled' });
}

/** The same page on a phone too: nothing wider than the screen, and a screenshot of each. */
async function shotsDesktopAndPhone(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await page.setViewportSize(PHONE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await shot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

/**
 * `login` on a desktop while the member, signed in in the browser, approves its code at /device — opened from the
 * complete link the CLI prints, or typed as a person reads it off the terminal. The command then ends signed in.
 */
async function loginThroughBrowser(page: Page, machine: Desktop, how: 'link' | 'typed', screenshot?: string) {
  const login = startCli(machine, ['login']);
  const code = await loginCode(login);
  expect(code.verificationUri).toBe(new URL('/device', page.url()).href);
  if (how === 'link') {
    expect(code.verificationUriComplete).toContain(`/device?user_code=${code.userCode}`);
    await page.goto(code.verificationUriComplete);
  } else {
    await page.goto(code.verificationUri);
    await page.getByLabel('Code').fill(code.userCode);
    await page.keyboard.press('Enter');
  }
  const request = page.getByRole('region', { name: 'Check this request' });
  await expect(request).toContainText(`${APPLICATION} on ${machine.name} (linux-x64`);
  await expect(request).toContainText(`asks to sign in as ${member.email}`);
  await expect(request).toContainText(code.userCode);
  if (screenshot) await shotsDesktopAndPhone(page, screenshot);
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Application signed in' })).toContainText(
    `${APPLICATION} on ${machine.name} is signed in as ${member.email}`,
  );
  // The command polls every 5 seconds: its next poll gets the token, and it says so.
  const { exit, lines, stderr } = await login.done;
  expect(exit, stderr).toBe(0);
  expect(lines.at(-1)).toEqual({ event: 'signed-in', server: new URL(page.url()).origin });
}

let org = '';
// Made in beforeAll, in the worker: the runner also loads this file to list the tests, and must create no folder.
let A: Desktop;
let B: Desktop;
let C: Desktop;
let nextFreeAt = '';

test.describe
  .serial('online licensing with the portico-license CLI and the browser', () => {
    test.use({ viewport: DESKTOP });

    test.beforeAll(async () => {
      A = desktop('Office laptop', run);
      B = desktop('Home desktop', run);
      C = desktop('Studio workstation', run);
      org = await onlineLicenseHeldBy({
        organization: { name: `Contoso CLI ${run}`, code: `cli${run}`.slice(0, 12) },
        admin,
        member,
        product,
        serial: `CLI${RUN}0001`,
      });
    });
    test.afterAll(cleanUpDesktops);

    test('desktop A signs in through /device, keeps its token private, and activates', async ({ page }) => {
      await signIn(page, member.email);
      await loginThroughBrowser(page, A, 'link', '01-device');
      // The token is readable by its owner only: the state folder 0700, the file 0600.
      expect(statSync(A.home).mode & 0o777).toBe(0o700);
      expect(statSync(join(A.home, STATE_FILE)).mode & 0o777).toBe(0o600);

      const activated = await licensing(A, 'activate', product.code);
      expect(activated).toMatchObject({ exit: 0, valid: true, code: 'VALID' });
      expect(activated.answer?.activation?.machineName).toBe(A.name);
      expect(activated.answer?.transfers).toMatchObject({ remaining: 5, used: 0 });
    });

    test('desktop B is told A uses the license and takes it over for free; A hears TRANSFERRED and takes it back', async ({
      page,
    }) => {
      await signIn(page, member.email);
      await loginThroughBrowser(page, B, 'typed');

      const refused = await licensing(B, 'activate', product.code);
      expect(refused).toMatchObject({ exit: 2, valid: false, code: 'ACTIVE_ON_ANOTHER_MACHINE' });
      expect(refused.answer?.holder?.deviceName).toBe(A.name);
      const taken = await licensing(B, 'activate', product.code, '--takeover');
      expect(taken).toMatchObject({ exit: 0, valid: true, code: 'VALID' });
      expect(taken.answer?.transfers).toMatchObject({ remaining: 5, used: 0 });

      const beat = await licensing(A, 'heartbeat', product.code);
      expect(beat).toMatchObject({ exit: 2, valid: false, code: 'TRANSFERRED' });
      expect(beat.answer?.holder?.deviceName).toBe(B.name);

      // A is a registered device: taking the license back costs nothing either.
      const back = await licensing(A, 'activate', product.code, '--takeover');
      expect(back).toMatchObject({ exit: 0, valid: true, code: 'VALID' });
      expect(back.answer?.transfers).toMatchObject({ remaining: 5, used: 0, nextFreeAt: null });
      expect(back.answer?.devices?.map((d) => [d.name, d.inUse]).sort()).toEqual([
        [B.name, false],
        [A.name, true],
      ]);
    });

    test('a third desktop C costs one transfer; My products and status --json show 4 left and the next free date', async ({
      page,
    }) => {
      await signIn(page, member.email);
      await loginThroughBrowser(page, C, 'link');

      const limit = await licensing(C, 'activate', product.code, '--takeover');
      expect(limit).toMatchObject({ exit: 2, valid: false, code: 'DEVICE_LIMIT_REACHED' });
      expect(limit.answer?.devices?.map((d) => d.name).sort()).toEqual([B.name, A.name]);
      expect(limit.answer?.transfers).toMatchObject({ remaining: 5 });

      const before = await serverNow(page);
      const moved = await licensing(C, 'activate', product.code, '--takeover', '--transfer');
      const after = await serverNow(page);
      expect(moved).toMatchObject({ exit: 0, valid: true, code: 'VALID' });
      expect(moved.answer?.transfers).toMatchObject({ remaining: 4, used: 1, windowDays: 30 });
      nextFreeAt = moved.answer?.transfers?.nextFreeAt as string;
      // The transfer frees 30 days after it was spent, on the server's clock.
      expect(Date.parse(nextFreeAt)).toBeGreaterThanOrEqual(before + 30 * DAY - 1_000);
      expect(Date.parse(nextFreeAt)).toBeLessThanOrEqual(after + 30 * DAY + 1_000);

      await page.goto(`/orgs/${org}/my-products`);
      const card = page.getByRole('list', { name: 'My products' }).getByRole('listitem').first();
      await expect(card).toContainText(product.name);
      const devices = card.getByRole('list', { name: `Devices for ${product.name}` }).getByRole('listitem');
      await expect(devices).toHaveCount(2);
      await expect(devices.filter({ hasText: C.name })).toContainText('In use');
      await expect(devices.filter({ hasText: C.name })).toContainText('Online');
      await expect(devices.filter({ hasText: A.name })).not.toContainText('In use');
      await expect(card).toContainText(
        `Transfers: 4 of 5 left · next frees on ${await dayInBrowser(page, nextFreeAt)}`,
      );
      await shotsDesktopAndPhone(page, '02-my-products');

      // The CLI's status --json on C: the license usable here, and the server's view with the same budget.
      const status = await startCli(C, ['status', product.code]).done;
      expect(status.exit, status.stderr).toBe(0);
      expect(status.lines[0]).toMatchObject({
        signedIn: true,
        licenses: [{ product: product.code, usable: true, state: 'online', code: 'VALID' }],
        products: [
          {
            product: { code: product.code },
            activation: { machineName: C.name },
            transfers: { remaining: 4, used: 1, limit: 5, windowDays: 30, nextFreeAt },
          },
        ],
      });
    });

    test('the administrator releases C in the Activations view, and C’s next heartbeat hears RELEASED', async ({
      page,
    }) => {
      await signIn(page, admin.email);
      await page.goto(`/orgs/${org}/products`);
      await page
        .getByRole('table', { name: 'Licenses' })
        .getByRole('row')
        .filter({ hasText: product.name })
        .getByRole('link', { name: /^Activations of serial number/ })
        .click();
      await expect(page.getByRole('heading', { name: 'Activations', level: 1 })).toBeVisible();
      const table = page.getByRole('table', { name: 'Activations' });
      await expect(table.getByRole('row')).toHaveCount(2); // the header and C: A and B hold nothing now
      const row = table.getByRole('row').filter({ hasText: C.name });
      await expect(row).toContainText(member.email);
      await expect(row).toContainText('linux-x64');
      await expect(row).toContainText('Online');
      await expect(row).toContainText('1 used, 4 left');
      await shotsDesktopAndPhone(page, '03-activations');

      await row.getByRole('button', { name: `Release ${C.name} (${member.name})` }).click();
      const confirm = page.getByRole('dialog', { name: 'Release activation' });
      await expect(confirm).toContainText(
        `${member.name}’s ${C.name} stops using ${product.name} at its next heartbeat`,
      );
      await shot(page, '04-activations-release');
      await confirm.getByRole('button', { name: 'Release' }).click();
      await expect(confirm).toBeHidden();
      await expect(row).toHaveCount(0);

      const beat = await licensing(C, 'heartbeat', product.code);
      expect(beat).toMatchObject({ exit: 2, valid: false, code: 'RELEASED' });
      const status = await startCli(C, ['status', product.code]).done;
      expect(status.exit).toBe(2);
      expect(status.lines[0]).toMatchObject({ licenses: [{ usable: false, state: 'ended', code: 'RELEASED' }] });
    });
  });
