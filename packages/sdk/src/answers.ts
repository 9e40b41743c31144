import { ClientCore } from './core.js';
import { NotSignedInError } from './errors.js';
import { fingerprintHash } from './fingerprint.js';
import type { Reply } from './http.js';
import { ENDING_CODES, ENDING_STATUSES } from './license-state.js';
import type { ActivationRecord, StoredState } from './store.js';
import type { LicenseAnswer, LicensingCode, MachineInput, ValidateAnswer } from './types.js';
import { decodeLease } from './verify.js';

/**
 * What a licensing call answered. `reachable: false`: the server could not be reached (network error, timeout,
 * 5xx): nothing changed and the current lease may go on under the outage grace. `reachable: true, valid: false`:
 * the server refused (a business outcome in `answer`, or a 4xx in `error`).
 */
export interface LicenseResult {
  reachable: boolean;
  valid: boolean;
  code: LicensingCode | 'UNREACHABLE' | 'REQUEST_REFUSED';
  message: string;
  answer: LicenseAnswer | null;
  error: { status: number | null; code: string } | null;
  /** Not sent: an activation of this product is in outage grace (see activate). */
  skipped?: boolean;
}

export type Call = 'activate' | 'renew' | 'checkout' | 'release';
/** What an activation request says of the record it creates. */
export type Created = Pick<ActivationRecord, 'mode' | 'serial'> & { machine: MachineInput };

const isAnswer = (body: unknown): body is LicenseAnswer =>
  typeof body === 'object' && body !== null && typeof (body as LicenseAnswer).valid === 'boolean';

const DEFAULT_HEARTBEAT_SECONDS = 600;

/** How the client records what the server answers about activations (the rules of SPEC §2.5 on the SDK's side). */
export class AnswerRecorder extends ClientCore {
  protected async token(): Promise<string> {
    const token = (await this.loaded()).token;
    if (!token) throw new NotSignedInError();
    return token.accessToken;
  }

  protected async intervalOf(activationId: string): Promise<number> {
    const record = (await this.loaded()).activations[activationId];
    return record?.answer?.heartbeatIntervalSeconds || DEFAULT_HEARTBEAT_SECONDS;
  }

  protected leaseKind(record: ActivationRecord): 'online' | 'offline' | null {
    return record.lease ? (decodeLease(record.lease)?.kind ?? null) : null;
  }

  /** An unreachable answer for an activation of this product (or serial) that is in outage grace; else null. */
  protected async outageOf(state: StoredState, product: string | null, serial?: string): Promise<LicenseResult | null> {
    const now = this.now();
    const inGrace = Object.values(state.activations).some(
      (r) =>
        r.unreachableSince !== null &&
        !r.refused &&
        (serial ? r.serial === serial : r.product === product || r.answer?.activation?.product.id === product) &&
        now < r.lastContactAt + this.outageGraceMs,
    );
    if (!inGrace) return null;
    return {
      reachable: false,
      valid: false,
      code: 'UNREACHABLE',
      message:
        'The server is unreachable: the current activation goes on under the outage grace; no new activation meanwhile',
      answer: null,
      error: null,
      skipped: true,
    };
  }

  protected async validateOnline(record: ActivationRecord): Promise<void> {
    const reply = await this.send<ValidateAnswer>('POST', '/api/v1/licensing/validate', {
      json: { lease: record.lease },
    });
    const state = await this.loaded();
    if (reply.kind === 'unreachable') {
      record.unreachableSince ??= this.now();
    } else if (reply.kind === 'refused' || !reply.body.valid) {
      const [code, message] =
        reply.kind === 'refused' ? ['REQUEST_REFUSED', reply.message] : [reply.body.code, reply.body.message];
      record.refused = { code, message, at: this.now() };
    } else {
      record.lastContactAt = this.now();
      record.unreachableSince = null;
      this.onlineCheck(state, reply.serverTime, null);
    }
    await this.save();
  }

