import type { Timestamp } from './types.js';

// The audit log's tables (SPEC §2.8), beside the others in types.ts.

export interface AuditEventsTable {
  id: string;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_ip: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  organization_id: string | null;
  /** JSON text of the state before and after the change, where relevant. */
  before_json: string | null;
  after_json: string | null;
  /** The target as it was at the time: a display name, and an email, serial, product code or organization name. */
  target_name: string | null;
  target_detail: string | null;
  /** A bulk action's number of rows (audit_event_items); null for an event about one target. */
  item_count: number | null;
}

/** The rows of a bulk audit event, in the order they were processed, each with its own outcome. */
export interface AuditEventItemsTable {
  event_id: string;
  position: number;
  target_id: string | null;
  target_name: string | null;
  target_detail: string | null;
  outcome: string;
}
