/** As in types.ts: ISO strings written by us, Date objects when PostgreSQL reads timestamptz. */
type Timestamp = string | Date;

// The tables of online licensing: device sign-in, signing keys, devices, activations, transfers and grants.

export interface DeviceAuthorizationsTable {
  id: string;
  device_code_hash: string;
  user_code: string;
  client_id: string;
  application: string;
  machine_name: string | null;
  platform: string | null;
  app_version: string | null;
  request_ip: string | null;
  status: 'pending' | 'approved' | 'denied' | 'consumed';
  user_id: string | null;
  interval_seconds: number;
  last_polled_at: Timestamp | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  decided_at: Timestamp | null;
}

export interface DeviceTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  authorization_id: string | null;
  client_id: string;
  application: string;
  machine_name: string | null;
  platform: string | null;
  /** Space-separated, e.g. `licensing`. */
  scopes: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface SigningKeysTable {
  kid: string;
  generation: number;
  algorithm: string;
  public_jwk: string;
  /** Encrypted under a key derived from SECRET. */
  private_key: string;
  created_at: Timestamp;
  retired_at: Timestamp | null;
}

export interface LicensingDevicesTable {
  id: string;
  organization_id: string;
  user_id: string;
  product_id: string;
  name: string;
  platform: string;
  app_version: string | null;
  components: string;
  fingerprint_hash: string;
  registered_at: Timestamp;
  last_seen_at: Timestamp;
  removed_at: Timestamp | null;
  replaced_by_device_id: string | null;
}

export type ActivationStatus = 'active' | 'released' | 'transferred' | 'expired' | 'revoked';

export interface ActivationsTable {
  id: string;
  organization_id: string;
  asset_id: string;
  product_id: string;
  kind: 'online' | 'machine';
  user_id: string | null;
  assignment_id: string | null;
  device_id: string | null;
  token_id: string | null;
  components: string;
  fingerprint_hash: string;
  machine_name: string;
  platform: string;
  app_version: string | null;
  status: ActivationStatus;
  lease_expires_at: Timestamp;
  offline_until: Timestamp | null;
  last_contact_at: Timestamp;
  created_at: Timestamp;
  ended_at: Timestamp | null;
  ended_reason: string | null;
  ended_by_user_id: string | null;
  successor_id: string | null;
}

export interface LicenseTransfersTable {
  id: string;
  organization_id: string;
  user_id: string;
  product_id: string;
  device_id: string;
  replaced_device_id: string;
  created_at: Timestamp;
}

export interface TransferGrantsTable {
  id: string;
  organization_id: string;
  user_id: string;
  product_id: string;
  count: number;
  reason: string;
  granted_by_user_id: string | null;
  created_at: Timestamp;
}
