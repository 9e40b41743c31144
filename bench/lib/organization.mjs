// An organization run by an ordinary administrator, made through the real API, for scenarios on /orgs/{org} routes.
// The user ctx.portico signs in is the instance's first account and so its operator; operators pass the
// organization check by another road (SPEC §3), so the requests measured are sent by a second, non-operator user
// whom the operator appoints administrator.
import { randomBytes } from 'node:crypto';
import { signUpAndSignIn } from './portico.mjs';

/** One JSON call that must answer `expected`; the body of the answer, parsed. */
export async function api(url, cookie, method, path, body, expected = 200) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (response.status !== expected)
    throw new Error(`${method} ${path} answered ${response.status}, expected ${expected}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Creates an organization with a fresh code and a new account as its administrator. `portico` is what
 * ctx.portico or startPortico returned (its cookie is the operator's); `readToken` as for startPortico.
 * Returns { organizationId, cookie, email } of the administrator.
 */
export async function organizationWithAdministrator(portico, label, { readToken } = {}) {
  const { url, cookie: operator, server } = portico;
  const code = `bench-${label}-${randomBytes(3).toString('hex')}`;
  const organization = await api(
    url,
    operator,
    'POST',
    '/api/v1/operator/organizations',
    {
      name: `Bench ${label}`,
      code,
    },
    201,
  );
  const admin = await signUpAndSignIn(url, server, { readToken });
  await api(url, operator, 'POST', `/api/v1/operator/organizations/${organization.id}/administrators`, {
    email: admin.email,
  });
  return { organizationId: organization.id, cookie: admin.cookie, email: admin.email };
}
