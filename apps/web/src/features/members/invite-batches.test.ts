import { describe, expect, it } from 'vitest';
import {
  type AddressOutcome,
  addressesFromText,
  checkTypedAddresses,
  countOutcomes,
  invalidAddressesMessage,
  inviteInBatches,
} from './invite-batches';

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

describe('typed addresses checked as they are typed', () => {
  it('flags the addresses the server would refuse, with a count', () => {
    const { addresses, invalid } = checkTypedAddresses('ann@example.com, bob@ ; carl, dee@example.com\n');
    expect(addresses).toEqual(['ann@example.com', 'bob@', 'carl', 'dee@example.com']);
    expect(invalid).toEqual(['bob@', 'carl']);
    expect(invalidAddressesMessage(invalid)).toBe('2 addresses are not valid: bob@, carl');
    expect(invalidAddressesMessage(['x'])).toBe('1 address is not valid: x');
    expect(invalidAddressesMessage(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe(
      '7 addresses are not valid: a, b, c, d, e, and 2 more',
    );
  });

  it('leaves the address being typed alone until a separator follows it', () => {
    expect(checkTypedAddresses('ann@example.com; bob@exa', true).invalid).toEqual([]);
    expect(checkTypedAddresses('ann@example.com; bob@exa ', true).invalid).toEqual(['bob@exa']);
    // Once the field is left (or on Send), every address is judged.
    expect(checkTypedAddresses('ann@example.com; bob@exa', false).invalid).toEqual(['bob@exa']);
  });

  it('judges addresses as the server does: trimmed and in any case', () => {
    expect(checkTypedAddresses('Ann@Example.COM').invalid).toEqual([]);
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
