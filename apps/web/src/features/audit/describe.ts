import { AUDIT_ACTIONS, type AuditAction, type AuditEvent, formatSerial } from '@portico/contracts';

/**
 * What each recorded action means, in the words of the UI (SPEC's bold labels where there is one): every action of
 * the contracts must have one. An action this build does not know (an older or newer server's) still shows, as its
 * code made readable (`widget.frobbed` → "Widget frobbed").
 */
const ACTION_LABELS: Record<AuditAction, string> = {
  'account.signed_up': 'Account created',
  'account.verified': 'Email address verified',
  'account.renamed': 'Name changed',
  'account.password_changed': 'Password changed',
  'account.password_reset': 'Password reset',
  'operator.granted': 'Operator rights granted',
  'operator.removed': 'Operator rights removed',
  'organization.created': 'Organization created',
  'organization.renamed': 'Organization renamed',
  'organization.claimed': 'Promoted to Administrator',
  'administrator.appointed': 'Administrator appointed',
  'administrator.removed': 'Administrator removed',
  'product.created': 'Product created',
  'product.updated': 'Product changed',
  'product.retired': 'Product retired',
  'terms.updated': 'Terms and Conditions changed',
  'asset.created': 'Asset added',
  'asset.updated': 'Asset changed',
  'asset.suspended': 'Asset suspended',
  'asset.reactivated': 'Asset reactivated',
  'assets.imported': 'Assets imported',
  'registration.linked': 'Serial number registered',
  'registration.requested': 'Registration request sent to administrators',
  'invitation.sent': 'Invitation sent',
  'invitation.resent': 'Invitation link resent',
  'invitation.reissued': 'New invitation sent',
  'invitation.revoked': 'Invitation revoked',
  'invitation.accepted': 'Invitation accepted',
  'member.rights_changed': 'User Rights changed',
  'member.removed': 'Member removed',
  'assignment.created': 'Product assigned',
  'assignment.revoked': 'Product revoked',
  'asset.mode_changed': 'Online licensing enabled',
  'device.approved': 'Desktop sign-in approved',
  'device.denied': 'Desktop sign-in denied',
  'device.signed_out': 'Desktop application signed out',
  'license.activated': 'License activated on a device',
  'license.taken_over': 'License moved to another device',
  'license.transferred': 'Device replaced (transfer)',
  'license.checked_out': 'Offline lease checked out',
  'license.released': 'License released',
  'license.transfers_granted': 'Extra transfers granted',
  'machine.activated': 'Machine activated',
  'machine.released': 'Machine released',
  'signing_key.rotated': 'Lease signing key rotated',
  'invitations.sent': 'Invitations sent',
  'invitations.resent': 'Invitation links resent',
  'invitations.revoked': 'Invitations revoked',
  'members.rights_changed': 'User Rights changed (several members)',
  'members.removed': 'Members removed',
  'assignments.created': 'Products assigned (several members)',
  'assignments.revoked': 'Licenses revoked',
};

/** A bulk event in one line, "Revoked 48 invitations": what was done, how many rows, and what they were. */
const BULK_PHRASES: Partial<Record<AuditAction, [verb: string, one: string, many: string]>> = {
  'invitations.sent': ['Sent', 'invitation', 'invitations'],
  'invitations.resent': ['Resent', 'invitation link', 'invitation links'],
  'invitations.revoked': ['Revoked', 'invitation', 'invitations'],
  'members.rights_changed': ['Changed the User Rights of', 'member', 'members'],
  'members.removed': ['Removed', 'member', 'members'],
  'assignments.created': ['Assigned a product to', 'member', 'members'],
  'assignments.revoked': ['Revoked', 'license', 'licenses'],
};

