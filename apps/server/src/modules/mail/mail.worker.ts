import type { DB } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { claimDue, findDue, markFailed, markRetry, markSent, type OutboxRow } from './outbox.repository.js';
import { type MailTransport, PermanentMailError } from './transport.js';

export interface MailWorkerOptions {
  db: DB;
  transport: MailTransport;
  clock: Clock;
  from: string;
  log: { info(msg: string): void; warn(obj: object, msg: string): void };
  pollMs?: number;
  /** First retry delay; doubles per attempt up to an hour, so 20 attempts span more than a day. */
  retryBaseMs?: number;
  maxAttempts?: number;
  /** How long a claimed row stays with this worker before another may take it (a crash mid-send). */
  lockMs?: number;
  batchSize?: number;
}

/**
 * Delivers the outbox. Each row is claimed with a guarded update before it is sent, marked sent after, and put
 * back with a later attempt time when SMTP fails, so nothing is lost while SMTP is down or the process restarts.
 */
export class MailWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private again = false;
  private readonly pollMs: number;
  private readonly retryBaseMs: number;
  private readonly maxAttempts: number;
  private readonly lockMs: number;
  private readonly batchSize: number;

  constructor(private readonly options: MailWorkerOptions) {
    this.pollMs = options.pollMs ?? 1000;
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 20;
    this.lockMs = options.lockMs ?? 120_000;
    this.batchSize = options.batchSize ?? 100;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a pass now (after a request queued an email) instead of at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.options.transport.close();
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.loop().finally(() => {
        this.running = null;
      });
    }, delay);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    try {
      let handled = await this.drainOnce();
      while (!this.stopped && (handled === this.batchSize || this.again)) {
        this.again = false;
        handled = await this.drainOnce();
      }
    } catch (error) {
      this.options.log.warn({ err: error }, 'mail worker pass failed; will try again');
    }
    if (!this.stopped) this.schedule(this.pollMs);
  }

  /** One pass over the due rows; returns how many it looked at. Exposed for tests and the CLI. */
  async drainOnce(): Promise<number> {
    const due = await findDue(this.options.db, this.options.clock.now(), this.batchSize);
    for (let i = 0; i < due.length; i += WAVE) await this.deliverWave(due.slice(i, i + WAVE));
    return due.length;
  }

  /**
   * Claims a few rows with one statement, hands them to SMTP at the same time, and marks those delivered sent with
   * one more: two commits for a wave instead of two per message. Rows another worker took in the meantime do not
   * come back from the claim.
   */
  private async deliverWave(rows: OutboxRow[]): Promise<void> {
    const { db, clock } = this.options;
    const byId = new Map(rows.map((row) => [row.id, row]));
    const claimed = await claimDue(db, [...byId.keys()], clock.now(), this.lockMs);
    const outcomes = await Promise.allSettled(
      claimed.map(async ({ id, attempts }) => ((await this.deliver(byId.get(id) as OutboxRow, attempts)) ? id : null)),
    );
    // Marked even when another delivery of the wave failed to record its failure, so nothing sent is sent again.
    const sent = outcomes.flatMap((o) => (o.status === 'fulfilled' && o.value ? [o.value] : []));
    await markSent(db, sent, clock.now());
    const failure = outcomes.find((o) => o.status === 'rejected');
    if (failure) throw failure.reason;
  }

  /** Hands one claimed row to SMTP (`attempts` counts this try); true when SMTP took it. */
  private async deliver(row: OutboxRow, attempts: number): Promise<boolean> {
    const { db, clock, transport } = this.options;
    try {
      await transport.send({
        id: row.id,
        from: this.options.from,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
      });
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentMailError || attempts >= this.maxAttempts) {
        await markFailed(db, row.id, message);
        this.options.log.warn({ emailId: row.id, attempts }, 'email delivery failed for good');
        return false;
      }
      const delay = Math.min(this.retryBaseMs * 2 ** (attempts - 1), 3_600_000);
      await markRetry(db, row.id, new Date(clock.now().getTime() + delay), message);
      this.options.log.warn({ emailId: row.id, attempts, retryInMs: delay }, 'email delivery failed; will retry');
      return false;
    }
  }
}

/**
 * Rows claimed, sent and marked together. The transport has 8 pooled connections, so a claimed row waits for at most
 * one other send before its own: its lock only has to outlast two sends, as when each row was claimed on its own and
 * 8 were sent at once on 4 connections.
 */
const WAVE = 16;
