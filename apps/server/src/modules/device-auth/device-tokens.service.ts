import type { SignedInDevice } from '@portico/contracts';
import type { Transaction } from 'kysely';
import type { DatabaseHandle, Executor } from '../../db/database.js';
import { prepareFirst } from '../../db/prepared.js';
import type { Database } from '../../db/types.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { type Caller, callerUser, type Scope } from '../../lib/caller.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { iso, toDate, toIsoString } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.writer.js';
import { releaseActivationsOfToken } from '../licensing/activations.service.js';
import {
  type AuthorizationRow,
  insertToken,
  listActiveTokens,
  revokeToken,
  type TokenRow,
  tokenByHashQuery,
  touchToken,
} from './device-auth.repository.js';
import { ACCESS_TOKEN_PREFIX, hashSecret, newAccessToken } from './device-secrets.js';

// A desktop application's access token: issued once per approved sign-in, checked on every licensing request,
// listed and revoked under Signed-in devices.

export const LICENSING_SCOPE = 'licensing';
/** 90 days, counted again from each day the token is used: a desktop in daily use never has to sign in again. */
export const TOKEN_TTL_SECONDS = 90 * 86_400;
/** The last use (and the extension) is written at most this often per token, never once per request. */
const TOUCH_EVERY_MS = 86_400_000;
const KNOWN_SCOPES: readonly Scope[] = ['api', 'licensing', 'account'];

function scopesOf(stored: string): Scope[] {
  return stored.split(' ').filter((s): s is Scope => (KNOWN_SCOPES as readonly string[]).includes(s));
}

/**
 * The caller a bearer token stands for: one hash and one prepared, indexed read joined with the user (heartbeats
 * arrive by the thousand a second). Expiry is checked against the injected clock.
 */
export function createBearerVerifier(handle: DatabaseHandle, clock: Clock) {
  const find = prepareFirst<TokenRow>(handle, tokenByHashQuery(handle.db));
  const touching = new Set<string>();

  /** Once a day per token: mark it used and extend it; concurrent requests of one process write once. */
  async function keepAlive(row: TokenRow, now: Date): Promise<void> {
    const lastUsed = row.lastUsedAt === null ? null : toDate(row.lastUsedAt).getTime();
    if ((lastUsed !== null && now.getTime() - lastUsed < TOUCH_EVERY_MS) || touching.has(row.tokenId)) return;
    touching.add(row.tokenId);
    try {
      await touchToken(handle.db, row.tokenId, {
        now,
        expiresAt: new Date(now.getTime() + TOKEN_TTL_SECONDS * 1000),
        usedBefore: new Date(now.getTime() - TOUCH_EVERY_MS),
      });
    } catch {
      // The request is valid either way; the next request of the day tries again.
    } finally {
      touching.delete(row.tokenId);
    }
  }

  return async (token: string): Promise<Caller | null> => {
    // Not one of ours (or absurdly long): refused without touching the database.
    if (!token.startsWith(ACCESS_TOKEN_PREFIX) || token.length > 100) return null;
    const row = await find([hashSecret(token)]);
    const now = clock.now();
    if (!row || toDate(row.expiresAt) <= now) return null;
    await keepAlive(row, now);
    return {
      via: 'bearer',
      sessionId: null,
      tokenId: row.tokenId,
      token,
      user: callerUser(row),
      scopes: scopesOf(row.scopes),
    };
  };
}

/** Turns an approved request into its token, in the transaction that marks the request consumed. */
export async function issueDeviceToken(
  trx: Transaction<Database>,
  authorization: AuthorizationRow & { user_id: string },
  now: Date,
): Promise<{ accessToken: string; expiresIn: number }> {
  const accessToken = newAccessToken();
  await insertToken(trx, {
    id: newId('deviceToken', now.getTime()),
    token_hash: hashSecret(accessToken),
    user_id: authorization.user_id,
    authorization_id: authorization.id,
    client_id: authorization.client_id,
    application: authorization.application,
    machine_name: authorization.machine_name,
    platform: authorization.platform,
    scopes: LICENSING_SCOPE,
    created_at: iso(now),
    last_used_at: null,
    expires_at: iso(new Date(now.getTime() + TOKEN_TTL_SECONDS * 1000)),
    revoked_at: null,
  });
  return { accessToken, expiresIn: TOKEN_TTL_SECONDS };
}

/** Signed-in devices on the account page: the live tokens, newest first. */
export async function listSignedInDevices(
  deps: Deps<'db' | 'clock'>,
  userId: string,
): Promise<{ items: SignedInDevice[] }> {
  const rows = await listActiveTokens(deps.db, userId, deps.clock.now());
  return {
    items: rows.map((row) => ({
      id: row.id,
      application: row.application,
      machineName: row.machine_name,
      platform: row.platform,
      signedInAt: toIsoString(row.created_at),
      lastUsedAt: row.last_used_at === null ? null : toIsoString(row.last_used_at),
      expiresAt: toIsoString(row.expires_at),
    })),
  };
}

/**
 * Ends one token of `userId` with the activations it made, and records it, in one transaction. False when the user
 * has no such live token (another account's id included).
 */
async function revoke(db: Executor, actor: Actor, userId: string, tokenId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const revoked = await revokeToken(trx, userId, tokenId, now);
    if (!revoked) return false;
    await releaseActivationsOfToken(trx, tokenId, actor, now);
    await recordAudit(
      trx,
      actor,
      {
        action: 'device.signed_out',
        targetType: 'device_token',
        targetId: tokenId,
        after: { application: revoked.application, machineName: revoked.machine_name },
      },
      now,
    );
    return true;
  });
}

/** `DELETE /api/v1/me/devices/:id`: another account's device is answered like one that does not exist. */
export async function signOutDevice(
  deps: Deps<'db' | 'clock'>,
  actor: Actor,
  userId: string,
  tokenId: string,
): Promise<void> {
  if (!(await revoke(deps.db, actor, userId, tokenId, deps.clock.now()))) throw AppError.notFound('device');
}

/**
 * `POST /api/v1/licensing/sign-out`: a desktop application ends its own token. A browser has no token here, so
 * for it this changes nothing (its session ends at /api/auth/sign-out). Signing out twice is not an error.
 */
export async function signOutCaller(deps: Deps<'db' | 'clock'>, actor: Actor, caller: Caller): Promise<void> {
  if (caller.via !== 'bearer') return;
  await revoke(deps.db, actor, caller.user.id, caller.tokenId, deps.clock.now());
}
