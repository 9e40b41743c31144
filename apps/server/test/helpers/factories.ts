import { createUser, type TestApp } from './test-app.js';

/** Operator-made data for organization tests, through the real operator API. */
export async function json(
  t: TestApp,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  cookie: string,
  payload?: unknown,
) {
  return t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

export async function createOperator(t: TestApp, email = 'operator@example.com'): Promise<string> {
  // The first account of a fresh instance is its operator.
  return createUser(t, email, 'Olivia Operator');
}

export interface Catalogue {
  organizationId: string;
  serial: string;
}

/** A license product, an organization and one asset of it; returns the organization's id and the serial. */
export async function createOrganizationWithAsset(
  t: TestApp,
  operatorCookie: string,
  options: { code: string; name: string; serial: string; productCode?: string; seats?: number; endsAt?: string | null },
): Promise<Catalogue> {
  const productCode = options.productCode ?? 'PRM-2026';
  const existing = await json(t, 'GET', '/api/v1/operator/products', operatorCookie);
  if (!existing.json().items.some((p: { code: string }) => p.code === productCode)) {
    const product = await json(t, 'POST', '/api/v1/operator/products', operatorCookie, {
      code: productCode,
      name: 'Premium 2026',
      kind: 'license',
      type: 'cad',
    });
    if (product.statusCode !== 201) throw new Error(`product: ${product.body}`);
  }
  const organization = await json(t, 'POST', '/api/v1/operator/organizations', operatorCookie, {
    name: options.name,
    code: options.code,
  });
  if (organization.statusCode !== 201) throw new Error(`organization: ${organization.body}`);
  const asset = await json(t, 'POST', '/api/v1/operator/assets', operatorCookie, {
    organization: options.code,
    product: productCode,
    serial: options.serial,
    seats: options.seats ?? 10,
    mode: 'online',
    startsAt: '2026-01-01',
    endsAt: options.endsAt === undefined ? '2027-01-01' : options.endsAt,
  });
  if (asset.statusCode !== 201) throw new Error(`asset: ${asset.body}`);
  return { organizationId: organization.json().id, serial: options.serial };
}
