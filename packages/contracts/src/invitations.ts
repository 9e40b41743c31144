import { z } from 'zod';
import { SearchText } from './ids-input.js';

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

export const InviteRequest = z.strictObject({
  /** Raw text or a list; up to 500 addresses a request. */
  emails: z.union([z.string().max(100_000), z.array(z.string().max(320)).max(INVITE_MAX_ADDRESSES)]),
  rights: z.enum(RIGHTS),
  message: z.string().max(INVITATION_MESSAGE_MAX).optional(),
});

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
});

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

/** By email (A→Z or Z→A) or by the date the member joined or was invited (oldest or newest first). */
export const MEMBER_SORTS = ['email', '-email', 'since', '-since'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
/** The Members page's status filter: members by their rights, invitations by whether they expired. */
export const MEMBER_STATUSES = ['admin', 'member', 'pending', 'expired'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/**
 * The Members page: members and invitations in one list, with search, a status filter, a sort (email A→Z or Z→A;
 * joined or invited date, oldest or newest first) and a cursor.
 */
export const MembersQuery = z.strictObject({
  q: SearchText.optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  sort: z.enum(MEMBER_SORTS).default('email'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const USER_RIGHTS_LABELS = ['Admin', 'Member', 'PENDING', 'Invitation expired'] as const;
export type UserRightsLabel = (typeof USER_RIGHTS_LABELS)[number];
export const MemberRow = z.object({
  kind: z.enum(['member', 'invitation']),
  /** The user's id for a member, the invitation's id for an invitation. */
  id: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  userRights: z.enum(USER_RIGHTS_LABELS),
  /** Joined (members) or invited (invitations). */
  since: z.string(),
  lastSignInAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** The products a member holds (SPEC §2.5), by code; none for an invitation. */
  products: z.array(z.object({ assignmentId: z.string(), code: z.string(), name: z.string() })),
});
export const MemberList = z.object({ items: z.array(MemberRow), nextCursor: z.string().nullable() });
export type MemberRow = z.infer<typeof MemberRow>;
export type InviteResult = z.infer<typeof InviteResult>;
export type InvitationHistory = z.infer<typeof InvitationHistory>;
