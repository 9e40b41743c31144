/** Time is injected (ARCHITECTURE convention 11): services read a clock, tests move it instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class ManualClock implements Clock {
  private current: number;
  private readonly start: number;
  constructor(start: Date = new Date()) {
    this.current = start.getTime();
    this.start = this.current;
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(date: Date): void {
    this.current = date.getTime();
  }
  /** How far the clock has been moved since it was made. */
  get offset(): number {
    return this.current - this.start;
  }
}

/**
 * The wall clock moved forward by a chosen amount: what `DEV_CLOCK=true` gives a development or e2e server, so an
 * end-to-end test can see an invitation expire after 7 days without waiting for them (never in production).
 */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  get offset(): number {
    return this.offsetMs;
  }
}

/** A clock a test or the dev clock route may move forward, and which says how far it has been moved. */
export function isAdjustable(clock: Clock): clock is Clock & { advance(ms: number): void; readonly offset: number } {
  return typeof (clock as { advance?: unknown }).advance === 'function';
}
