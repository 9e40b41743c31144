import type { AssignOutcome } from '@portico/contracts';

/** What became of one item of a bulk change: done, nothing to do, or refused (the outcome says why). */
export type ResultTone = 'done' | 'unchanged' | 'refused';

export interface ItemResult {
  key: string;
  /** Whom or what the item is about, as the reader knows it: a name and an address. */
  who: string;
  /** In the API's words: `assigned`, `product type already held`, `revoked`. */
  outcome: string;
  tone: ResultTone;
}

/** A bulk change's answer as the results panel shows it. */
export interface BulkResults {
  title: string;
  items: ItemResult[];
}

export const TONE_ORDER: Record<ResultTone, number> = { refused: 0, unchanged: 1, done: 2 };

/** Outcomes with how often each came back, refused ones first. */
export function countResults(results: ItemResult[]): { outcome: string; tone: ResultTone; count: number }[] {
  const counts = new Map<string, { outcome: string; tone: ResultTone; count: number }>();
  for (const { outcome, tone } of results) {
    const known = counts.get(outcome) ?? { outcome, tone, count: 0 };
    known.count += 1;
    counts.set(outcome, known);
  }
  return [...counts.values()].sort((a, b) => TONE_ORDER[a.tone] - TONE_ORDER[b.tone]);
}

const number = new Intl.NumberFormat();

export interface Person {
  id: string;
  name: string | null;
  email: string;
}

/** "Mia Member (mia@example.com)", or the address alone when there is no name. */
export function personLabel(person: Pick<Person, 'name' | 'email'>): string {
  return person.name ? `${person.name} (${person.email})` : person.email;
}

/** SPEC §2.5's answer per member: assigned, already assigned (nothing to do), or refused with the reason. */
export function assignResults(
  outcomes: { user: string; outcome: AssignOutcome }[],
  people: Map<string, Pick<Person, 'name' | 'email'>>,
  product: string,
): BulkResults {
  const items = outcomes.map(({ user, outcome }): ItemResult => {
    const person = people.get(user);
    const tone = outcome === 'assigned' ? 'done' : outcome === 'already assigned' ? 'unchanged' : 'refused';
    return { key: user, who: person ? personLabel(person) : user, outcome, tone };
  });
  const assigned = items.filter((i) => i.tone === 'done').length;
  const noun = items.length === 1 ? 'member' : 'members';
  return {
    title: `${product}: ${number.format(assigned)} of ${number.format(items.length)} ${noun} assigned`,
    items,
  };
}
