import type { DatabaseHandle } from '../../db/database.js';
import type { Caller } from '../../lib/caller.js';
import type { Clock } from '../../lib/clock.js';

/** STUB (being written): the caller a desktop application's bearer token stands for. */
export function createBearerVerifier(_handle: DatabaseHandle, _clock: Clock) {
  return async (_token: string): Promise<Caller | null> => null;
}
