import { AUDIT_ACTIONS, type AuditAction, type AuditEvent } from '@portico/contracts';

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
      if (typeof value === 'string' && value) return value;
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
