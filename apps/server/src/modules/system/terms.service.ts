import type { Terms } from '@portico/contracts';
import type { Deps } from '../../deps.js';
import type { Actor } from '../../lib/actor.js';
import { toIsoString } from '../../lib/time.js';
import { recordAudit } from '../audit/audit.writer.js';
import { DEFAULT_TERMS } from './default-terms.js';
import * as repo from './settings.repository.js';

// The Terms and Conditions the First Moment of Truth asks to accept (SPEC §2.3): the operator's text, or the one
// that ships. Public, so that the page behind the checkbox's link (/terms) opens for anyone.

const TERMS = 'terms';

export async function getTerms(deps: Deps<'db'>): Promise<Terms> {
  const row = await repo.findSetting(deps.db, TERMS);
  if (!row) return { text: DEFAULT_TERMS, isDefault: true, updatedAt: null };
  return { text: row.value, isDefault: false, updatedAt: toIsoString(row.updated_at) };
}

/**
 * Sets the instance's terms, or with null goes back to the default text. The audit event keeps the text set, so the
 * log tells which terms were in force when an administrator accepted them.
 */
export async function setTerms(deps: Deps<'db' | 'clock'>, actor: Actor, text: string | null): Promise<Terms> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (text === null) {
      if (!(await repo.deleteSetting(trx, TERMS))) return;
    } else await repo.saveSetting(trx, TERMS, text, actor.userId, now);
    const after = text === null ? { default: true } : { text };
    await recordAudit(
      trx,
      actor,
      { action: 'terms.updated', targetType: 'instance', targetName: 'Terms and Conditions', after },
      now,
    );
  });
  return getTerms(deps);
}
