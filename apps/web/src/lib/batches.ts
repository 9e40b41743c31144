import { isApiError } from './api';

/**
 * A key for one change (SPEC §4.2 Idempotency-Key): 128 random bits. getRandomValues, not randomUUID, because a
 * self-hosted Portico may be served over plain HTTP on a LAN address, where randomUUID does not exist.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Worth sending again with the same key: the answer was lost, or the first attempt has not finished yet. */
function retryable(error: unknown): boolean {
  return isApiError(error, 'NETWORK_ERROR') || isApiError(error, 'IDEMPOTENCY_KEY_IN_USE');
}

/**
 * Sends one change with a fresh Idempotency-Key and, when its answer is lost, sends it again with the same key: the
 * server then answers what it did the first time instead of doing it twice. Other failures are thrown at once.
 */
export async function sendOnce<T>(
  send: (key: string) => Promise<T>,
  options: { attempts?: number; wait?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const { attempts = 3, wait = sleep } = options;
  const key = newIdempotencyKey();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send(key);
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      await wait(500 * attempt);
    }
  }
}

/**
 * Sends the items `size` at a time, one request after another, reporting progress after each (SPEC §4.1: long
 * operations show progress). Stops at the first failed request and throws it; earlier batches stay done.
 */
export async function inBatches<T, R>(
  items: T[],
  size: number,
  send: (batch: T[]) => Promise<R[]>,
  onProgress?: (done: number, total: number) => void,
): Promise<R[]> {
  const results: R[] = [];
  onProgress?.(0, items.length);
  for (let start = 0; start < items.length; start += size) {
    const batch = items.slice(start, start + size);
    results.push(...(await send(batch)));
    onProgress?.(Math.min(start + batch.length, items.length), items.length);
  }
  return results;
}

/**
 * Runs `task` for every item with at most `concurrency` at a time, for changes the API takes one by one (Remove
 * member). Results keep the items' order; a task reports its own failure as a result rather than throwing.
 */
export async function forEachLimited<T, R>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<R>,
  onProgress?: (done: number, total: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  onProgress?.(0, items.length);
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
      onProgress?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Reads a cursor-paged list to its end, or until `max` items (SPEC §4.2 lists page; a selection of "all matching"
 * reads them all). `complete` is false when the list had more than `max`.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  options: { max: number; onProgress?: (collected: number) => void; signal?: AbortSignal },
): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    options.signal?.throwIfAborted();
    const page: Page<T> = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    options.onProgress?.(Math.min(items.length, options.max));
  } while (cursor && items.length < options.max);
  const complete = cursor === null && items.length <= options.max;
  return { items: items.slice(0, options.max), complete };
}
