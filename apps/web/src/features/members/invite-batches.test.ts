import { describe, expect, it } from 'vitest';
import {
  type AddressOutcome,
  addressesFromCsv,
  addressesFromText,
  countOutcomes,
  inviteInBatches,
} from './invite-batches';

describe('addresses from a CSV file', () => {
  it('reads the email column when the header names one, with quotes and a byte-order mark', () => {
    const csv = '\uFEFFName,Email,Team\r\n"Ann Lee","ann@example.com",CAD\r\nBob,bob@example.com,\r\n\r\n';
    expect(addressesFromCsv(csv)).toEqual(['ann@example.com', 'bob@example.com']);
  });

  it('takes every address-like cell of a file without a header, dropping repeats whatever their case', () => {
    expect(addressesFromCsv('ann@example.com\nBOB@example.com;Bob\nbob@example.com\n')).toEqual([
      'ann@example.com',
      'BOB@example.com',
    ]);
  });

  it('keeps a malformed address in an email column, so the answer can call it invalid', () => {
    expect(addressesFromCsv('email\nnot-an-address\nann@example.com')).toEqual(['not-an-address', 'ann@example.com']);
  });
});

describe('addresses typed in the dialog', () => {
  it('splits on semicolons, commas, spaces and new lines', () => {
    expect(addressesFromText('a@x.com; b@x.com,c@x.com  d@x.com\ne@x.com\n\nA@X.com')).toEqual([
      'a@x.com',
      'b@x.com',
      'c@x.com',
      'd@x.com',
      'e@x.com',
    ]);
  });
});

describe('inviting in batches', () => {
  const addresses = Array.from({ length: 1234 }, (_, i) => `person${i}@example.com`);
  const invited = (batch: string[]): AddressOutcome[] => batch.map((email) => ({ email, outcome: 'invited' }));

  it('sends at most 500 a request, in order, and reports progress after each', async () => {
    const batches: number[] = [];
    const progress: number[] = [];
    const results = await inviteInBatches(
      addresses,
      async (batch) => {
        batches.push(batch.length);
        return invited(batch);
      },
      (sent) => progress.push(sent),
    );
    expect(batches).toEqual([500, 500, 234]);
    expect(progress).toEqual([0, 500, 1000, 1234]);
    expect(results.map((r) => r.email)).toEqual(addresses);
  });

  it('stops at a failed request, keeping what was already sent', async () => {
    let calls = 0;
    let kept: AddressOutcome[] = [];
    const failing = inviteInBatches(
      addresses,
      async (batch) => {
        calls += 1;
        if (calls === 2) throw new Error('The server cannot be reached.');
        return invited(batch);
      },
      (_sent, _total, done) => {
        kept = done;
      },
    );
    await expect(failing).rejects.toThrow('cannot be reached');
    expect(calls).toBe(2);
    expect(kept).toHaveLength(500);
  });

  it('counts outcomes for the summary', () => {
    expect(
      countOutcomes([
        { email: 'a@x.com', outcome: 'invited' },
        { email: 'b@x.com', outcome: 'invited' },
        { email: 'c', outcome: 'invalid address' },
      ]),
    ).toEqual({ invited: 2, 'already a member': 0, 'already invited': 0, 'invalid address': 1 });
  });
});
