import { AnswerRecorder, type LicenseResult, refusedAgain } from './answers.js';
import { resumeSignIn, type SignIn, type SignInRequest, startSignIn } from './device-flow.js';
import { RequestError, UnreachableError } from './errors.js';
import { evaluateLicense, type LicenseStatus } from './license-state.js';
import type { ActivationRecord } from './store.js';
import type { ActivateRequest, LicenseAnswer, LicensingProducts, MachineInput } from './types.js';
import type { LeaseVerification, VerifyOptions } from './verify.js';

export type { LicenseResult } from './answers.js';

/**
 * The licensing client a desktop application embeds (SPEC §2.5, §4.3; docs/sdk.md): browser sign-in, activation,
 * heartbeats, offline leases, offline verification, and the license state to act on, with the outage grace and
 * clock rules.
 */
export class LicensingClient extends AnswerRecorder {
  // ---- Sign-in ------------------------------------------------------------------------------------------------

  /** Starts the browser sign-in (RFC 8628 device authorization grant). */
  startSignIn(request: SignInRequest): Promise<SignIn> {
    return startSignIn(this, request);
  }

  /** Continues a sign-in started earlier and kept in the store; null when none is pending. */
  resumeSignIn(): Promise<SignIn | null> {
    return resumeSignIn(this);
  }

  async signedIn(): Promise<boolean> {
    const token = (await this.loaded()).token;
    return token !== null && token.expiresAt > this.now();
  }

  /** Signs out on the server (which releases this sign-in's activations) and forgets the token and them here. */
  async signOut(): Promise<{ reachable: boolean }> {
    const state = await this.loaded();
    const token = state.token?.accessToken;
    const reply = token ? await this.send('POST', '/api/v1/licensing/sign-out', { token }) : null;
    state.token = null;
    state.pendingSignIn = null;
    for (const record of Object.values(state.activations)) if (record.mode === 'named-user') this.forget(state, record);
    await this.save();
    return { reachable: reply?.kind !== 'unreachable' };
  }

  /** The signed-in user's named-user products with their devices, slot and transfer budget. */
  async products(): Promise<LicensingProducts> {
    const reply = await this.send<LicensingProducts>('GET', '/api/v1/licensing/products', {
      token: await this.token(),
    });
    if (reply.kind === 'unreachable') throw new UnreachableError(reply.message, reply.status);
    if (reply.kind === 'refused') throw new RequestError(reply.code, reply.message, reply.status);
    return reply.body;
  }

  // ---- Activations --------------------------------------------------------------------------------------------

  /**
   * Activates a named-user product on this machine. While an activation of the product is in outage grace the
   * request is not sent (`skipped`, UNREACHABLE): the application keeps working on that lease, and the heartbeats
   * are what find the server again; only then may a new activation be asked for.
   */
  async activate(request: ActivateRequest): Promise<LicenseResult> {
    const state = await this.loaded();
    const outage = await this.outageOf(state, request.product);
    if (outage) return outage;
    const token = await this.token();
    const reply = await this.send<LicenseAnswer>('POST', '/api/v1/licensing/activations', { token, json: request });
    return this.apply(reply, 'activate', null, { mode: 'named-user', serial: null, machine: request.machine });
  }

  /** Machine mode: activates with the serial number, no sign-in. */
  async activateMachine(request: { serial: string; machine: MachineInput }): Promise<LicenseResult> {
    const state = await this.loaded();
    const outage = await this.outageOf(state, null, request.serial);
    if (outage) return outage;
    const reply = await this.send<LicenseAnswer>('POST', '/api/v1/licensing/machine-activations', { json: request });
    return this.apply(reply, 'activate', null, { mode: 'machine', serial: request.serial, machine: request.machine });
  }

  /** Renews the activation's lease (named-user or machine mode, as it was activated). */
  async heartbeat(activationId: string): Promise<LicenseResult> {
    const record = (await this.loaded()).activations[activationId] ?? null;
    if (record?.refused) return refusedAgain(record);
    const reply =
      record?.mode === 'machine'
        ? await this.send<LicenseAnswer>('POST', `/api/v1/licensing/machine-activations/${activationId}/heartbeat`, {
            json: { serial: record.serial },
          })
        : await this.send<LicenseAnswer>('POST', `/api/v1/licensing/activations/${activationId}/heartbeat`, {
            token: await this.token(),
          });
    return this.apply(reply, 'renew', record);
  }

  /** Checks out an offline lease of `days` days (usable without the server until it expires). */
  async checkout(activationId: string, days: number): Promise<LicenseResult> {
    const record = (await this.loaded()).activations[activationId] ?? null;
    if (record?.refused) return refusedAgain(record);
    const reply = await this.send<LicenseAnswer>('POST', `/api/v1/licensing/activations/${activationId}/checkout`, {
      token: await this.token(),
      json: { days },
    });
    return this.apply(reply, 'checkout', record);
  }

