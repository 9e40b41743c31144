import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { OPERATOR } from './fixtures';

/** The password of every account the specs create (the operator's is in fixtures.ts). */
export const PASSWORD = 'amber-orchard-quartz-58';

/** A suffix unique to this run: the e2e database is shared by every spec file. */
export const stamp = () => Date.now().toString(36).toLowerCase();

const escapeRegExp = (text: string) => text.replace(/[.+]/g, '\\$&');

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page
    .getByRole('textbox', { name: 'Password', exact: true })
    .fill(email === OPERATOR.email ? OPERATOR.password : PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Hello,/ })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /profile menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** The newest link of a kind in the dev mailbox, from the message sent to this address, as a reader finds it. */
export async function linkFromMailbox(page: Page, to: string, kind: RegExp): Promise<string> {
  await page.goto('/dev/mailbox');
  await page
    .getByRole('button', { name: new RegExp(`To ${escapeRegExp(to)}`) })
    .first()
    .click();
  return (await page.getByRole('link', { name: kind }).first().getAttribute('href')) as string;
}

/** Every link of a kind mailed to this address, oldest first (through the dev mailbox API). */
export async function linksMailedTo(request: APIRequestContext, to: string, kind: RegExp): Promise<string[]> {
  const mailbox = (await (await request.get('/api/v1/dev/mailbox')).json()) as {
    messages: { to: string; links: string[] }[];
  };
  return mailbox.messages
    .filter((m) => m.to === to)
    .flatMap((m) => m.links.filter((link) => kind.test(link)))
    .reverse();
}

/** An account made through the web: sign up, then follow the verification link. */
export async function signUpAndVerify(page: Page, person: { name: string; email: string }): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/check-email/);
  await page.goto(await linkFromMailbox(page, person.email, /\/verify-email\?token=/));
  await expect(page.getByRole('heading', { name: 'Your email is verified' })).toBeVisible();
}

/** An organization the operator creates and administers, for a spec to work in. */
export async function organizationAdministeredByOperator(page: Page, name: string, code: string): Promise<string> {
  const created = await page.request.post('/api/v1/operator/organizations', { data: { name, code } });
  expect(created.ok()).toBeTruthy();
  const org = (await created.json()).id as string;
  const admin = await page.request.post(`/api/v1/operator/organizations/${org}/administrators`, {
    data: { email: OPERATOR.email },
  });
  expect(admin.ok()).toBeTruthy();
  return org;
}
