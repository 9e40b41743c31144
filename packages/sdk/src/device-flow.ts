import type { ClientCore } from './core.js';
import { PorticoLicenseError, RequestError, SignInError, UnreachableError } from './errors.js';
import type { PendingSignIn } from './store.js';
import { DEVICE_GRANT_TYPE, type DeviceCodeResponse, type DeviceTokenResponse } from './types.js';

export interface SignInRequest {
  /** The application's client id (e.g. `acme-cad`). */
  clientId: string;
  /** The application's name as the user knows it, shown on the approval page (default: clientId). */
  application?: string;
  /** What the approval page shows about this machine. */
  machine?: { name?: string; platform?: string; appVersion?: string };
}

/** A browser sign-in in progress (RFC 8628): show the code and the URL, then wait. */
export interface SignIn {
  userCode: string;
  verificationUri: string;
  /** The URL with the code filled in (for a link or a QR code). */
  verificationUriComplete: string;
  /** Seconds the code stays valid. */
  expiresIn: number;
  /** Seconds between polls. */
  interval: number;
  /**
   * Polls until the user approves (the token is then stored) or the sign-in ends: rejects with a SignInError
   * (`access_denied`, `expired_token`, or `aborted` through the signal).
   */
  wait(options?: { signal?: AbortSignal }): Promise<void>;
}

/** RFC 8628 §3.5: a `slow_down` answer adds 5 seconds to the interval, for this and every later poll. */
export const SLOW_DOWN_STEP_SECONDS = 5;
const DEFAULT_INTERVAL_SECONDS = 5;

export async function startSignIn(core: ClientCore, request: SignInRequest): Promise<SignIn> {
  const reply = await core.send<DeviceCodeResponse>('POST', '/api/v1/licensing/device/code', {
    form: {
      client_id: request.clientId,
      scope: 'licensing',
      application: request.application,
      machine_name: request.machine?.name,
      platform: request.machine?.platform,
      app_version: request.machine?.appVersion,
    },
  });
  if (reply.kind === 'unreachable') throw new UnreachableError(reply.message, reply.status);
  if (reply.kind === 'refused') throw new RequestError(reply.code, reply.message, reply.status);
  const code = reply.body;
  const state = await core.loaded();
  state.pendingSignIn = {
    clientId: request.clientId,
    deviceCode: code.device_code,
    userCode: code.user_code,
    verificationUri: code.verification_uri,
    verificationUriComplete: code.verification_uri_complete,
    interval: code.interval > 0 ? code.interval : DEFAULT_INTERVAL_SECONDS,
    expiresAt: core.now() + code.expires_in * 1000,
  };
  await core.save();
  return handle(core, state.pendingSignIn);
}

/** The sign-in started earlier and not finished (a `login --no-wait`), or null. */
export async function resumeSignIn(core: ClientCore): Promise<SignIn | null> {
  const pending = (await core.loaded()).pendingSignIn;
  return pending ? handle(core, pending) : null;
}

function handle(core: ClientCore, pending: PendingSignIn): SignIn {
  return {
    userCode: pending.userCode,
    verificationUri: pending.verificationUri,
    verificationUriComplete: pending.verificationUriComplete,
    expiresIn: Math.max(0, Math.round((pending.expiresAt - core.now()) / 1000)),
    interval: pending.interval,
    wait: (options) => poll(core, pending, options?.signal),
  };
}

async function finish(core: ClientCore, pending: PendingSignIn, token: DeviceTokenResponse | null): Promise<void> {
  const state = await core.loaded();
  if (state.pendingSignIn?.deviceCode === pending.deviceCode) state.pendingSignIn = null;
  if (token) {
    state.token = {
      accessToken: token.access_token,
      scope: token.scope,
      expiresAt: core.now() + token.expires_in * 1000,
    };
  }
  await core.save();
}

async function poll(core: ClientCore, pending: PendingSignIn, signal?: AbortSignal): Promise<void> {
  for (;;) {
    if (core.now() >= pending.expiresAt) {
      await finish(core, pending, null);
      throw new SignInError('expired_token', 'The sign-in code expired before it was approved: sign in again');
    }
    try {
      await core.sleep(pending.interval * 1000, signal);
    } catch {
      throw new SignInError('aborted', 'The sign-in was cancelled');
    }
    const reply = await core.send<DeviceTokenResponse>('POST', '/api/v1/licensing/device/token', {
      form: { grant_type: DEVICE_GRANT_TYPE, device_code: pending.deviceCode, client_id: pending.clientId },
    });
    // The server being away for a while does not end the sign-in: the code stays valid until it expires.
    if (reply.kind === 'unreachable') continue;
    if (reply.kind === 'ok') return finish(core, pending, reply.body);
    if (reply.code === 'authorization_pending') continue;
    if (reply.code === 'slow_down') {
      pending.interval += SLOW_DOWN_STEP_SECONDS;
      await core.save();
      continue;
    }
    await finish(core, pending, null);
    if (reply.code === 'access_denied') throw new SignInError('access_denied', 'The sign-in was denied in the browser');
    if (reply.code === 'expired_token') {
      throw new SignInError('expired_token', 'The sign-in code expired before it was approved: sign in again');
    }
    if (reply.code === 'invalid_grant' || reply.code === 'invalid_client')
      throw new SignInError(reply.code, reply.message);
    throw new PorticoLicenseError(reply.code, reply.message);
  }
}
