import { z } from 'zod';

/**
 * Every action the audit log records (SPEC §2.8), by domain. The server writes only these; the web names each one.
 */
export const AUDIT_ACTIONS = [
  'account.signed_up',
  'account.verified',
  'account.renamed',
  'account.password_changed',
  'account.password_reset',
  'operator.granted',
  'operator.removed',
  'organization.created',
  'organization.renamed',
  'organization.claimed',
  'administrator.appointed',
  'administrator.removed',
  'registration.linked',
  'registration.requested',
  'product.created',
  'product.updated',
  'product.retired',
  'terms.updated',
  'asset.created',
  'asset.updated',
  'asset.suspended',
  'asset.reactivated',
  'assets.imported',
  'invitation.sent',
  'invitation.resent',
  'invitation.reissued',
  'invitation.revoked',
  'invitation.accepted',
  'member.rights_changed',
  'member.removed',
  'assignment.created',
  'assignment.revoked',
  'asset.mode_changed',
  'device.approved',
  'device.denied',
  'device.signed_out',
  'license.activated',
  'license.taken_over',
  'license.transferred',
  'license.checked_out',
  'license.released',
  'license.transfers_granted',
  'machine.activated',
  'machine.released',
  'signing_key.rotated',
  // Bulk actions: one event with its count; the rows are read from …/audit-events/{id}/items.
  'invitations.sent',
  'invitations.resent',
  'invitations.revoked',
  'members.rights_changed',
  'members.removed',
  'assignments.created',
  'assignments.revoked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Events a page of the audit log holds by default, and at most (SPEC §4.2). */
export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

/** An empty filter (`?action=`) means no filter, as a cleared form field sends it. */
const filter = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

/**
 * A bound of the date-range filter: a calendar day (`2026-11-29`) or an instant with its offset
 * (`2026-11-29T08:00:00Z`, `2026-11-29T09:00:00+01:00`). Empty, as a cleared date input sends it, means no bound.
 */
const dateBound = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((value) => value || undefined)
  .pipe(
    z
      .union([z.iso.date(), z.iso.datetime({ offset: true })], {
        message: 'must be a date such as 2026-11-29 or a date-time such as 2026-11-29T08:00:00Z',
      })
      .optional(),
  );

/**
 * `GET /api/v1/orgs/{org}/audit-events`: newest first, paged by an opaque cursor; `format=csv` answers every
 * matching event as one CSV download instead (cursor and limit do not apply to it).
 */
export const AuditQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_DEFAULT),
  /** One action, exactly, e.g. `member.removed`. */
  action: filter(100),
  /** Who did it: an email address (any case) or a user id (`usr_…`). */
  actor: filter(320),
  format: z.enum(['json', 'csv']).default('json'),
  /** Events at or after this day (its first instant, UTC) or instant. */
  from: dateBound,
  /** Events up to and including this day (its last instant, UTC) or instant. */
  to: dateBound,
});
export type AuditQuery = z.output<typeof AuditQuery>;

/** The operators' log across every organization, optionally of one (by id or code). */
export const OperatorAuditQuery = AuditQuery.extend({ organization: filter(100) });
export type OperatorAuditQuery = z.output<typeof OperatorAuditQuery>;
export const OperatorAuditActionsQuery = z.strictObject({ organization: filter(100) });

/** Who did it; name and email are null when the account no longer exists. Null actor: the system (CLI, worker). */
export const AuditActor = z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() });

/**
 * The state before or after a change: always a JSON object (a stored value of another shape comes wrapped as
 * `{ "value": … }`), so that the response serializer can write it and clients can list its fields.
 */
export const AuditState = z.record(z.string(), z.unknown()).nullable();

/**
 * What the event changed, named as it was at the time: a person's name and email, an invitee's name and address, an
 * asset's product name and serial (grouped), a product's name and code, an organization's name and code. Name and
 * detail are null for events recorded before Portico kept them, and for a bulk event (its rows are its items).
 */
export const AuditTarget = z.object({
  type: z.string(),
  id: z.string().nullable(),
  name: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditTarget = z.infer<typeof AuditTarget>;

export const AuditEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  action: z.string(),
  actor: AuditActor.nullable(),
  actorIp: z.string().nullable(),
  target: AuditTarget,
  /** A bulk action's number of rows (read them from `…/audit-events/{id}/items`); null for one target. */
  itemCount: z.number().int().nullable(),
  /** The same as target.type and target.id, kept for the clients written before `target`. */
  targetType: z.string(),
  targetId: z.string().nullable(),
  organizationId: z.string().nullable(),
  /** The organization's current name, so that the instance log can say whose each event is. */
  organizationName: z.string().nullable(),
  before: AuditState,
  after: AuditState,
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditEventList = z.object({ items: z.array(AuditEvent), nextCursor: z.string().nullable() });
export type AuditEventList = z.infer<typeof AuditEventList>;

/** The distinct actions recorded in a log, sorted: what the action filter offers. */
/** One row of a bulk event: whom it touched, named as at the time, and what happened to it. */
export const AuditEventItem = z.object({
  position: z.number().int(),
  target: z.object({ id: z.string().nullable(), name: z.string().nullable(), detail: z.string().nullable() }),
  /** e.g. `revoked`, `not pending`, `assigned`, `no seat available`. */
  outcome: z.string(),
});
export type AuditEventItem = z.infer<typeof AuditEventItem>;

export const AuditEventItemList = z.object({ items: z.array(AuditEventItem), nextCursor: z.string().nullable() });
export type AuditEventItemList = z.infer<typeof AuditEventItemList>;

/** `GET …/audit-events/{id}/items`: a bulk event's rows in the order they were processed. */
export const AuditEventItemsQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(AUDIT_PAGE_DEFAULT),
});
export type AuditEventItemsQuery = z.output<typeof AuditEventItemsQuery>;

export const AuditActionList = z.object({ actions: z.array(z.string()) });
export type AuditActionList = z.infer<typeof AuditActionList>;

/** The columns of the CSV export, in order (its header row). */
export const AUDIT_CSV_COLUMNS = [
  'id',
  'occurred_at',
  'action',
  'actor_id',
  'actor_name',
  'actor_email',
  'actor_ip',
  'target_type',
  'target_id',
  'target_name',
  'target_detail',
  'item_count',
  'organization_id',
  'organization_name',
  'before',
  'after',
] as const;
