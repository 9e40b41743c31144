import type { Migration } from 'kysely';
import * as createAccounts from './2026_11_21_220000_create_accounts.js';
import * as createOutboxAuditRateLimits from './2026_11_21_220100_create_outbox_audit_rate_limits.js';
import * as createOrganizationsAndAssets from './2026_11_21_230000_create_organizations_and_assets.js';
import * as createInvitations from './2026_11_21_233000_create_invitations.js';
import * as indexMemberDirectory from './2026_11_21_235000_index_member_directory.js';
import * as indexMemberDates from './2026_11_22_090000_index_member_dates.js';
import * as addUsersLastSignIn from './2026_11_22_091000_add_users_last_sign_in.js';
import * as indexAuditFilters from './2026_11_22_100000_index_audit_filters.js';
import * as coverMemberDirectory from './2026_11_22_110000_cover_member_directory.js';
import * as createIdempotencyKeys from './2026_11_22_120000_create_idempotency_keys.js';
import * as createAssignments from './2026_11_29_100000_create_assignments.js';
import * as createOnlineLicensing from './2026_11_29_200000_create_online_licensing.js';
import * as indexAssignmentsOfUser from './2026_11_29_210000_index_assignments_of_user.js';
import * as readableAuditAndInviteeNames from './2026_11_29_220000_readable_audit_and_invitee_names.js';
import * as addInstanceSettingsAndRetiredProducts from './2026_11_29_230000_add_instance_settings_and_retired_products.js';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_21_220000_create_accounts': createAccounts,
  '2026_11_21_220100_create_outbox_audit_rate_limits': createOutboxAuditRateLimits,
  '2026_11_21_230000_create_organizations_and_assets': createOrganizationsAndAssets,
  '2026_11_21_233000_create_invitations': createInvitations,
  '2026_11_21_235000_index_member_directory': indexMemberDirectory,
  '2026_11_22_090000_index_member_dates': indexMemberDates,
  '2026_11_22_091000_add_users_last_sign_in': addUsersLastSignIn,
  '2026_11_22_100000_index_audit_filters': indexAuditFilters,
  '2026_11_22_110000_cover_member_directory': coverMemberDirectory,
  '2026_11_22_120000_create_idempotency_keys': createIdempotencyKeys,
  '2026_11_29_100000_create_assignments': createAssignments,
  '2026_11_29_200000_create_online_licensing': createOnlineLicensing,
  '2026_11_29_210000_index_assignments_of_user': indexAssignmentsOfUser,
  '2026_11_29_220000_readable_audit_and_invitee_names': readableAuditAndInviteeNames,
  '2026_11_29_230000_add_instance_settings_and_retired_products': addInstanceSettingsAndRetiredProducts,
};