  /** Releases (checks in) the activation: the slot is free at once, and this machine forgets it. */
  async release(activationId: string): Promise<LicenseResult> {
    const record = (await this.loaded()).activations[activationId] ?? null;
    const reply =
      record?.mode === 'machine'
        ? await this.send<LicenseAnswer>('POST', `/api/v1/licensing/machine-activations/${activationId}/release`, {
            json: { serial: record.serial },
          })
        : await this.send<LicenseAnswer>('DELETE', `/api/v1/licensing/activations/${activationId}`, {
            token: await this.token(),
          });
    return this.apply(reply, 'release', record);
  }

  /** Machine mode spelled out (heartbeat and release pick the mode from the activation already). */
  heartbeatMachine(activationId: string): Promise<LicenseResult> {
    return this.heartbeat(activationId);
  }
  releaseMachine(activationId: string): Promise<LicenseResult> {
    return this.release(activationId);
  }

  // ---- The license state --------------------------------------------------------------------------------------

  /** The activation kept for a product code (or by its id); null when none. */
  async activationOf(productOrId: string): Promise<ActivationRecord | null> {
    const state = await this.loaded();
    return state.activations[productOrId] ?? state.activations[state.current[productOrId] ?? ''] ?? null;
  }

  /** Every activation this machine holds, by product code. */
  async activations(): Promise<ActivationRecord[]> {
    const state = await this.loaded();
    return Object.values(state.current).flatMap((id) => state.activations[id] ?? []);
  }

  /**
   * The state the application acts on, from what is stored, without the server (see evaluateLicense): by
   * product code or activation id; without one, the only (or first) activation held.
   */
  async status(productOrId?: string): Promise<LicenseStatus> {
    const record = productOrId ? await this.activationOf(productOrId) : ((await this.activations())[0] ?? null);
    const { now, clockRolledBack } = await this.readClock();
    const jwks = await this.cachedJwks();
    const verification: LeaseVerification | null =
      record?.lease && jwks
        ? this.verifierFor(jwks)(record.lease, {
            ignoreExpiry: true,
            fingerprintHash: record.fingerprintHash ?? undefined,
          })
        : null;
    return evaluateLicense({ record, verification, now, clockRolledBack, outageGraceMs: this.outageGraceMs });
  }

  /**
   * Asks the server first, then answers status(): a heartbeat for an online lease; for an offline lease the
   * server-side validation (it changes nothing on the server). Either is the online check that trusts the clock
   * again after it went back.
   */
  async check(productOrId?: string): Promise<LicenseStatus> {
    const record = productOrId ? await this.activationOf(productOrId) : ((await this.activations())[0] ?? null);
    if (record && !record.refused && record.lease) {
      if (this.leaseKind(record) === 'offline') await this.validateOnline(record);
      else await this.heartbeat(record.id);
    }
    return this.status(record?.id ?? productOrId);
  }

  /** Verifies a lease offline against the server's keys (cached; fetched when none are cached yet). */
  async verifyLease(lease: string, options: VerifyOptions = {}): Promise<LeaseVerification> {
    const now = options.now ?? this.now();
    let result = this.verifierFor(await this.jwks())(lease, { ...options, now });
    if (!result.valid && result.reason === 'unknown-key') {
      // A key the server started using after the JWKS was cached.
      result = this.verifierFor(await this.jwks({ refresh: true }))(lease, { ...options, now });
    }
    return result;
  }

  /**
   * Heartbeats every `heartbeatIntervalSeconds` of the last answer until stopped or refused. Timers are unref'd:
   * they never keep the process alive by themselves. Returns the stop function.
   */
  startHeartbeats(
    activationId: string,
    onAnswer: (result: LicenseResult) => void,
    onError: (error: unknown) => void = () => {},
  ): () => void {
    let timer: NodeJS.Timeout | null = null;
    let stopped = false;
    const schedule = (seconds: number) => {
      if (stopped) return;
      timer = setTimeout(tick, seconds * 1000);
      timer.unref?.();
    };
    const tick = async () => {
      let seconds = await this.intervalOf(activationId);
      try {
        const result = await this.heartbeat(activationId);
        if (stopped) return;
        onAnswer(result);
        if (result.reachable && !result.valid) stopped = true;
        seconds = result.answer?.heartbeatIntervalSeconds || seconds;
      } catch (error) {
        onError(error);
      }
      schedule(seconds);
    };
    void this.intervalOf(activationId).then(schedule);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }
}
