import {
  DEVICE_GRANT_TYPE,
  type DeviceCodeRequest,
  type DeviceCodeResponse,
  type DeviceTokenRequest,
  type DeviceTokenResponse,
} from '@portico/contracts';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.js';
import type { Deps } from '../../deps.js';
import { newId } from '../../lib/ids.js';
import { iso, toDate } from '../../lib/time.js';
import { consumeRate } from '../rate-limits/rate-limits.service.js';
import {
  type AuthorizationRow,
  consumeAuthorization,
  deleteStaleAuthorizations,
  findAuthorizationByCodeHash,
  insertAuthorization,
  recordPoll,
  slowDown,
} from './device-auth.repository.js';
import { hashSecret, newDeviceCode } from './device-secrets.js';
import { issueDeviceToken, LICENSING_SCOPE } from './device-tokens.service.js';
import { formatUserCode, generateUserCode } from './user-code.js';

// The OAuth 2.0 Device Authorization Grant (RFC 8628) as the desktop application speaks it. Outcomes of the token
// endpoint are data (the RFC's error codes), which the route answers as RFC 6749 §5.2 JSON.

/** A code lives 15 minutes: long enough to find the browser and sign in, short enough against guessing. */
export const DEVICE_CODE_TTL_SECONDS = 900;
export const POLL_INTERVAL_SECONDS = 5;
/** RFC 8628 §3.5: each `slow_down` adds 5 seconds to the interval. */
export const SLOW_DOWN_STEP_SECONDS = 5;
/** Collisions among pending codes are rare (20^8 codes); a few draws settle any. */
const USER_CODE_ATTEMPTS = 5;

type DeviceAuthDeps = Deps<'db' | 'clock' | 'config' | 'rateRules'>;

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_scope'
  | 'invalid_grant'
  | 'unsupported_grant_type'
  | 'authorization_pending'
  | 'slow_down'
  | 'expired_token'
  | 'access_denied';

export type OAuthOutcome<T> = { ok: true; value: T } | { ok: false; error: OAuthErrorCode; description: string };

const refuse = (error: OAuthErrorCode, description: string) => ({ ok: false as const, error, description });

/** Only `licensing` is granted: a desktop token can never manage the account or act as an API token. */
function grantedScope(requested: string | undefined): boolean {
  const scopes = (requested ?? '').split(' ').filter(Boolean);
  return scopes.every((scope) => scope === LICENSING_SCOPE);
}

export function verificationUri(deps: Deps<'config'>): string {
  return `${deps.config.publicUrl}/device`;
}

type DeviceCodeInput = z.output<typeof DeviceCodeRequest>;

/** The request as stored: the device code's hash only, what the approval page shows, and the polling state. */
function pendingRow(input: DeviceCodeInput, ip: string, deviceCodeHash: string, now: Date) {
  return {
    device_code_hash: deviceCodeHash,
    client_id: input.client_id,
    application: input.application ?? input.client_id,
    machine_name: input.machine_name ?? null,
    platform: input.platform ?? null,
    app_version: input.app_version ?? null,
    request_ip: ip,
    status: 'pending' as const,
    user_id: null,
    interval_seconds: POLL_INTERVAL_SECONDS,
    last_polled_at: null,
    created_at: iso(now),
    expires_at: iso(new Date(now.getTime() + DEVICE_CODE_TTL_SECONDS * 1000)),
    decided_at: null,
  };
}

/** Stores the request under a fresh user code, drawing again when the code is pending already. */
async function insertWithUserCode(deps: DeviceAuthDeps, row: ReturnType<typeof pendingRow>, now: Date) {
  for (let attempt = 1; ; attempt++) {
    const userCode = generateUserCode();
    try {
      // One statement outside any transaction: on PostgreSQL a unique violation would abort a transaction.
      await insertAuthorization(deps.db, {
        ...row,
        id: newId('deviceAuthorization', now.getTime()),
        user_code: userCode,
      });
      return userCode;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= USER_CODE_ATTEMPTS) throw error;
    }
  }
}

