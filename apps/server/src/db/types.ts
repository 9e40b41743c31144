import type { Rights } from '@portico/contracts';
import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * The database as Kysely sees it. Timestamps are ISO strings written by us (Date objects when PostgreSQL reads
 * them back), so they are typed `string | Date` and read through lib/time.ts. Flags are integers 0/1 on both
 * dialects, except the Better Auth columns, which it converts itself.
 */
export type Timestamp = string | Date;

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  email_verified: boolean | number;
  image: string | null;
  is_operator: Generated<number>;
  /** Set at each sign-in (sessions are deleted at sign-out, so they cannot tell). */
  last_sign_in_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token: string;
  expires_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccountsTable {
  id: string;
  user_id: string;
  account_id: string;
  provider_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Timestamp | null;
  refresh_token_expires_at: Timestamp | null;
  scope: string | null;
  password: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutboxTable {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** pending → sending → sent | failed; a `sending` row whose lock has lapsed is taken again. */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  locked_until: Timestamp | null;
  last_error: string | null;
  organization_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: number;
  hits: number;
}

export interface IdempotencyKeysTable {
  id: string;
  fingerprint: string;
  /** Null while the first request is still running. */
  status_code: number | null;
  content_type: string | null;
  body: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface InstanceFlagsTable {
  name: string;
  value: string;
  created_at: Timestamp;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  code: string;
  claimed_by_user_id: string | null;
  claimed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProductsTable {
  id: string;
  code: string;
  name: string;
  kind: 'license' | 'service';
  type: string | null;
  /** Set when an operator retires the product: no new assets of it; the existing ones keep working. */
  retired_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Texts the operator sets for the instance (the Terms and Conditions); no row: the default that ships. */
export interface InstanceSettingsTable {
  name: string;
  value: string;
  updated_by_user_id: string | null;
  updated_at: Timestamp;
}

export interface AssetsTable {
  id: string;
  organization_id: string;
  product_id: string;
  serial: string;
  seats: number;
  mode: 'machine' | 'online' | null;
  starts_at: Timestamp;
  ends_at: Timestamp | null;
  status: 'active' | 'suspended';
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganizationMembersTable {
  organization_id: string;
  user_id: string;
  rights: Rights;
  /** Copies of the account's email and name, kept in step by upsertMember and renames, for the Members list. */
  email: Generated<string>;
  name: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganizationLinksTable {
  organization_id: string;
  user_id: string;
  asset_id: string;
  created_at: Timestamp;
}

export interface RegistrationRequestsTable {
  id: string;
  organization_id: string;
  user_id: string;
  asset_id: string;
  created_at: Timestamp;
}

export interface ContactsTable {
  id: string;
  organization_id: string;
  user_id: string | null;
  first_name: string;
  last_name: string;
  email: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContactRolesTable {
  contact_id: string;
  role: string;
}

export interface InvitationsTable {
  id: string;
  organization_id: string;
  email: string;
  rights: Rights;
  message: string | null;
  invited_by_user_id: string | null;
  status: 'pending' | 'accepted' | 'revoked' | 'replaced';
  expires_at: Timestamp;
  accepted_by_user_id: string | null;
  ended_at: Timestamp | null;
  /** The UTC day (YYYY-MM-DD) that resends_count counts, for the limit of 5 resends a day. */
  resends_day: string | null;
  resends_count: Generated<number>;
  /** The invitee's names as an administrator's CSV gave them: shown on the PENDING row and in the greeting. */
  first_name: string | null;
  last_name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InvitationEventsTable {
  id: string;
  invitation_id: string;
  action: string;
  actor_user_id: string | null;
  created_at: Timestamp;
}

export interface AssignmentsTable {
  id: string;
  organization_id: string;
  asset_id: string;
  product_id: string;
  product_type: string | null;
  user_id: string;
  status: 'active' | 'revoked';
  assigned_by_user_id: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by_user_id: string | null;
}

import type { AuditEventItemsTable, AuditEventsTable } from './types-audit.js';
import type {
  ActivationsTable,
  DeviceAuthorizationsTable,
  DeviceTokensTable,
  LicenseTransfersTable,
  LicensingDevicesTable,
  SigningKeysTable,
  TransferGrantsTable,
} from './types-licensing.js';

export type { AuditEventItemsTable, AuditEventsTable } from './types-audit.js';
export type {
  ActivationStatus,
  ActivationsTable,
  DeviceAuthorizationsTable,
  DeviceTokensTable,
  LicenseTransfersTable,
  LicensingDevicesTable,
  SigningKeysTable,
  TransferGrantsTable,
} from './types-licensing.js';

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  outbox_emails: OutboxTable;
  audit_events: AuditEventsTable;
  audit_event_items: AuditEventItemsTable;
  rate_limits: RateLimitsTable;
  idempotency_keys: IdempotencyKeysTable;
  instance_flags: InstanceFlagsTable;
  instance_settings: InstanceSettingsTable;
  organizations: OrganizationsTable;
  products: ProductsTable;
  assets: AssetsTable;
  organization_members: OrganizationMembersTable;
  organization_links: OrganizationLinksTable;
  registration_requests: RegistrationRequestsTable;
  contacts: ContactsTable;
  contact_roles: ContactRolesTable;
  invitations: InvitationsTable;
  invitation_events: InvitationEventsTable;
  assignments: AssignmentsTable;
  device_authorizations: DeviceAuthorizationsTable;
  device_tokens: DeviceTokensTable;
  signing_keys: SigningKeysTable;
  licensing_devices: LicensingDevicesTable;
  activations: ActivationsTable;
  license_transfers: LicenseTransfersTable;
  transfer_grants: TransferGrantsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewOutboxEmail = Insertable<OutboxTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
