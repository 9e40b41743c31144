import type { BulkSelection, MemberCounts, MemberRow, MembersFilter } from '@portico/contracts';
import { useMemo, useState } from 'react';

/**
 * The Members page's selection (SPEC §2.4): rows ticked one by one (kept across pages, with the row itself so a
 * confirmation can name it), or "all N matching" a filter, minus the rows unticked since. The second form is sent
 * as the filter, so a bulk action reaches rows never loaded.
 */
export type MemberSelection =
  | { mode: 'rows'; rows: ReadonlyMap<string, MemberRow> }
  | { mode: 'matching'; filter: MembersFilter; matching: number; except: ReadonlyMap<string, MemberRow> };

export const NOTHING: MemberSelection = { mode: 'rows', rows: new Map() };

export function isSelected(selection: MemberSelection, row: MemberRow): boolean {
  return selection.mode === 'rows' ? selection.rows.has(row.id) : !selection.except.has(row.id);
}

/** How many rows the selection holds. */
export function selectedCount(selection: MemberSelection): number {
  return selection.mode === 'rows' ? selection.rows.size : Math.max(0, selection.matching - selection.except.size);
}

/** Ticks (or unticks) rows: in "all matching", unticking adds to the exceptions and ticking takes them out. */
export function toggleRows(selection: MemberSelection, rows: MemberRow[], on: boolean): MemberSelection {
  const next = new Map(selection.mode === 'rows' ? selection.rows : selection.except);
  const add = selection.mode === 'rows' ? on : !on;
  for (const row of rows) {
    if (add) next.set(row.id, row);
    else next.delete(row.id);
  }
  if (selection.mode === 'rows') return { mode: 'rows', rows: next };
  // Everything unticked again: nothing is selected, whatever the filter matches meanwhile.
  if (next.size >= selection.matching) return NOTHING;
  return { ...selection, except: next };
}

export function selectMatching(filter: MembersFilter, matching: number): MemberSelection {
  return { mode: 'matching', filter, matching, except: new Map() };
}

/** What a bulk request names: the ids, or the filter with the rows unticked since. */
export function toBulkSelection(selection: MemberSelection): BulkSelection {
  if (selection.mode === 'rows') return { ids: [...selection.rows.keys()] };
  return { matching: selection.filter, except: [...selection.except.keys()] };
}

/** The state of the "select the page" checkbox: all of the rows shown, some of them, or none. */
export function pageState(selection: MemberSelection, rows: MemberRow[]) {
  const ticked = rows.filter((row) => isSelected(selection, row)).length;
  return { checked: rows.length > 0 && ticked === rows.length, indeterminate: ticked > 0 && ticked < rows.length };
}

/** The selection and its changes, for the page, its list and its bar. */
export function useMemberSelection() {
  const [selection, setSelection] = useState<MemberSelection>(NOTHING);
  return useMemo(
    () => ({
      current: selection,
      size: selectedCount(selection),
      has: (row: MemberRow) => isSelected(selection, row),
      toggle: (rows: MemberRow[], on: boolean) => setSelection((current) => toggleRows(current, rows, on)),
      selectMatching: (filter: MembersFilter, matching: number) => setSelection(selectMatching(filter, matching)),
      clear: () => setSelection(NOTHING),
    }),
    [selection],
  );
}

export type MemberSelectionState = ReturnType<typeof useMemberSelection>;

// --- what the selection holds ---------------------------------------------------------------------------------

const number = new Intl.NumberFormat();
const plural = (n: number, one: string, many = `${one}s`) => `${number.format(n)} ${n === 1 ? one : many}`;

/** "2 members selected", "1 invitation selected", "3 selected: 2 members, 1 invitation", "1,204 selected". */
export function selectionSummary(selection: MemberSelection): string {
  if (selection.mode === 'matching') return `${number.format(selectedCount(selection))} selected`;
  const rows = [...selection.rows.values()];
  const members = rows.filter((row) => row.kind === 'member').length;
  const invitations = rows.length - members;
  if (invitations === 0) return `${plural(members, 'member')} selected`;
  if (members === 0) return `${plural(invitations, 'invitation')} selected`;
  return `${number.format(rows.length)} selected: ${plural(members, 'member')}, ${plural(invitations, 'invitation')}`;
}

/** The page's headline: "1,204 members · 3 administrators · 48 pending · 2 expired invitations". */
export function countsHeadline(counts: MemberCounts): string {
  return [
    plural(counts.members, 'member'),
    plural(counts.administrators, 'administrator'),
    `${number.format(counts.pending)} pending`,
    plural(counts.expired, 'expired invitation'),
  ].join(' · ');
}
