import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Jwks, LicenseAnswer } from './types.js';

export interface StoredToken {
  accessToken: string;
  scope: string;
  /** Milliseconds since the epoch (local clock at sign-in + expires_in). */
  expiresAt: number;
}

/** A browser sign-in shown to the user and not answered yet (the CLI's `login --no-wait` / `login --resume`). */
export interface PendingSignIn {
  clientId: string;
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  interval: number;
  expiresAt: number;
}

/** What the SDK remembers of one activation of this machine. */
export interface ActivationRecord {
  id: string;
  /** The product's code (from the answer), the key of `current`. */
  product: string;
  mode: 'named-user' | 'machine';
  /** Machine mode: the serial number its heartbeats and release send again. */
  serial: string | null;
  /** fingerprintHash of the machine sent at activation; the lease's `fingerprint` claim must equal it. */
  fingerprintHash: string | null;
  lease: string | null;
  /** The last answer the server gave about this activation (devices, transfers, holder: for display). */
  answer: LicenseAnswer | null;
  /** Local time of the last answer from the server (any 2xx or 4xx): the outage grace counts from it. */
  lastContactAt: number;
  /** Local time of the first failed attempt since the last contact; null while the server answers. */
  unreachableSince: number | null;
  /** The refusal that ended this activation (a 200 valid:false or a 4xx on renewal); it never comes back. */
  refused: { code: string; message: string; at: number } | null;
}

/** Everything the SDK persists between runs of the application. */
export interface StoredState {
  version: 1;
  /** The server this state belongs to: a token is never sent to another server. */
  serverUrl: string;
  token: StoredToken | null;
  pendingSignIn: PendingSignIn | null;
  activations: Record<string, ActivationRecord>;
  /** The current activation id per product code. */
  current: Record<string, string>;
  /** The latest time seen: max of clock readings, the server's Date headers and lease iat (ms). */
  latestSeenAt: number;
  /** Set when the clock was found more than 5 minutes behind latestSeenAt; cleared by a successful online check. */
  clockRolledBackAt: number | null;
  jwks: (Jwks & { fetchedAt: number }) | null;
}

export function emptyState(serverUrl: string): StoredState {
  return {
    version: 1,
    serverUrl,
    token: null,
    pendingSignIn: null,
    activations: {},
    current: {},
    latestSeenAt: 0,
    clockRolledBackAt: null,
    jwks: null,
  };
}

/** Where the SDK keeps its state: a file by default in the CLI, memory by default in the client. */
export interface LicenseStore {
  load(): Promise<StoredState | null>;
  save(state: StoredState): Promise<void>;
}

export class MemoryStore implements LicenseStore {
  private state: StoredState | null = null;
  async load(): Promise<StoredState | null> {
    return this.state ? structuredClone(this.state) : null;
  }
  async save(state: StoredState): Promise<void> {
    this.state = structuredClone(state);
  }
}

/**
 * A JSON file readable by its owner only (0600, in a 0700 folder): it holds the access token and the serial of
 * machine activations. Written to a temporary file and renamed, so a crash never leaves half a state.
 */
export class FileStore implements LicenseStore {
  constructor(readonly file: string) {}

  async load(): Promise<StoredState | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const state = JSON.parse(text) as StoredState;
      return state?.version === 1 ? state : null;
    } catch {
      // A damaged file is a lost state (sign in again), not a crash of the application.
      return null;
    }
  }

  async save(state: StoredState): Promise<void> {
    const dir = dirname(this.file);
    // Folders it creates are 0700; an existing folder is the publisher's choice and keeps its mode.
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, this.file);
  }
}
