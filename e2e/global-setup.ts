import { BASE_URL, OPERATOR } from './fixtures';

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Creates and verifies the operator account through the API before any spec runs. */
export default async function globalSetup(): Promise<void> {
  const signUp = await post('/api/auth/sign-up', OPERATOR);
  if (signUp.status !== 202) throw new Error(`operator sign-up answered ${signUp.status}`);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const mailbox = (await (await fetch(`${BASE_URL}/api/v1/dev/mailbox`)).json()) as {
      messages: { to: string; links: string[] }[];
    };
    const link = mailbox.messages.find((m) => m.to === OPERATOR.email)?.links[0];
    if (link) {
      const verified = await post('/api/auth/verify-email', { token: new URL(link).searchParams.get('token') });
      if (verified.status !== 200) throw new Error(`operator verification answered ${verified.status}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the operator verification email did not arrive');
}
