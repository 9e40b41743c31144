import type { DB } from '../../db/database.js';
import { recordContacts } from './heartbeat-contacts.repository.js';

/**
 * Heartbeats renew leases at thousands a second; writing each one's last contact would cost a durable commit apiece
 * (SQLite with synchronous=FULL manages a few thousand a second). The time of last contact is kept here and written
 * once a second in one transaction (docs/adr/0013): a crash loses at most a second of "last contact", never an
 * activation, a takeover or a release, which are committed before they are answered.
 */
export class HeartbeatBatcher {
  private pending = new Map<string, { at: Date; leaseExpiresAt: Date }>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DB,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly intervalMs = 1000,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  record(activationId: string, at: Date, leaseExpiresAt: Date): void {
    this.pending.set(activationId, { at, leaseExpiresAt });
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes what is pending now (tests call it instead of waiting a second; closing the runtime calls it). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.pending].map(([id, c]) => ({ id, ...c }));
    this.pending = new Map();
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.db.transaction().execute((trx) => recordContacts(trx, this.dialect, batch));
      } catch (error) {
        // Kept for the next round unless a newer contact arrived meanwhile.
        for (const c of batch) if (!this.pending.has(c.id)) this.pending.set(c.id, c);
        this.onError(error);
      }
    });
    return this.flushing;
  }
}
