import type { KeyObject } from 'node:crypto';
import type { DatabaseHandle } from '../../db/database.js';
import { toDate } from '../../lib/time.js';
import { encodeHeader } from './lease-codec.js';
import {
  generateSigningKey,
  openPrivateKey,
  publicKeyOf,
  readPublicJwk,
  sealPrivateKey,
} from './signing-key-material.js';
import {
  createSigningKeyFinder,
  currentSigningKey,
  insertSigningKey,
  type PublicKeyRow,
  publishedSigningKeys,
  type SigningKeyFinder,
  type SigningKeyRow,
} from './signing-keys.repository.js';

/** The key that signs now, opened, with its lease header encoded once. */
export interface SigningKey {
  kid: string;
  generation: number;
  privateKey: KeyObject;
  header: string;
}

interface KnownKey {
  publicKey: KeyObject;
  retiredAt: number | null;
}

/**
 * Another instance on the same database may rotate: the current key is re-read at most this often, so a rotation
 * reaches every instance within a minute (its new kid is verifiable everywhere at once, through the finder).
 */
export const KEY_REFRESH_MS = 60_000;

/**
 * The instance's keys in memory: the current private key and the public keys seen so far. Reads the database only
 * when the current key is a minute old or a lease names a kid not seen yet.
 */
export class KeyRing {
  private current: SigningKey | null = null;
  private checkedAt = 0;
  private loading: Promise<SigningKey> | null = null;
  private readonly known = new Map<string, KnownKey>();
  private readonly findKey: SigningKeyFinder;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly sealing: Buffer,
    /** How long a retired key stays published: the longest a lease can live. */
    private readonly windowMs: number,
  ) {
    this.findKey = createSigningKeyFinder(handle);
  }

  async signingKey(now: Date): Promise<SigningKey> {
    const age = now.getTime() - this.checkedAt;
    if (this.current && age >= 0 && age < KEY_REFRESH_MS) return this.current;
    // Requests arriving while the key is read wait for that one read.
    this.loading ??= this.load(now).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** The public key of `kid` if it is published at `now`; one read for a kid not seen before, none after. */
  async publicKey(kid: string, now: Date): Promise<KeyObject | null> {
    let key = this.known.get(kid);
    if (!key) {
      const row = await this.findKey(kid);
      if (!row) return null;
      key = this.remember(row);
    }
    return this.isPublished(key, now) ? key.publicKey : null;
  }

  /** After this instance rotated: sign with the new key at once. */
  install(row: SigningKeyRow, now: Date): SigningKey {
    for (const key of this.known.values()) key.retiredAt ??= now.getTime();
    this.remember(row);
    this.current = this.open(row);
    this.checkedAt = now.getTime();
    return this.current;
  }

  private isPublished(key: KnownKey, now: Date): boolean {
    return key.retiredAt === null || key.retiredAt + this.windowMs > now.getTime();
  }

  private async load(now: Date): Promise<SigningKey> {
    const row = (await currentSigningKey(this.handle.db)) ?? (await this.createFirst(now));
    if (this.current?.kid !== row.kid) this.current = this.open(row);
    // The retirement times of the keys seen so far, as they are now (another instance may have retired one).
    const published = await publishedSigningKeys(this.handle.db, new Date(now.getTime() - this.windowMs));
    this.known.clear();
    for (const key of published) this.remember(key);
    this.remember(row);
    this.checkedAt = now.getTime();
    return this.current;
  }

  /**
   * Generation 1, made by whichever instance gets there first: every instance starting at once on one database
   * tries, the unique generation lets one in, and the others read its key.
   */
  private async createFirst(now: Date): Promise<SigningKeyRow> {
    const key = await generateSigningKey();
    await insertSigningKey(this.handle.db, {
      kid: key.kid,
      generation: 1,
      publicJwk: JSON.stringify(key.publicJwk),
      sealedPrivateKey: sealPrivateKey(key.privateKey, key.kid, this.sealing),
      at: now,
    });
    const row = await currentSigningKey(this.handle.db);
    if (!row) throw new Error('The first lease signing key was neither inserted nor found');
    return row;
  }

  private open(row: SigningKeyRow): SigningKey {
    const privateKey = openPrivateKey(row.private_key, readPublicJwk(row.public_jwk, row.kid), this.sealing);
    return { kid: row.kid, generation: Number(row.generation), privateKey, header: encodeHeader(row.kid) };
  }

  private remember(row: PublicKeyRow): KnownKey {
    const key = {
      publicKey: publicKeyOf(readPublicJwk(row.public_jwk, row.kid)),
      retiredAt: row.retired_at === null ? null : toDate(row.retired_at).getTime(),
    };
    this.known.set(row.kid, key);
    return key;
  }
}
