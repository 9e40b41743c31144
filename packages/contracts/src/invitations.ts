import { z } from 'zod';

export const RIGHTS = ['member', 'admin'] as const;
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
export const InviteResult = z.object({
  results: z.array(
    z.object({ email: z.string(), outcome: z.enum(INVITE_OUTCOMES), invitationId: z.string().nullable() }),
  ),
});

export const INVITATION_STATES = ['pending', 'expired', 'accepted', 'revoked', 'replaced'] as const;

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
      action: z.string(),
      actor: z.object({ name: z.string(), email: z.string() }).nullable(),
      at: z.string(),
    }),
  ),
});
export const ChangeRightsRequest = z.strictObject({ rights: z.enum(RIGHTS) });

export const MEMBER_SORTS = ['email', '-email', 'since', '-since'] as const;

/**
 * The Members page: members and invitations in one list, with search, a status filter, a sort (email A→Z or Z→A;
 * joined or invited date, oldest or newest first) and a cursor.
 */
export const MembersQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  status: z.enum(['admin', 'member', 'pending', 'expired']).optional(),
  sort: z.enum(MEMBER_SORTS).default('email'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const USER_RIGHTS_LABELS = ['Admin', 'Member', 'PENDING', 'Invitation expired'] as const;
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
});
export const MemberList = z.object({ items: z.array(MemberRow), nextCursor: z.string().nullable() });
export type MemberRow = z.infer<typeof MemberRow>;
export type InviteResult = z.infer<typeof InviteResult>;
export type InvitationHistory = z.infer<typeof InvitationHistory>;
