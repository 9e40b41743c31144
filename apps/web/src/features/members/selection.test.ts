import { describe, expect, it } from 'vitest';
import {
  countsHeadline,
  isSelected,
  NOTHING,
  pageState,
  selectedCount,
  selectionSummary,
  selectMatching,
  toBulkSelection,
  toggleRows,
} from './selection';
import { invitationRow, memberRow } from './test-rows';

const [ann, bob, pat] = [memberRow('ann'), memberRow('bob'), invitationRow('inv_pat')];

describe('ticked rows', () => {
  it('are kept with their rows and sent as ids, members and invitations alike', () => {
    const selection = toggleRows(toggleRows(NOTHING, [ann, pat], true), [bob], true);
    expect(selectedCount(selection)).toBe(3);
    expect(toBulkSelection(selection)).toEqual({ ids: ['ann', 'inv_pat', 'bob'] });
    const unticked = toggleRows(selection, [ann], false);
    expect(isSelected(unticked, ann)).toBe(false);
    expect(selectionSummary(unticked)).toBe('2 selected: 1 member, 1 invitation');
  });

  it('are summed up by kind', () => {
    expect(selectionSummary(toggleRows(NOTHING, [ann], true))).toBe('1 member selected');
    expect(selectionSummary(toggleRows(NOTHING, [ann, bob], true))).toBe('2 members selected');
    expect(selectionSummary(toggleRows(NOTHING, [pat], true))).toBe('1 invitation selected');
  });
});

describe('all N matching', () => {
  const filter = { status: 'pending' as const };

  it('selects rows never loaded, and sends the filter with the rows unticked since', () => {
    const all = selectMatching(filter, 48);
    expect(isSelected(all, pat)).toBe(true);
    expect(selectedCount(all)).toBe(48);
    expect(toBulkSelection(all)).toEqual({ matching: filter, except: [] });
    const lessOne = toggleRows(all, [pat], false);
    expect(selectedCount(lessOne)).toBe(47);
    expect(isSelected(lessOne, pat)).toBe(false);
    expect(toBulkSelection(lessOne)).toEqual({ matching: filter, except: ['inv_pat'] });
    expect(selectionSummary(lessOne)).toBe('47 selected');
    // Ticked again, the row leaves the exceptions.
    expect(toBulkSelection(toggleRows(lessOne, [pat], true))).toEqual({ matching: filter, except: [] });
  });

  it('becomes nothing once every matching row is unticked', () => {
    expect(toggleRows(selectMatching(filter, 2), [ann, bob], false)).toBe(NOTHING);
  });
});

describe('pageState', () => {
  it('is checked, indeterminate or neither', () => {
    const rows = [ann, bob];
    expect(pageState(NOTHING, rows)).toEqual({ checked: false, indeterminate: false });
    expect(pageState(toggleRows(NOTHING, [ann], true), rows)).toEqual({ checked: false, indeterminate: true });
    expect(pageState(toggleRows(NOTHING, rows, true), rows)).toEqual({ checked: true, indeterminate: false });
    expect(pageState(selectMatching({}, 10), rows)).toEqual({ checked: true, indeterminate: false });
    expect(pageState(NOTHING, [])).toEqual({ checked: false, indeterminate: false });
  });
});

describe('countsHeadline', () => {
  it('says every count, with thousands separated and singulars', () => {
    expect(countsHeadline({ members: 1204, administrators: 3, pending: 48, expired: 2 })).toBe(
      '1,204 members · 3 administrators · 48 pending · 2 expired invitations',
    );
    expect(countsHeadline({ members: 1, administrators: 1, pending: 0, expired: 1 })).toBe(
      '1 member · 1 administrator · 0 pending · 1 expired invitation',
    );
  });
});
