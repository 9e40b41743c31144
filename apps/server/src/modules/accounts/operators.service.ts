import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { normalizeEmail } from '../../lib/email.js';
import { AppError } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.writer.js';
import { countOperators, findUserByEmail, findUserById, setOperator } from './accounts.repository.js';
import * as repo from './operators.repository.js';

// Operators (SPEC §2.1): the instance's staff. The first account becomes one (auth.ts); operators and the CLI grant
// and remove the rights, and the LAST_OPERATOR rule keeps somebody able to run the instance.

export async function listOperators(deps: Deps<'db'>) {
  return { items: await repo.listOperators(deps.db) };
}

async function accountByEmail(trx: Executor, email: string) {
  const user = await findUserByEmail(trx, normalizeEmail(email));
  if (!user) throw new AppError('NOT_FOUND', `No account has the email ${normalizeEmail(email)}`);
  return user;
}

/** Grants operator rights; the event is written in the same transaction as the change. */
export async function grantOperator(deps: Deps<'db' | 'clock'>, actor: Actor, email: string) {
  return deps.db.transaction().execute(async (trx) => {
    const user = await accountByEmail(trx, email);
    const changed = await setOperator(trx, user.id, true);
    const entry = { targetType: 'user', targetId: user.id };
    if (changed)
      await recordAudit(
        trx,
        actor,
        { ...entry, action: 'operator.granted', after: { email: user.email } },
        deps.clock.now(),
      );
    return { changed };
  });
}

/** Removes operator rights, but never from the last operator: the instance would have nobody to run it. */
export async function removeOperator(deps: Deps<'db' | 'clock'>, actor: Actor, email: string) {
  return deps.db.transaction().execute(async (trx) => {
    const user = await accountByEmail(trx, email);
    if (user.is_operator && (await countOperators(trx)) <= 1) {
      throw new AppError('LAST_OPERATOR', 'This is the last operator; grant operator rights to someone else first');
    }
    const changed = await setOperator(trx, user.id, false);
    const entry = { targetType: 'user', targetId: user.id };
    if (changed)
      await recordAudit(
        trx,
        actor,
        { ...entry, action: 'operator.removed', before: { email: user.email } },
        deps.clock.now(),
      );
    return { changed };
  });
}

/** The same, for an account named by its id (the operator API's DELETE). */
export async function removeOperatorById(deps: Deps<'db' | 'clock'>, actor: Actor, userId: string) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw AppError.notFound('account');
  return removeOperator(deps, actor, user.email);
}
