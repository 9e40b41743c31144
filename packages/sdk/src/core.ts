import { UnreachableError } from './errors.js';
import { createTransport, normalizeServerUrl, type Reply, type RequestOptions, type Transport } from './http.js';
import { CLOCK_ROLLBACK_TOLERANCE_MS, OUTAGE_GRACE_MS } from './license-state.js';
import { emptyState, type LicenseStore, MemoryStore, type StoredState } from './store.js';
import type { Jwks } from './types.js';
import { createLeaseVerifier, decodeLease, type LeaseVerifier } from './verify.js';

export interface LicensingClientOptions {
  /** The Portico server, e.g. `https://licenses.example.com` (its PUBLIC_URL). */
  serverUrl: string;
  fetch?: typeof fetch;
  /** The clock, in milliseconds since the epoch (tests inject one). */
  now?: () => number;
  /** How long an online lease keeps working while the server is unreachable (default 24 h, SPEC `OUTAGE_GRACE`). */
  outageGraceMs?: number;
  /** Where state is kept between runs (default: memory only; FileStore for a file). */
  store?: LicenseStore;
  /** Per request (default 15 s); a request that takes longer counts as "server unreachable". */
  timeoutMs?: number;
  /** How the sign-in waits between polls (tests inject one). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The leases' `iss` (default: serverUrl): set it when the application reaches the server by another URL. */
  issuer?: string;
  /** Public keys built into the application: then the JWKS is never fetched. */
  jwks?: Jwks;
  userAgent?: string;
}

const SAVE_LATEST_SEEN_EVERY_MS = 60_000;

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** State, transport, time and keys: what every part of the client shares. */
export class ClientCore {
  readonly serverUrl: string;
  readonly issuer: string;
  readonly outageGraceMs: number;
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  protected readonly store: LicenseStore;
  private readonly transport: Transport;
  private readonly pinnedJwks: Jwks | null;
  private state: StoredState | null = null;
  private loading: Promise<StoredState> | null = null;
  private saving: Promise<void> = Promise.resolve();
  private savedLatestSeenAt = 0;
  private verifier: { jwks: Jwks; verify: LeaseVerifier } | null = null;

  constructor(options: LicensingClientOptions) {
    this.serverUrl = normalizeServerUrl(options.serverUrl);
    this.issuer = options.issuer ?? this.serverUrl;
    this.outageGraceMs = options.outageGraceMs ?? OUTAGE_GRACE_MS;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.store = options.store ?? new MemoryStore();
    this.pinnedJwks = options.jwks ?? null;
    this.transport = createTransport({
      serverUrl: this.serverUrl,
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? 15_000,
      userAgent: options.userAgent ?? 'portico-license-sdk',
    });
  }

  /** The persisted state, loaded once; a state of another server is left alone (its token is not ours to send). */
  async loaded(): Promise<StoredState> {
    if (this.state) return this.state;
    this.loading ??= this.store.load().then((stored) => {
      this.state = stored && stored.serverUrl === this.serverUrl ? stored : emptyState(this.serverUrl);
      this.savedLatestSeenAt = this.state.latestSeenAt;
      return this.state;
    });
    return this.loading;
  }

  /** Saves are chained so two in flight never write the file at once. */
  async save(): Promise<void> {
    const state = await this.loaded();
    this.savedLatestSeenAt = state.latestSeenAt;
    const next = this.saving.then(() => this.store.save(state));
    this.saving = next.catch(() => {});
    return next;
  }

  /** Sends a request and records the server's time from its answer. */
  async send<T>(method: string, path: string, options?: RequestOptions): Promise<Reply<T>> {
    const reply = await this.transport<T>(method, path, options);
    if (reply.kind === 'unreachable') return reply;
    const state = await this.loaded();
    if (reply.serverTime !== null) this.seeTime(state, reply.serverTime);
    // The token was signed out or revoked (Signed-in devices): forget it, so the application asks to sign in again.
    if (
      reply.kind === 'refused' &&
      reply.status === 401 &&
      options?.token &&
      state.token?.accessToken === options.token
    ) {
      state.token = null;
      await this.save();
    }
    return reply;
  }

  /**
   * Reads the clock and keeps the latest time seen. A reading more than 5 minutes behind it marks the clock as
   * rolled back until an online check; the mark is kept even if the clock moves forward again.
   */
  async readClock(): Promise<{ now: number; clockRolledBack: boolean }> {
    const state = await this.loaded();
    const now = this.now();
    if (now < state.latestSeenAt - CLOCK_ROLLBACK_TOLERANCE_MS && state.clockRolledBackAt === null) {
      state.clockRolledBackAt = now;
      await this.save();
    }
    this.seeTime(state, now);
    if (state.latestSeenAt - this.savedLatestSeenAt >= SAVE_LATEST_SEEN_EVERY_MS) await this.save();
    return { now, clockRolledBack: state.clockRolledBackAt !== null };
  }

  private seeTime(state: StoredState, ms: number): void {
    if (ms > state.latestSeenAt) state.latestSeenAt = ms;
  }

  /**
   * A successful online check: the server vouched for the license now, so the clock is trusted again. Earlier
   * readings are dropped (a clock once set far ahead would otherwise refuse offline leases forever).
   */
  onlineCheck(state: StoredState, serverTime: number | null, lease: string | null): void {
    const iat = lease ? (decodeLease(lease)?.iat ?? 0) * 1000 : 0;
    state.latestSeenAt = Math.max(this.now(), serverTime ?? 0, iat);
    state.clockRolledBackAt = null;
  }

  /** The server's public keys: pinned ones, the cached JWKS, or fetched (and cached) when none is. */
  async jwks(options: { refresh?: boolean } = {}): Promise<Jwks> {
    if (this.pinnedJwks) return this.pinnedJwks;
    const state = await this.loaded();
    if (state.jwks && !options.refresh) return state.jwks;
    const reply = await this.send<Jwks>('GET', '/.well-known/jwks.json');
    if (reply.kind !== 'ok' || !Array.isArray(reply.body?.keys)) {
      if (state.jwks) return state.jwks;
      throw new UnreachableError(`Cannot read the server's public keys (${reply.kind})`);
    }
    state.jwks = { keys: reply.body.keys, fetchedAt: this.now() };
    await this.save();
    return state.jwks;
  }

  /** The cached keys, without fetching; null when none are cached yet. */
  async cachedJwks(): Promise<Jwks | null> {
    return this.pinnedJwks ?? (await this.loaded()).jwks;
  }

  /** A synchronous verifier for these keys (built once per key set). */
  verifierFor(jwks: Jwks): LeaseVerifier {
    if (this.verifier?.jwks !== jwks)
      this.verifier = { jwks, verify: createLeaseVerifier(jwks, { issuer: this.issuer }) };
    return this.verifier.verify;
  }

  /** Makes sure the keys that signed this lease are cached (a new server key means fetching the JWKS again). */
  async ensureKeysFor(lease: string | null): Promise<void> {
    if (!lease || this.pinnedJwks) return;
    const kid = leaseKid(lease);
    const cached = (await this.loaded()).jwks;
    if (cached?.keys.some((k) => (k.kid ?? '') === kid)) return;
    await this.jwks({ refresh: true }).catch(() => {
      // Unreachable right after an answer: the keys are fetched on the next verification instead.
    });
  }
}

function leaseKid(lease: string): string {
  try {
    const header = JSON.parse(Buffer.from(lease.split('.')[0] ?? '', 'base64url').toString('utf8'));
    return typeof header?.kid === 'string' ? header.kid : '';
  } catch {
    return '';
  }
}
