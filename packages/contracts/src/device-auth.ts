import { z } from 'zod';

// The desktop application's browser sign-in (RFC 8628) and Signed-in devices (SPEC §2.5, §4.1).

/** Printable text a machine reports about itself. */
const printable = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^\P{Cc}*$/u, { message: 'must not contain control characters' });

export const DEVICE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628 §6.1: 20 consonants, no vowels (no words) and nothing easily confused. */
export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

/** `POST /api/v1/licensing/device/code`, form-encoded. Beyond the RFC: what the approval page shows. */
export const DeviceCodeRequest = z.object({
  client_id: printable(100),
  scope: z.string().max(200).optional(),
  /** The application's name as the user knows it; defaults to client_id. */
  application: printable(100).optional(),
  machine_name: printable(100).optional(),
  platform: printable(50).optional(),
  app_version: printable(50).optional(),
});
export const DeviceCodeResponse = z.object({
  device_code: z.string(),
  user_code: z.string(),
  verification_uri: z.string(),
  verification_uri_complete: z.string(),
  expires_in: z.number(),
  interval: z.number(),
});
export const DeviceTokenRequest = z.object({
  grant_type: z.string().max(200),
  device_code: z.string().max(200).optional(),
  client_id: z.string().max(100).optional(),
});
export const DeviceTokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number(),
  scope: z.string(),
});
/** RFC 6749 §5.2 / RFC 8628 §3.5 error answer (status 400). */
export const OAuthErrorResponse = z.object({ error: z.string(), error_description: z.string().optional() });

/** What the `/device` page shows about a request, by its user code (session). */
export const DeviceRequestView = z.object({
  userCode: z.string(),
  application: z.string(),
  clientId: z.string(),
  machineName: z.string().nullable(),
  platform: z.string().nullable(),
  appVersion: z.string().nullable(),
  requestedAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['pending', 'approved', 'denied', 'expired']),
});
export type DeviceRequestView = z.infer<typeof DeviceRequestView>;
export const DeviceDecisionRequest = z.strictObject({ decision: z.enum(['approve', 'deny']) });
/** A user code as typed: any case, with or without the dash or spaces. */
export const UserCodeParams = z.object({ userCode: z.string().trim().min(1).max(20) });

/** Signed-in devices on the account page: the desktop applications holding a token. */
export const SignedInDevice = z.object({
  id: z.string(),
  application: z.string(),
  machineName: z.string().nullable(),
  platform: z.string().nullable(),
  signedInAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string(),
});
export const SignedInDevices = z.object({ items: z.array(SignedInDevice) });
export type SignedInDevice = z.infer<typeof SignedInDevice>;
