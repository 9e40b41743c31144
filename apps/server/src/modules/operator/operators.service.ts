import type { DB } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import { normalizeEmail } from '../../lib/email.js';
import {
  claimFirstOperator,
  countOperators,
  findFirstUser,
  findUserByEmail,
  isFirstOperatorClaimed,
  setOperator,
} from '../accounts/accounts.repository.js';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../audit/audit.repository.js';

/** Grants operator rights; the event is written in the same transaction as the change. */
export async function grantOperator(db: DB, clock: Clock, actor: Actor, email: string): Promise<{ changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, normalizeEmail(email));
    if (!user) throw new AppError('NOT_FOUND', `No account has the email ${normalizeEmail(email)}`);
    const changed = await setOperator(trx, user.id, true);
    if (changed)
      await recordAudit(
        trx,
        actor,
        { action: 'operator.granted', targetType: 'user', targetId: user.id, after: { email: user.email } },
        clock.now(),
      );
    return { changed };
  });
}

/** Removes operator rights, but never from the last operator: the instance would have nobody to run it. */
export async function removeOperator(db: DB, clock: Clock, actor: Actor, email: string): Promise<{ changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, normalizeEmail(email));
    if (!user) throw new AppError('NOT_FOUND', `No account has the email ${normalizeEmail(email)}`);
    if (user.is_operator && (await countOperators(trx)) <= 1) {
      throw new AppError('LAST_OPERATOR', 'This is the last operator; grant operator rights to someone else first');
    }
    const changed = await setOperator(trx, user.id, false);
    if (changed)
      await recordAudit(
        trx,
        actor,
        { action: 'operator.removed', targetType: 'user', targetId: user.id, before: { email: user.email } },
        clock.now(),
      );
    return { changed };
  });
}

/**
 * The first account's operator grant runs just after Better Auth commits the account (docs/adr/0002). Should the
 * process die in between, the instance would have accounts and no operator; this completes the grant at start.
 */
export async function completeFirstOperator(db: DB, clock: Clock): Promise<void> {
  if (await isFirstOperatorClaimed(db)) return;
  const first = await findFirstUser(db);
  if (!first || !(await claimFirstOperator(db, first.id, clock.now()))) return;
  await recordAudit(
    db,
    SYSTEM_ACTOR,
    {
      action: 'operator.granted',
      targetType: 'user',
      targetId: first.id,
      after: { reason: 'first account, completed at start' },
    },
    clock.now(),
  );
}
