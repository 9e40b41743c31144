import type { BulkOutcome, BulkResult } from '@portico/contracts';
import { type BulkResults, type ItemResult, personLabel, type ResultTone } from '../../lib/results';

// The server's bulk actions (resend, revoke, change rights, remove) in the words of the confirmation and results.

export type ServerAction = 'resend' | 'revoke' | 'make-admin' | 'make-member' | 'remove';

const number = new Intl.NumberFormat();
const plural = (n: number, one: string, many = `${one}s`) => `${number.format(n)} ${n === 1 ? one : many}`;

/** Done, unchanged (nothing to do: already so, or not that kind of row) or refused (the outcome says why). */
export const OUTCOME_TONES: Record<BulkOutcome, ResultTone> = {
  resent: 'done',
  revoked: 'done',
  changed: 'done',
  removed: 'done',
  'already revoked': 'unchanged',
  'already accepted': 'unchanged',
  'already Admin': 'unchanged',
  'already Member': 'unchanged',
  'not an invitation': 'unchanged',
  'not a member': 'unchanged',
  expired: 'refused',
  'resend limit reached': 'refused',
  'last administrator': 'refused',
  yourself: 'refused',
  'holds licenses': 'refused',
  'not found': 'refused',
};

/** What each action does, said before it is confirmed and in its results. */
export const ACTION_COPY: Record<
  ServerAction,
  { noun: string; title: (what: string) => string; done: string; danger: boolean; explain: string; others: string }
> = {
  resend: {
    noun: 'invitation',
    title: (what) => `Resend ${what}`,
    done: 'resent',
    danger: false,
    explain: 'Each pending invitation is emailed again with its original link and message; the expiry stays.',
    others: 'Expired invitations and members in the selection are left alone.',
  },
  revoke: {
    noun: 'invitation',
    title: (what) => `Revoke ${what}`,
    done: 'revoked',
    danger: true,
    explain: 'The links sent stop working at once. You can invite the addresses again later.',
    others: 'Members in the selection are left alone.',
  },
  'make-admin': {
    noun: 'member',
    title: (what) => `Change ${what} to Admin`,
    done: 'changed to Admin',
    danger: false,
    explain:
      'They get Admin rights in this organization: they can invite and remove members, change User Rights and assign products.',
    others: 'Invitations and Admins in the selection are left alone.',
  },
  'make-member': {
    noun: 'member',
    title: (what) => `Change ${what} to Member`,
    done: 'changed to Member',
    danger: true,
    explain: 'They lose Admin rights and keep their products.',
    others:
      'You stay Admin, and so does the last administrator; invitations and Members in the selection are left alone.',
  },
  remove: {
    noun: 'member',
    title: (what) => `Remove ${what}`,
    done: 'removed',
    danger: true,
    explain: 'They lose access to this organization at once. Their accounts stay; you can invite them again later.',
    others: 'You cannot remove yourself or the last administrator; invitations in the selection are left alone.',
  },
};

/**
 * The dialog's title and confirm button: "Revoke 48 invitations" when the rows it applies to are counted (ticked
 * rows, or a filter of one kind), else "Revoke the invitations among 1,204 selected".
 */
export function confirmLabel(action: ServerAction, count: { applicable: number | null; selected: number }): string {
  const { noun, title } = ACTION_COPY[action];
  if (count.applicable !== null) return title(plural(count.applicable, noun));
  return title(`the ${noun}s among ${number.format(count.selected)} selected`);
}

/** The per-row answer as the results panel shows it: "48 of 48 invitations revoked". */
export function bulkResults(action: ServerAction, answer: BulkResult): BulkResults {
  const items = answer.results.map(
    (row): ItemResult => ({
      key: row.id,
      who: row.email ? personLabel({ name: row.name, email: row.email }) : (row.name ?? row.id),
      outcome: row.outcome,
      tone: OUTCOME_TONES[row.outcome],
    }),
  );
  // Rows of the other kind (a member in a Revoke invitation) are reported, but the title counts only the others.
  const concerned = answer.results.filter((r) => r.outcome !== 'not an invitation' && r.outcome !== 'not a member');
  const done = items.filter((item) => item.tone === 'done').length;
  const { noun, done: verb } = ACTION_COPY[action];
  const total = plural(concerned.length, noun);
  return { title: `${number.format(done)} of ${total} ${verb}`, items };
}

/** "48 done · 0 unchanged · 0 refused". */
export function toneSummary(items: ItemResult[]): string {
  const count = (tone: ResultTone) => number.format(items.filter((item) => item.tone === tone).length);
  return `${count('done')} done · ${count('unchanged')} unchanged · ${count('refused')} refused`;
}
