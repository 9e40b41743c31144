import type { SignUpRequest } from '@portico/contracts';
import type { Deps } from '../../deps.js';
import type { RequestInfo } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import { runAuthCall } from '../../lib/request-context.js';
import { consumeRate } from '../rate-limits/rate-limits.service.js';
import * as repo from './accounts.repository.js';
import { assertHooksSucceeded, assertNotCommon, authHeaders } from './accounts.service.js';
import { withProvenAddress } from './proven-address.js';

type VerifiedSignUpDeps = Deps<'db' | 'clock' | 'auth' | 'rateRules'>;

function accountExists(email: string): AppError {
  return new AppError(
    'ALREADY_EXISTS',
    `An account with ${email} exists already: sign in with it (or reset its password) to accept the invitation`,
  );
}

/**
 * Sign-up of an address the caller has proven (docs/adr/0014: an invitation link that was emailed to it, checked by
 * the invitations module): the account is created verified, no verification email is queued, and it is signed in.
 * Only a caller holding that proof learns that an account exists for the address (ALREADY_EXISTS), so this does not
 * open the enumeration that the ordinary sign-up guards against. An existing unverified account is not taken over:
 * its password was chosen by whoever signed up, who may not own the address.
 */
export async function signUpVerified(deps: VerifiedSignUpDeps, info: RequestInfo, input: SignUpRequest) {
  assertNotCommon(input.password, 'password');
  await consumeRate(deps.db, `sign-up:ip:${info.ip}`, deps.rateRules.signUpPerIp, deps.clock.now());
  if (await repo.findUserByEmail(deps.db, input.email)) throw accountExists(input.email);
  const headers = authHeaders({ ...info, cookie: null });
  const { result, failures } = await runAuthCall(info.actor, () =>
    withProvenAddress(input.email, () =>
      deps.auth.api.signUpEmail({ body: { name: input.name, email: input.email, password: input.password }, headers }),
    ),
  );
  assertHooksSucceeded(failures);
  // An account made for the address at the same moment: Better Auth answers with a synthetic, unverified user.
  if (!result.user.emailVerified) throw accountExists(input.email);
  const signedIn = await runAuthCall({ ...info.actor, userId: result.user.id }, () =>
    deps.auth.api.signInEmail({
      body: { email: input.email, password: input.password, rememberMe: true },
      headers,
      returnHeaders: true,
    }),
  );
  const { user } = signedIn.result.response;
  return {
    user: { id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified },
    setCookies: signedIn.result.headers.getSetCookie(),
  };
}
