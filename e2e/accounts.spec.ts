import { expect, type Page, test } from '@playwright/test';

/**
 * A new user signs up, finds the verification email in the dev mailbox, verifies, signs in, changes the password
 * and signs out — the foundation issue's journey, in Chromium, with a screenshot at each step.
 */
const email = `e2e-${Date.now()}@example.com`;
const firstPassword = 'violet-harbour-lantern-42';
const secondPassword = 'cobalt-meadow-sunrise-9';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/accounts-${name}.png`, fullPage: true });
}

test('the home page welcomes a visitor and leads to sign-up', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await shot(page, '00-home');
  await page.getByRole('link', { name: 'Create account' }).first().click();
  await expect(page).toHaveURL(/\/sign-up/);
});

test('sign up, verify through the dev mailbox, sign in, change the password, sign out', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Erin Example');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('password123');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(/too common/i)).toBeVisible();
  await shot(page, '01-common-password-refused');

  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(firstPassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/check-email/);
  await expect(page.getByText(email)).toBeVisible();
  await shot(page, '02-check-your-email');

  await page.getByRole('link', { name: 'Open the dev mailbox' }).click();
  await expect(page).toHaveURL(/\/dev\/mailbox/);
  await page.getByText('Verify your email address for Portico').first().click();
  await shot(page, '03-dev-mailbox');
  const link = page.getByRole('link', { name: /\/verify-email\?token=/ }).first();
  const href = await link.getAttribute('href');
  expect(href).toContain('/verify-email?token=');

  await page.goto(href as string);
  await expect(page.getByRole('heading', { name: 'Your email is verified' })).toBeVisible();
  await shot(page, '04-verified');

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(firstPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Hello, Erin/ })).toBeVisible();
  await shot(page, '05-signed-in-home');

  await page.goto('/account');
  await page.getByRole('textbox', { name: 'Current password', exact: true }).fill(firstPassword);
  await page.getByRole('textbox', { name: 'New password', exact: true }).fill(secondPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText(/password (was |is )?changed/i).first()).toBeVisible();
  await shot(page, '06-password-changed');

  await page.getByRole('button', { name: /profile menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await shot(page, '07-signed-out');

  // The old password no longer works; the new one does.
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(firstPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Email or password is incorrect')).toBeVisible();
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(secondPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Hello, Erin/ })).toBeVisible();
});

test('pages fit a phone-width screen and work with the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.getByLabel('Email').focus();
  await page.keyboard.type('nobody@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('not-the-password-1');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Email or password is incorrect')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, '08-phone-sign-in');
});
