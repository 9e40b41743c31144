import type { DB } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { normalizeEmail } from '../../lib/email.js';
import { AppError } from '../../lib/errors.js';
import { countOperators, findUserByEmail, setOperator } from '../accounts/accounts.repository.js';
import { recordAudit } from '../audit/audit.writer.js';

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