  /** Records what a licensing call answered and turns it into a LicenseResult. */
  protected async apply(
    reply: Reply<LicenseAnswer>,
    call: Call,
    record: ActivationRecord | null,
    created?: Created,
  ): Promise<LicenseResult> {
    const state = await this.loaded();
    const now = this.now();
    if (reply.kind === 'unreachable' || (reply.kind === 'ok' && !isAnswer(reply.body))) {
      // No answer: the outage starts (or goes on) for the activation; nothing else changes.
      if (record && call !== 'activate') record.unreachableSince ??= now;
      await this.save();
      const message = reply.kind === 'unreachable' ? reply.message : 'The server gave an answer the SDK cannot read';
      return { reachable: false, valid: false, code: 'UNREACHABLE', message, answer: null, error: null };
    }
    if (record) {
      record.lastContactAt = now;
      record.unreachableSince = null;
    }
    if (reply.kind === 'refused') {
      if (record && call !== 'activate' && ENDING_STATUSES.includes(reply.status)) {
        if (call === 'release') this.forget(state, record);
        else record.refused = { code: 'REQUEST_REFUSED', message: `${reply.code}: ${reply.message}`, at: now };
      }
      await this.save();
      const error = { status: reply.status, code: reply.code };
      return { reachable: true, valid: false, code: 'REQUEST_REFUSED', message: reply.message, answer: null, error };
    }
    await this.recordAnswer(state, reply.body, reply.serverTime, call, record, created);
    const answer = reply.body;
    return { reachable: true, valid: answer.valid, code: answer.code, message: answer.message, answer, error: null };
  }

  /** A 200 answer: keep the new lease, forget a released activation, or end it on a refusal. */
  private async recordAnswer(
    state: StoredState,
    answer: LicenseAnswer,
    serverTime: number | null,
    call: Call,
    record: ActivationRecord | null,
    created?: Created,
  ): Promise<void> {
    if (call === 'release') {
      if (record) this.forget(state, record);
    } else if (answer.valid && answer.activation) {
      const kept = record ?? this.newRecord(state, answer, created);
      this.renew(kept, answer);
      this.onlineCheck(state, serverTime, answer.lease);
      await this.ensureKeysFor(answer.lease);
    } else if (record && (call === 'renew' || ENDING_CODES.includes(answer.code))) {
      // A refused renewal ends the lease whatever the code; a refused checkout only when the activation is over.
      record.answer = answer;
      record.refused = { code: answer.code, message: answer.message, at: this.now() };
    }
    await this.save();
  }

  protected newRecord(state: StoredState, answer: LicenseAnswer, created?: Created): ActivationRecord {
    const activation = answer.activation!;
    const previous = state.activations[state.current[activation.product.code] ?? ''];
    if (previous && previous.id !== activation.id) this.forget(state, previous);
    const record: ActivationRecord = {
      id: activation.id,
      product: activation.product.code,
      mode: created?.mode ?? (activation.kind === 'machine' ? 'machine' : 'named-user'),
      serial: created?.serial ?? null,
      fingerprintHash: created ? fingerprintHash(created.machine.fingerprint) : null,
      lease: null,
      answer: null,
      lastContactAt: this.now(),
      unreachableSince: null,
      refused: null,
    };
    state.activations[record.id] = record;
    state.current[record.product] = record.id;
    return record;
  }

  /** A new lease replaces the held one, except that a checked-out offline lease is kept until it expires. */
  protected renew(record: ActivationRecord, answer: LicenseAnswer): void {
    record.answer = { ...answer, lease: null };
    record.refused = null;
    if (!answer.lease) return;
    const held = record.lease ? decodeLease(record.lease) : null;
    const incoming = decodeLease(answer.lease);
    if (held?.kind === 'offline' && incoming?.kind !== 'offline' && held.exp * 1000 > this.now()) return;
    record.lease = answer.lease;
  }

  protected forget(state: StoredState, record: ActivationRecord): void {
    delete state.activations[record.id];
    if (state.current[record.product] === record.id) delete state.current[record.product];
  }
}

export function refusedAgain(record: ActivationRecord): LicenseResult {
  const refused = record.refused!;
  return {
    reachable: true,
    valid: false,
    code: refused.code as LicenseResult['code'],
    message: refused.message,
    answer: record.answer,
    error: null,
  };
}
