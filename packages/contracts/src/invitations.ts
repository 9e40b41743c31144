import { z } from 'zod';
import { IdInput, SearchText } from './ids-input.js';

/** User Rights in an organization (SPEC §2.4): what a member is, and what an invitation will make its invitee. */
export const RIGHTS = ['member', 'admin'] as const;
export type Rights = (typeof RIGHTS)[number];
export const INVITE_MAX_ADDRESSES = 500;
/** A CSV upload may name up to this many addresses; the web sends them INVITE_MAX_ADDRESSES at a time. */
export const INVITE_CSV_MAX_ADDRESSES = 10_000;
export const INVITATION_MESSAGE_MAX = 2000;

/** Addresses as an administrator types them: separated by `;`, `,`, spaces or new lines. */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[;,\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** An invitee's first or last name as a CSV gives it: printable text, blank meaning none. */
export const INVITEE_NAME_MAX = 100;
const inviteeName = z
  .string()
  .trim()
  .max(INVITEE_NAME_MAX)
  .regex(/^\P{Cc}*$/u, { message: 'must not contain control characters' })
  .optional();
/** One address with the names to greet it by (the CSV columns `email,first_name,last_name`). */
export const Invitee = z.strictObject({
  email: z.string().max(320),
  firstName: inviteeName,
  lastName: inviteeName,
});
export type Invitee = z.infer<typeof Invitee>;

/**
 * Invite Member: the addresses as `emails` (raw text or a list) or as `invitees` (addresses with names), up to 500
 * a request either way; exactly one of the two.
 */
export const InviteRequest = z
  .strictObject({
    /** Raw text or a list; up to 500 addresses a request. */
    emails: z.union([z.string().max(100_000), z.array(z.string().max(320)).max(INVITE_MAX_ADDRESSES)]).optional(),
    /** Addresses with the invitee's names: kept on the invitation, shown on its row and used to greet them. */
    invitees: z.array(Invitee).max(INVITE_MAX_ADDRESSES).optional(),
    rights: z.enum(RIGHTS),
    message: z.string().max(INVITATION_MESSAGE_MAX).optional(),
  })
  .superRefine((request, ctx) => {
    if ((request.emails === undefined) === (request.invitees === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['emails'],
        message: 'give the addresses as emails or as invitees, one of the two',
      });
  });
export type InviteRequest = z.infer<typeof InviteRequest>;

export const INVITE_OUTCOMES = ['invited', 'already a member', 'already invited', 'invalid address'] as const;
export type InviteOutcome = (typeof INVITE_OUTCOMES)[number];
export const InviteResult = z.object({
  results: z.array(
    z.object({ email: z.string(), outcome: z.enum(INVITE_OUTCOMES), invitationId: z.string().nullable() }),
  ),
});

export const INVITATION_STATES = ['pending', 'expired', 'accepted', 'revoked', 'replaced'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** The steps of an invitation's history (SPEC §2.4), as recorded and as the history dialog names them. */
export const INVITATION_EVENTS = [
  'sent',
  'resent',
  'link copied',
  'expired',
  're-issued',
  'revoked',
  'accepted',
] as const;
export type InvitationEvent = (typeof INVITATION_EVENTS)[number];

/** What the public invitation page shows (by token, no session needed). */
export const InvitationView = z.object({
  organization: z.object({ name: z.string() }),
  inviter: z.object({ name: z.string() }).nullable(),
  email: z.string(),
  rights: z.enum(RIGHTS),
  state: z.enum(INVITATION_STATES),
  expiresAt: z.string(),
  /** The administrator's message, as written (plain text, line breaks kept). */
  message: z.string().nullable(),
  /** Only for the signed-in person who accepted it: the organization they joined, and when. */
  joined: z.object({ organizationId: z.string(), at: z.string() }).nullable(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const AcceptResult = z.object({
  organization: z.object({ id: z.string(), name: z.string() }),
  rights: z.enum(RIGHTS),
});
export const InvitationLink = z.object({ link: z.string() });
export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  rights: z.enum(RIGHTS),
  state: z.enum(INVITATION_STATES),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export const InvitationHistory = z.object({
  events: z.array(
    z.object({
      action: z.enum(INVITATION_EVENTS),
      actor: z.object({ name: z.string(), email: z.string() }).nullable(),
      at: z.string(),
    }),
  ),
});
export const ChangeRightsRequest = z.strictObject({ rights: z.enum(RIGHTS) });

/**
 * Sort by a column, A→Z / oldest first, or with `-` Z→A / newest first: email, name, the date the member joined or
 * was invited (`since`), or the last sign-in (rows without one, invitations among them, come last either way).
 */
export const MEMBER_SORTS = [
  'email',
  '-email',
  'name',
  '-name',
  'since',
  '-since',
  'lastSignIn',
  '-lastSignIn',
] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
/** Status column and filter: a member is Active; an invitation is PENDING until it expires. */
export const MEMBER_STATUSES = ['active', 'pending', 'expired'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** The filter of the Members list, and of a bulk action over "all N matching". */
export const MembersFilter = z.strictObject({
  q: SearchText.optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  /** The User Rights a member has, or an invitation will give. */
  rights: z.enum(RIGHTS).optional(),
});
export type MembersFilter = z.infer<typeof MembersFilter>;

/** The Members page: members and invitations in one list, with search, Status and User Rights filters, a sort and a cursor. */
export const MembersQuery = MembersFilter.extend({
  sort: z.enum(MEMBER_SORTS).default('email'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const USER_RIGHTS_LABELS = ['Admin', 'Member'] as const;
export type UserRightsLabel = (typeof USER_RIGHTS_LABELS)[number];
export const MEMBER_STATUS_LABELS = ['Active', 'PENDING', 'Invitation expired'] as const;
export type MemberStatusLabel = (typeof MEMBER_STATUS_LABELS)[number];
export const MemberRow = z.object({
  kind: z.enum(['member', 'invitation']),
  /** The user's id for a member, the invitation's id for an invitation. */
  id: z.string(),
  /** A member's name; an invitee's name when the invitation was given one (a CSV's first and last name). */
  name: z.string().nullable(),
  email: z.string(),
  /** What a member is, or what an invitation will make its invitee. */
  rights: z.enum(RIGHTS),
  userRights: z.enum(USER_RIGHTS_LABELS),
  status: z.enum(MEMBER_STATUSES),
  statusLabel: z.enum(MEMBER_STATUS_LABELS),
  /** Joined (members) or invited (invitations). */
  since: z.string(),
  lastSignInAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** The products a member holds (SPEC §2.5), by code; none for an invitation. */
  products: z.array(z.object({ assignmentId: z.string(), code: z.string(), name: z.string() })),
});
/** Exact counts of the whole organization, whatever the filter: the page's headline. */
export const MemberCounts = z.object({
  members: z.number().int(),
  administrators: z.number().int(),
  pending: z.number().int(),
  expired: z.number().int(),
});
export type MemberCounts = z.infer<typeof MemberCounts>;
export const MemberList = z.object({ items: z.array(MemberRow), nextCursor: z.string().nullable() });
/**
 * `GET …/members/counts`: the page's headline (the whole organization's counts, whatever the filter) and how many
 * rows the filter matches (what "Select all N matching" says). Asked beside the list, so a page never waits for
 * a count.
 */
export const MemberCountsAnswer = z.object({ counts: MemberCounts, matching: z.number().int() });
export type MemberCountsAnswer = z.infer<typeof MemberCountsAnswer>;
export type MemberList = z.infer<typeof MemberList>;

/** Rows one bulk request takes by id; past it, select by filter ("all N matching"). */
export const BULK_IDS_MAX = 10_000;
/**
 * Which rows a bulk action applies to: listed ids (members' user ids, invitations' ids), or every row a filter
 * matches when the request is handled, minus `except` (rows unticked after "select all N matching").
 */
export const BulkSelection = z.union([
  z.strictObject({ ids: z.array(IdInput).min(1).max(BULK_IDS_MAX) }),
  z.strictObject({ matching: MembersFilter, except: z.array(IdInput).max(BULK_IDS_MAX).default([]) }),
]);
export type BulkSelection = z.infer<typeof BulkSelection>;

export const BulkInvitationsRequest = z.strictObject({ selection: BulkSelection });
export const BulkRightsRequest = z.strictObject({ selection: BulkSelection, rights: z.enum(RIGHTS) });
export const BulkRemoveRequest = z.strictObject({
  selection: BulkSelection,
  /** Members who hold licenses are removed only with this, their licenses revoked with them. */
  revokeLicenses: z.boolean().default(false),
});

/**
 * Per-row outcomes of a bulk action. Done: `resent`, `revoked`, `changed`, `removed`. Unchanged or refused:
 * `already revoked` (revoked or replaced meanwhile), `already accepted`, `expired` (resend: send a new invitation instead),
 * `resend limit reached`, `already Admin` / `already Member`, `last administrator`, `yourself`, `holds licenses`,
 * `not found` (no such row in this organization, another organization's id included), `not an invitation`,
 * `not a member`.
 */
export const BULK_OUTCOMES = [
  'resent',
  'revoked',
  'changed',
  'removed',
  'already revoked',
  'already accepted',
  'expired',
  'resend limit reached',
  'already Admin',
  'already Member',
  'last administrator',
  'yourself',
  'holds licenses',
  'not found',
  'not an invitation',
  'not a member',
] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];
export const BulkResult = z.object({
  /** The audit event that records the action (null when nothing changed). */
  auditEventId: z.string().nullable(),
  results: z.array(
    z.object({
      id: z.string(),
      email: z.string().nullable(),
      name: z.string().nullable(),
      outcome: z.enum(BULK_OUTCOMES),
    }),
  ),
});
export type BulkResult = z.infer<typeof BulkResult>;
export type MemberRow = z.infer<typeof MemberRow>;
export type InviteResult = z.infer<typeof InviteResult>;
export type InvitationHistory = z.infer<typeof InvitationHistory>;
