import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { collectPages, forEachLimited, inBatches, newIdempotencyKey, sendOnce } from './batches';

const noWait = async () => {};

describe('newIdempotencyKey', () => {
  it('is 128 random bits in hex, new each time', () => {
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(key);
  });
});

describe('sendOnce', () => {
  it('sends again with the same key when the answer was lost', async () => {
    const keys: string[] = [];
    const send = vi.fn(async (key: string) => {
      keys.push(key);
      if (keys.length === 1) throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'offline' });
      return 'done';
    });
    await expect(sendOnce(send, { wait: noWait })).resolves.toBe('done');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('waits for a first attempt still running, and gives up after the attempts allowed', async () => {
    const busy = new ApiError({ status: 409, code: 'IDEMPOTENCY_KEY_IN_USE', message: 'still running' });
    const send = vi.fn(async () => {
      throw busy;
    });
    await expect(sendOnce(send, { wait: noWait, attempts: 3 })).rejects.toBe(busy);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('never repeats a request the server refused', async () => {
    const refused = new ApiError({ status: 409, code: 'LAST_ADMINISTRATOR', message: 'no' });
    const send = vi.fn(async () => {
      throw refused;
    });
    await expect(sendOnce(send, { wait: noWait })).rejects.toBe(refused);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('inBatches', () => {
  it('sends the items a batch at a time, in order, reporting progress after each', async () => {
    const items = Array.from({ length: 1_201 }, (_, i) => i);
    const sizes: number[] = [];
    const progress: [number, number][] = [];
    const results = await inBatches(
      items,
      500,
      async (batch) => {
        sizes.push(batch.length);
        return batch.map((n) => n * 2);
      },
      (done, total) => progress.push([done, total]),
    );
    expect(sizes).toEqual([500, 500, 201]);
    expect(results).toEqual(items.map((n) => n * 2));
    expect(progress).toEqual([
      [0, 1_201],
      [500, 1_201],
      [1_000, 1_201],
      [1_201, 1_201],
    ]);
  });

  it('stops at the first failed batch', async () => {
    const send = vi.fn(async (batch: number[]) => {
      if (batch[0] === 2) throw new Error('down');
      return batch;
    });
    await expect(inBatches([1, 2, 3], 1, send)).rejects.toThrow('down');
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe('forEachLimited', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await forEachLimited([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});

describe('collectPages', () => {
  const pages = (count: number, size: number) => async (cursor: string | null) => {
    const page = Number(cursor ?? 0);
    const items = Array.from({ length: size }, (_, i) => page * size + i);
    return { items, nextCursor: page + 1 < count ? String(page + 1) : null };
  };

  it('reads a list to its end', async () => {
    const { items, complete } = await collectPages(pages(3, 2), { max: 100 });
    expect(items).toEqual([0, 1, 2, 3, 4, 5]);
    expect(complete).toBe(true);
  });

  it('stops at the most it may hold and says the list had more', async () => {
    const fetchPage = vi.fn(pages(10, 200));
    const { items, complete } = await collectPages(fetchPage, { max: 500 });
    expect(items).toHaveLength(500);
    expect(complete).toBe(false);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });
});
