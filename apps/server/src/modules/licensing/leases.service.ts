import type { LeaseClaims, LicensingCode, ValidateAnswer } from '@portico/contracts';
import type { DatabaseHandle } from '../../db/database.js';
import { toDate } from '../../lib/time.js';
import type { LeaseCheck, LeaseSigner } from './lease-keys.js';
import { createLeaseStateFinder, type LeaseStateRow } from './leases.repository.js';
import { termRefusal } from './license-answers.js';

// `POST /api/v1/licensing/validate` (SPEC §4.3): a lease checked by the server, answered as data (ARCHITECTURE
// convention 7): its signature and expiry first, then the state of the activation it names.

/** Minutes are what people read on a lease; seconds and milliseconds would be noise. */
function when(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function answer(code: LicensingCode, message: string, claims: LeaseClaims | null = null): ValidateAnswer {
  return { valid: code === 'VALID', code, message, claims };
}

const ENDED: Record<Exclude<LeaseStateRow['status'], 'active'>, { code: LicensingCode; message: string }> = {
  released: {
    code: 'RELEASED',
    message: 'The license was released from this machine. Activate it again to use it here.',
  },
  transferred: {
    code: 'TRANSFERRED',
    message: 'The license is now in use on another machine. Activate it again here to move it back.',
  },
  revoked: {
    code: 'REVOKED',
    message: 'The license was revoked. Ask your organization’s administrator if you still need it.',
  },
  expired: {
    code: 'EXPIRED',
    message: 'The activation ended because the application stopped renewing it. Activate it again to continue.',
  },
};

/** The answer for a lease whose signature and expiry are good, from its activation's row (pure). */
export function answerForLease(claims: LeaseClaims, row: LeaseStateRow | undefined, now: Date): ValidateAnswer {
  if (!row) return answer('INVALID_LEASE', 'The activation this lease was issued for does not exist on this server.');
  const until = when(new Date(claims.exp * 1000));
  // An offline lease works without the server until it expires (SPEC §2.5), also after a revocation (its seat stays
  // taken until then); only giving it back ends it earlier.
  if (claims.kind === 'offline') {
    if (row.status === 'released') return answer(ENDED.released.code, ENDED.released.message);
    const revoked = row.status === 'revoked' ? ' The license was revoked: it will not be renewed.' : '';
    return answer('VALID', `The offline lease is valid until ${until}.${revoked}`, claims);
  }
  if (row.status !== 'active') return answer(ENDED[row.status].code, ENDED[row.status].message);
  const term = termRefusal({ status: row.asset_status, ends_at: row.asset_ends_at }, now);
  if (term === 'SUSPENDED')
    return answer('SUSPENDED', 'The license is suspended. Ask your organization’s administrator.');
  if (term === 'EXPIRED') return answer('EXPIRED', `The license’s term ended on ${when(toDate(row.asset_ends_at))}.`);
  return answer('VALID', `The license is valid; this lease lasts until ${until}.`, claims);
}

/** The answer for a lease the signer refused. */
export function answerForRefusal(check: Extract<LeaseCheck, { ok: false }>): ValidateAnswer {
  if (check.reason === 'expired')
    return answer('EXPIRED', 'The lease has expired. Connect to the license server to renew it, or activate again.');
  return answer('INVALID_LEASE', 'This is not a lease issued by this license server, or it was changed after issue.');
}

/** Validates with the instance's signer and one prepared read of the activation. */
export function createLeaseValidator(
  handle: DatabaseHandle,
  signer: Pick<LeaseSigner, 'verify'>,
): (lease: string, now: Date) => Promise<ValidateAnswer> {
  const findState = createLeaseStateFinder(handle);
  return async (lease, now) => {
    const check = await signer.verify(lease, now);
    if (!check.ok) return answerForRefusal(check);
    return answerForLease(check.claims, await findState(check.claims.activation), now);
  };
}
