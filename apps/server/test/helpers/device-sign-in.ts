import { DEVICE_GRANT_TYPE } from '@portico/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { hashSecret } from '../../src/modules/device-auth/device-secrets.js';
import type { TestApp } from './test-app.js';

export const DESKTOP_CLIENT_ID = 'portico-desktop';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A form-encoded POST, as an OAuth client sends the device and token requests (RFC 8628). */
export function postForm(t: TestApp, url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url, headers: FORM, payload: new URLSearchParams(fields).toString() });
}

export interface DeviceCodeAnswer {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

/** Step 1: the application asks for a code (what it shows the person). */
export async function requestDeviceCode(t: TestApp, fields: Record<string, string> = {}): Promise<DeviceCodeAnswer> {
  const res = await postForm(t, '/api/v1/licensing/device/code', { client_id: DESKTOP_CLIENT_ID, ...fields });
  if (res.statusCode !== 200) throw new Error(`device code: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Step 2: the person approves (or denies) the code on the /device page, with the browser's session cookie. */
export function decideDeviceCode(
  t: TestApp,
  cookie: string,
  userCode: string,
  decision: 'approve' | 'deny' = 'approve',
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/licensing/device/requests/${encodeURIComponent(userCode)}`,
    headers: { cookie },
    payload: { decision },
  });
}

/** Step 3: the application polls the token endpoint. */
export function pollToken(
  t: TestApp,
  deviceCode: string,
  clientId = DESKTOP_CLIENT_ID,
): Promise<LightMyRequestResponse> {
  return postForm(t, '/api/v1/licensing/device/token', {
    grant_type: DEVICE_GRANT_TYPE,
    device_code: deviceCode,
    client_id: clientId,
  });
}

/**
 * A desktop application signed in for the account of `cookie` through the whole RFC 8628 flow (code → approval with
 * the session cookie → token), all through app.inject. Answers the access token and its id (Signed-in devices).
 */
export async function signInDevice(
  t: TestApp,
  cookie: string,
  options: { application?: string; machineName?: string; platform?: string } = {},
): Promise<{ token: string; tokenId: string }> {
  const code = await requestDeviceCode(t, {
    application: options.application ?? 'Portico Desktop',
    machine_name: options.machineName ?? 'WS-0001',
    platform: options.platform ?? 'windows',
  });
  const approved = await decideDeviceCode(t, cookie, code.user_code);
  if (approved.statusCode !== 200) throw new Error(`approve: ${approved.statusCode} ${approved.body}`);
  const issued = await pollToken(t, code.device_code);
  if (issued.statusCode !== 200) throw new Error(`token: ${issued.statusCode} ${issued.body}`);
  const token: string = issued.json().access_token;
  const row = await t.runtime.deps.db
    .selectFrom('device_tokens')
    .select('id')
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirstOrThrow();
  return { token, tokenId: row.id };
}

/** A request with the desktop application's bearer token. */
export function withBearer(
  t: TestApp,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  token: string,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload }),
  });
}
