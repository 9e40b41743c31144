import type { DeviceRequestView } from '@portico/contracts';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import type { SessionContext } from '../../lib/caller.js';
import { AppError } from '../../lib/errors.js';
import { toDate, toIsoString } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.writer.js';
import { consumeRate } from '../rate-limits/rate-limits.service.js';
import { type AuthorizationRow, decideAuthorization, findLatestByUserCode } from './device-auth.repository.js';
import { formatUserCode, normalizeUserCode } from './user-code.js';

// The /device page: a signed-in person looks up the code their desktop application shows and approves or denies it.

type RequestsDeps = Deps<'db' | 'clock' | 'rateRules'>;
type User = Pick<SessionContext['user'], 'id' | 'emailVerified'>;

function notValid(): AppError {
  return new AppError(
    'NOT_FOUND',
    'This code is not valid or has expired: check it, or start again in the application',
  );
}

function isExpired(row: AuthorizationRow, now: Date): boolean {
  return toDate(row.expires_at) <= now;
}

/** What the page calls a request: a consumed one was approved (its token issued); a pending one may have expired. */
function statusOf(row: AuthorizationRow, now: Date): DeviceRequestView['status'] {
  if (row.status === 'pending') return isExpired(row, now) ? 'expired' : 'pending';
  return row.status === 'denied' ? 'denied' : 'approved';
}

function viewOf(row: AuthorizationRow, now: Date): DeviceRequestView {
  return {
    userCode: formatUserCode(row.user_code),
    application: row.application,
    clientId: row.client_id,
    machineName: row.machine_name,
    platform: row.platform,
    appVersion: row.app_version,
    requestedAt: toIsoString(row.created_at),
    expiresAt: toIsoString(row.expires_at),
    status: statusOf(row, now),
  };
}

/**
 * Every look-up and decision counts against the person's budget (30 in 10 minutes), so codes cannot be guessed
 * through the page: 2.6 × 10^10 codes, a handful pending at a time.
 */
async function lookUp(deps: RequestsDeps, user: User, typed: string, now: Date): Promise<AuthorizationRow | undefined> {
  await consumeRate(deps.db, `device-lookup:user:${user.id}`, deps.rateRules.deviceLookupPerUser, now);
  const userCode = normalizeUserCode(typed);
  return userCode === null ? undefined : findLatestByUserCode(deps.db, userCode);
}

/**
 * `GET /api/v1/licensing/device/requests/:userCode`: a pending request, or one whose 15 minutes are over (status
 * `expired`, so the page can say to start again). Decided requests and unknown codes are 404 alike.
 */
export async function viewRequest(deps: RequestsDeps, user: User, typed: string): Promise<DeviceRequestView> {
  const now = deps.clock.now();
  const row = await lookUp(deps, user, typed, now);
  if (row?.status !== 'pending') throw notValid();
  return viewOf(row, now);
}

/**
 * `POST /api/v1/licensing/device/requests/:userCode`: approve (the application receives a token for this account,
 * scope `licensing`) or deny. Needs a verified email address; a request is decided once. Someone else's decided
 * request is answered like an unknown code.
 */
export async function decideRequest(
  deps: RequestsDeps,
  actor: Actor,
  user: User,
  typed: string,
  decision: 'approve' | 'deny',
): Promise<DeviceRequestView> {
  if (!user.emailVerified)
    throw new AppError('EMAIL_NOT_VERIFIED', 'Verify your email address before you sign in an application');
  const now = deps.clock.now();
  const row = await lookUp(deps, user, typed, now);
  if (!row || (row.status !== 'pending' && row.user_id !== user.id)) throw notValid();
  if (row.status !== 'pending') throw new AppError('CONFLICT', `This request was already ${statusOf(row, now)}`);
  if (isExpired(row, now))
    throw new AppError('CONFLICT', 'This code has expired: start the sign-in again in the application');

  const status = decision === 'approve' ? 'approved' : 'denied';
  await deps.db.transaction().execute(async (trx) => {
    // Decided by a concurrent request (another tab, another person) or expired since the read: the claim says so.
    if (!(await decideAuthorization(trx, row.id, { status, userId: user.id }, now)))
      throw new AppError('CONFLICT', 'This request was already decided or has expired');
    await recordAudit(
      trx,
      actor,
      {
        action: decision === 'approve' ? 'device.approved' : 'device.denied',
        targetType: 'device_authorization',
        targetId: row.id,
        after: { application: row.application, machineName: row.machine_name },
      },
      now,
    );
  });
  return viewOf({ ...row, status, user_id: user.id }, now);
}
