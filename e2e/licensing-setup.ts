import { type APIRequestContext, expect, request } from '@playwright/test';
import { BASE_URL, OPERATOR } from './fixtures';
import { linksMailedTo, PASSWORD } from './helpers';

// Setting the scene for the licensing specs through the API, as programs do (no CSRF headers, one cookie jar a
// person): accounts, an organization with an administrator, products, assets and members who accepted.

export interface Person {
  name: string;
  email: string;
}

/** A signed-in API session of its own, like a second browser. */
export async function apiAs(email: string, password = PASSWORD): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: BASE_URL });
  const signedIn = await context.post('/api/auth/sign-in', { data: { email, password } });
  expect(signedIn.ok(), `sign-in of ${email}: ${signedIn.status()}`).toBeTruthy();
  return context;
}

let operatorSession: Promise<APIRequestContext> | undefined;

/**
 * The operator's API session, signed in once for the whole run: every spec shares the operator account, and its
 * sign-ins from one address are limited (10 in 15 minutes, SPEC §2.1), so the specs must not spend them. A spec that
 * moves the server's clock past a week (members.spec) ends it: then it signs in once more.
 */
export async function operatorApi(): Promise<APIRequestContext> {
  const current = operatorSession ? await operatorSession : undefined;
  if (current && (await current.get('/api/v1/me')).ok()) return current;
  operatorSession = apiAs(OPERATOR.email, OPERATOR.password);
  return operatorSession;
}

/** Sign up and verify through the link in the dev mailbox. */
export async function accountFor(person: Person): Promise<void> {
  const context = await request.newContext({ baseURL: BASE_URL });
  const signedUp = await context.post('/api/auth/sign-up', { data: { ...person, password: PASSWORD } });
  expect(signedUp.status()).toBe(202);
  await expect.poll(async () => (await linksMailedTo(context, person.email, /verify-email/)).length).toBe(1);
  const [link] = await linksMailedTo(context, person.email, /verify-email/);
  const token = new URL(link as string).searchParams.get('token');
  expect((await context.post('/api/auth/verify-email', { data: { token } })).ok()).toBeTruthy();
  await context.dispose();
}

/** A catalogue product; one left by an earlier spec on the same server is used as it is. */
export async function productFor(
  operator: APIRequestContext,
  product: { code: string; name: string; kind: 'license' | 'service'; type?: string },
): Promise<void> {
  const created = await operator.post('/api/v1/operator/products', { data: product });
  if (created.status() === 201) return;
  const catalogue = (await (await operator.get('/api/v1/operator/products')).json()) as { items: { code: string }[] };
  expect(
    catalogue.items.some((p) => p.code === product.code),
    `product ${product.code}`,
  ).toBeTruthy();
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** An asset that started a month ago and runs two more years; a service's has no seats. */
export async function assetFor(
  operator: APIRequestContext,
  asset: { organization: string; product: string; serial: string; seats?: number; mode?: 'machine' | 'online' },
): Promise<void> {
  const created = await operator.post('/api/v1/operator/assets', {
    data: { ...asset, startsAt: day(-30), endsAt: day(730) },
  });
  expect(created.status(), await created.text()).toBe(201);
}

/** The administrator invites; each person accepts from their own session with the token of their email. */
export async function membersOf(org: string, administrator: APIRequestContext, people: Person[]): Promise<void> {
  const invited = await administrator.post(`/api/v1/orgs/${org}/invitations`, {
    data: { emails: people.map((p) => p.email).join('; '), rights: 'member' },
  });
  expect(invited.ok()).toBeTruthy();
  for (const person of people) {
    const session = await apiAs(person.email);
    await expect.poll(async () => (await linksMailedTo(session, person.email, /\/invitations\//)).length).toBe(1);
    const [link] = await linksMailedTo(session, person.email, /\/invitations\//);
    const token = new URL(link as string).pathname.split('/').at(-1);
    const accepted = await session.post(`/api/v1/invitations/${token}/accept`);
    expect(accepted.ok(), await accepted.text()).toBeTruthy();
    await session.dispose();
  }
}

/** The subjects of the emails sent to an address, oldest first. */
export async function subjectsMailedTo(context: APIRequestContext, to: string): Promise<string[]> {
  const mailbox = (await (await context.get('/api/v1/dev/mailbox')).json()) as {
    messages: { to: string; subject: string }[];
  };
  return mailbox.messages
    .filter((m) => m.to === to)
    .map((m) => m.subject)
    .reverse();
}
