import type { MemberCounts, MemberRow } from '@portico/contracts';
import type { MemberSelection } from './selection';

/** Every action of the selection bar: the server's bulk actions, and the product actions of the assignments issue. */
export const BAR_ACTIONS = [
  'resend',
  'revoke',
  'make-admin',
  'make-member',
  'assign',
  'revoke-product',
  'remove',
] as const;
export type BarAction = (typeof BAR_ACTIONS)[number];

/** Whether an action can apply to anything selected; when not, why, in words the bar shows. */
export type Availability = { enabled: true } | { enabled: false; reason: string };

const yes: Availability = { enabled: true };
const no = (reason: string): Availability => ({ enabled: false, reason });

export const REASONS = {
  noInvitation: 'No invitation is selected.',
  expiredOnly: 'Expired invitations cannot be resent: send a new invitation from the row menu.',
  noMember: 'No member is selected.',
  allAdmin: 'Everyone selected is already Admin.',
  noAdmin: 'Nobody selected is Admin.',
  yourself: 'You cannot change your own User Rights or remove yourself.',
  lastAdministrator: 'The last administrator keeps Admin rights: make someone else Admin first.',
} as const;

export interface AvailabilityContext {
  /** The signed-in administrator's user id: the server refuses to demote or remove them. */
  self: string | null;
  /** The organization's counts from the first page (null while loading). */
  counts: MemberCounts | null;
}

/** For ticked rows, every fact is known: an action is offered when at least one row can take it. */
function forRows(rows: MemberRow[], { self, counts }: AvailabilityContext): Record<BarAction, Availability> {
  const invitations = rows.filter((row) => row.kind === 'invitation');
  const members = rows.filter((row) => row.kind === 'member');
  const others = members.filter((row) => row.id !== self);
  const admins = members.filter((row) => row.rights === 'admin');
  const otherAdmins = admins.filter((row) => row.id !== self);
  const lastAdmin = counts !== null && counts.administrators <= 1;
  const memberAction = members.length > 0 ? yes : no(REASONS.noMember);

  const removable = () => {
    if (members.length === 0) return no(REASONS.noMember);
    if (others.length === 0) return no(REASONS.yourself);
    if (lastAdmin && others.every((row) => row.rights === 'admin')) return no(REASONS.lastAdministrator);
    return yes;
  };
  const demotable = () => {
    if (members.length === 0) return no(REASONS.noMember);
    if (admins.length === 0) return no(REASONS.noAdmin);
    if (otherAdmins.length === 0) return no(REASONS.yourself);
    return lastAdmin ? no(REASONS.lastAdministrator) : yes;
  };
  return {
    resend: invitations.some((row) => row.status === 'pending')
      ? yes
      : no(invitations.length > 0 ? REASONS.expiredOnly : REASONS.noInvitation),
    revoke: invitations.length > 0 ? yes : no(REASONS.noInvitation),
    'make-admin':
      members.length === 0 ? no(REASONS.noMember) : admins.length < members.length ? yes : no(REASONS.allAdmin),
    'make-member': demotable(),
    assign: memberAction,
    'revoke-product': memberAction,
    remove: removable(),
  };
}

/**
 * For "all N matching", the rows are not all known: an action is refused only when the filter (or the
 * organization's counts) rules it out for certain; the server answers the rest per row.
 */
function forMatching(selection: Extract<MemberSelection, { mode: 'matching' }>, { counts }: AvailabilityContext) {
  const { status, rights } = selection.filter;
  const noInvitations =
    status === 'active' || (status === undefined && counts !== null && counts.pending + counts.expired === 0);
  const noPending = status === 'expired' || (counts !== null && counts.pending === 0);
  const noMembers = status === 'pending' || status === 'expired' || (counts !== null && counts.members === 0);
  const memberAction = noMembers ? no(REASONS.noMember) : yes;
  const resend = noInvitations ? no(REASONS.noInvitation) : noPending ? no(REASONS.expiredOnly) : yes;
  return {
    resend,
    revoke: noInvitations ? no(REASONS.noInvitation) : yes,
    'make-admin': noMembers ? no(REASONS.noMember) : rights === 'admin' ? no(REASONS.allAdmin) : yes,
    'make-member': noMembers
      ? no(REASONS.noMember)
      : rights === 'member'
        ? no(REASONS.noAdmin)
        : counts !== null && counts.administrators <= 1
          ? no(REASONS.lastAdministrator)
          : yes,
    assign: memberAction,
    'revoke-product': memberAction,
    remove: memberAction,
  } satisfies Record<BarAction, Availability>;
}

export function availability(
  selection: MemberSelection,
  context: AvailabilityContext,
): Record<BarAction, Availability> {
  if (selection.mode === 'rows') return forRows([...selection.rows.values()], context);
  return forMatching(selection, context);
}

type ServerAction = Exclude<BarAction, 'assign' | 'revoke-product'>;

/**
 * How many selected rows an action applies to, when that is known: every ticked row is, and a filter on Status
 * says which kind all matching rows are. Null when a filter mixes members and invitations.
 */
export function applicableCount(action: ServerAction, selection: MemberSelection, self: string | null): number | null {
  if (selection.mode === 'matching') {
    const { status, rights } = selection.filter;
    const count = Math.max(0, selection.matching - selection.except.size);
    const invitations = status === 'pending' || status === 'expired';
    if (action === 'resend' || action === 'revoke') return invitations ? count : null;
    if (status !== 'active') return null;
    if (action === 'make-admin') return rights === 'member' ? count : null;
    if (action === 'make-member') return rights === 'admin' ? count : null;
    return count;
  }
  const rows = [...selection.rows.values()];
  const members = rows.filter((row) => row.kind === 'member');
  const others = members.filter((row) => row.id !== self);
  const matches: Record<ServerAction, () => number> = {
    resend: () => rows.filter((row) => row.kind === 'invitation' && row.status === 'pending').length,
    revoke: () => rows.length - members.length,
    'make-admin': () => members.filter((row) => row.rights === 'member').length,
    'make-member': () => others.filter((row) => row.rights === 'admin').length,
    remove: () => others.length,
  };
  return matches[action]();
}
