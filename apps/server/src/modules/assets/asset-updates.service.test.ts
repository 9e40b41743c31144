import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seatsInUseProblem } from './asset-updates.service.js';

// SPEC §2.5: an operator cannot reduce an asset's seats below what is assigned (SEATS_IN_USE), and is told how many
// assignments to revoke first.

describe('seatsInUseProblem (SEATS_IN_USE)', () => {
  it('allows any seat count at or above the seats assigned', () => {
    expect(seatsInUseProblem(5, 3)).toBeNull();
    expect(seatsInUseProblem(3, 3)).toBeNull();
    expect(seatsInUseProblem(0, 0)).toBeNull();
    expect(seatsInUseProblem(1, 0)).toBeNull();
  });

  it('refuses one seat below, asking for one assignment to be revoked', () => {
    expect(seatsInUseProblem(2, 3)).toBe('3 seats are assigned: revoke 1 assignment before reducing the seats to 2');
  });

  it('refuses several below, naming how many assignments to revoke', () => {
    expect(seatsInUseProblem(1, 4)).toBe('4 seats are assigned: revoke 3 assignments before reducing the seats to 1');
    expect(seatsInUseProblem(0, 2)).toBe('2 seats are assigned: revoke 2 assignments before reducing the seats to 0');
  });

  it('refuses exactly when the seats would be fewer than those assigned, and the number to revoke makes them fit', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (seats, assigned) => {
        const problem = seatsInUseProblem(seats, assigned);
        expect(problem === null).toBe(seats >= assigned);
        if (problem === null) return;
        const revoke = Number(/revoke (\d+) assignments?/.exec(problem)?.[1]);
        expect(assigned - revoke).toBe(seats);
        expect(problem).toContain(`${assigned} seats are assigned`);
      }),
      { numRuns: 300 },
    );
  });
});
