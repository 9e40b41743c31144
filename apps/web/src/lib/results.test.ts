import { describe, expect, it } from 'vitest';
import { assignResults, countResults, personLabel } from './results';

describe('assignResults', () => {
  const people = new Map([
    ['usr_1', { name: 'Mia Member', email: 'mia@example.com' }],
    ['usr_2', { name: null, email: 'noah@example.com' }],
  ]);

  it('names each member and says how many got a seat', () => {
    const results = assignResults(
      [
        { user: 'usr_1', outcome: 'assigned' },
        { user: 'usr_2', outcome: 'product type already held' },
        { user: 'usr_3', outcome: 'already assigned' },
      ],
      people,
      'Premium CAD',
    );
    expect(results.title).toBe('Premium CAD: 1 of 3 members assigned');
    expect(results.items.map((i) => [i.who, i.tone])).toEqual([
      ['Mia Member (mia@example.com)', 'done'],
      ['noah@example.com', 'refused'],
      ['usr_3', 'unchanged'],
    ]);
  });

  it('counts outcomes with the refused ones first', () => {
    const { items } = assignResults(
      [
        { user: 'usr_1', outcome: 'assigned' },
        { user: 'usr_2', outcome: 'no seat available' },
      ],
      people,
      'Premium CAD',
    );
    expect(countResults(items).map((c) => c.outcome)).toEqual(['no seat available', 'assigned']);
  });
});

describe('personLabel', () => {
  it('shows the address alone when there is no name', () => {
    expect(personLabel({ name: null, email: 'a@example.com' })).toBe('a@example.com');
  });
});