/** `POST /api/v1/licensing/device/code` (RFC 8628 §3.1–3.2). */
export async function requestDeviceCode(
  deps: DeviceAuthDeps,
  ip: string,
  input: DeviceCodeInput,
): Promise<OAuthOutcome<z.output<typeof DeviceCodeResponse>>> {
  const now = deps.clock.now();
  await consumeRate(deps.db, `device-code:ip:${ip}`, deps.rateRules.deviceCodePerIp, now);
  if (!grantedScope(input.scope)) return refuse('invalid_scope', `Only the scope "${LICENSING_SCOPE}" can be granted`);
  const deviceCode = newDeviceCode();
  const shown = formatUserCode(await insertWithUserCode(deps, pendingRow(input, ip, hashSecret(deviceCode), now), now));
  const uri = verificationUri(deps);
  return {
    ok: true,
    value: {
      device_code: deviceCode,
      user_code: shown,
      verification_uri: uri,
      verification_uri_complete: `${uri}?user_code=${shown}`,
      expires_in: DEVICE_CODE_TTL_SECONDS,
      interval: POLL_INTERVAL_SECONDS,
    },
  };
}

/**
 * Polled too soon? Judged on the last poll as read, then the poll is recorded. Concurrent polls may all pass this
 * check; the token is still issued once (consumeAuthorization), and the others are told `invalid_grant`.
 */
async function pollTooSoon(deps: DeviceAuthDeps, row: AuthorizationRow, now: Date): Promise<boolean> {
  const last = row.last_polled_at === null ? null : toDate(row.last_polled_at).getTime();
  if (last !== null && now.getTime() - last < row.interval_seconds * 1000) {
    await slowDown(deps.db, row.id, SLOW_DOWN_STEP_SECONDS, now);
    return true;
  }
  await recordPoll(deps.db, row.id, now);
  return false;
}

/** `POST /api/v1/licensing/device/token` (RFC 8628 §3.4–3.5). */
export async function pollDeviceToken(
  deps: DeviceAuthDeps,
  input: z.output<typeof DeviceTokenRequest>,
): Promise<OAuthOutcome<z.output<typeof DeviceTokenResponse>>> {
  if (input.grant_type !== DEVICE_GRANT_TYPE)
    return refuse('unsupported_grant_type', `grant_type must be ${DEVICE_GRANT_TYPE}`);
  if (!input.device_code) return refuse('invalid_request', 'device_code is required');
  const now = deps.clock.now();
  const row = await findAuthorizationByCodeHash(deps.db, hashSecret(input.device_code));
  // A code already exchanged for its token is as good as unknown: it can never yield a second one.
  if (!row || row.status === 'consumed') return refuse('invalid_grant', 'The device code is not valid');
  if (input.client_id !== undefined && input.client_id !== row.client_id)
    return refuse('invalid_grant', 'The device code was issued to another client');
  if (toDate(row.expires_at) <= now)
    return refuse('expired_token', 'The device code has expired: start the sign-in again');
  if (await pollTooSoon(deps, row, now))
    return refuse('slow_down', `Poll at most every ${row.interval_seconds + SLOW_DOWN_STEP_SECONDS} seconds`);
  if (row.status === 'pending') return refuse('authorization_pending', 'The request has not been approved yet');
  if (row.status === 'denied') return refuse('access_denied', 'The request was denied');
  return exchange(deps, { ...row, user_id: row.user_id as string }, now);
}

async function exchange(
  deps: DeviceAuthDeps,
  row: AuthorizationRow & { user_id: string },
  now: Date,
): Promise<OAuthOutcome<z.output<typeof DeviceTokenResponse>>> {
  const issued = await deps.db.transaction().execute(async (trx) => {
    if (!(await consumeAuthorization(trx, row.id, now))) return null;
    return issueDeviceToken(trx, row, now);
  });
  if (!issued) return refuse('invalid_grant', 'The device code is not valid');
  return {
    ok: true,
    value: {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      scope: LICENSING_SCOPE,
    },
  };
}

/** RFC 8414 metadata: enough for a standard OAuth client to find our endpoints. */
export function authorizationServerMetadata(deps: Deps<'config'>) {
  const issuer = deps.config.publicUrl;
  return {
    issuer,
    device_authorization_endpoint: `${issuer}/api/v1/licensing/device/code`,
    token_endpoint: `${issuer}/api/v1/licensing/device/token`,
    grant_types_supported: [DEVICE_GRANT_TYPE],
    scopes_supported: [LICENSING_SCOPE],
    token_endpoint_auth_methods_supported: ['none'],
    response_types_supported: [] as string[],
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    service_documentation: `${issuer}/api/docs`,
  };
}

/** Housekeeping: requests that expired a day ago and never became a token matter to nobody. */
export async function pruneDeviceAuthorizations(deps: Deps<'db'>, now: Date): Promise<void> {
  await deleteStaleAuthorizations(deps.db, new Date(now.getTime() - 86_400_000));
}