const TARGET_LABELS: Record<string, string> = {
  user: 'User',
  invitation: 'Invitation',
  organization: 'Organization',
  asset: 'Asset',
  product: 'Product',
  registration_request: 'Registration request',
  assignment: 'Assignment',
  activation: 'Activation',
  device: 'Registered device',
  device_authorization: 'Desktop sign-in',
  device_token: 'Signed-in device',
  signing_key: 'Signing key',
};

/** `member.rights_changed` → "Member rights changed", `registration_request` → "Registration request". */
function readable(code: string): string {
  const words = code.replace(/[._]+/g, ' ').trim();
  return words ? words[0]?.toUpperCase() + words.slice(1) : code;
}

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

/** The log's action is a plain string: recorded events outlive the names of the build that shows them. */
function isAuditAction(action: string): action is AuditAction {
  return KNOWN_ACTIONS.has(action);
}

export function actionLabel(action: string): string {
  return isAuditAction(action) ? ACTION_LABELS[action] : readable(action);
}

export function targetTypeLabel(targetType: string): string {
  return TARGET_LABELS[targetType] ?? readable(targetType);
}

/** "48 invitations": a bulk event's rows, named after what its action touches ("rows" for an action unknown here). */
export function bulkRows(action: string, count: number): string {
  const phrase = isAuditAction(action) ? BULK_PHRASES[action] : undefined;
  const [one, many] = phrase ? [phrase[1], phrase[2]] : ['row', 'rows'];
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** What the log says an event did: "Revoked 48 invitations" for a bulk event, the action's label otherwise. */
export function eventSummary(event: Pick<AuditEvent, 'action' | 'itemCount'>): string {
  if (event.itemCount === null) return actionLabel(event.action);
  const phrase = isAuditAction(event.action) ? BULK_PHRASES[event.action] : undefined;
  const verb = phrase?.[0] ?? actionLabel(event.action);
  return `${verb} ${bulkRows(event.action, event.itemCount)}`;
}

/**
 * The target as the table shows it, in two lines: a bulk event's row count; what the event recorded about its
 * target at the time (name, then email, serial or code); for events older than those, a name from the recorded
 * state, else the id.
 */
export function targetLines(
  event: Pick<AuditEvent, 'action' | 'itemCount' | 'target' | 'targetId' | 'before' | 'after'>,
): { primary: string | null; secondary: string | null } {
  if (event.itemCount !== null) return { primary: bulkRows(event.action, event.itemCount), secondary: null };
  const { name, detail } = event.target;
  if (name || detail) return { primary: name ?? detail, secondary: name ? detail : null };
  return { primary: targetName(event), secondary: null };
}

/** The fields of before/after that name what was changed, most telling first. */
const NAMING_FIELDS = ['email', 'serial', 'name', 'code', 'device', 'machine', 'machineName', 'application'] as const;

/**
 * A short name for what the event changed: a person's email, an asset's serial, a product's code, taken from the
 * recorded state when it has one; otherwise the id.
 */
export function targetName(event: Pick<AuditEvent, 'targetId' | 'before' | 'after'>): string | null {
  for (const state of [event.after, event.before]) {
    for (const field of NAMING_FIELDS) {
      const value = state?.[field];
      if (typeof value === 'string' && value) return field === 'serial' ? formatSerial(value) : value;
    }
  }
  return event.targetId;
}

/** A recorded value as text: strings as they are, anything else as compact JSON; absent as an em dash. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A recorded value of a named field: serials in their groups of four, as everywhere else; the rest as formatValue. */
export function formatField(field: string, value: unknown): string {
  return field === 'serial' && typeof value === 'string' ? formatSerial(value) : formatValue(value);
}

export interface ChangeRow {
  field: string;
  before: unknown;
  after: unknown;
}

/** before/after as one row per field, in the order the fields first appear; unchanged fields stay (context). */
export function changeRows(event: Pick<AuditEvent, 'before' | 'after'>): ChangeRow[] {
  const fields = [...new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})])];
  return fields.map((field) => ({ field, before: event.before?.[field], after: event.after?.[field] }));
}
