import { useCallback, useMemo, useState } from 'react';

/**
 * Rows ticked in a list, by key, with the row itself kept so that a confirmation or a result can name it after the
 * row has left the page. `replace` sets the whole selection at once ("Select all N matching").
 */
export function useSelection<T>(keyOf: (item: T) => string) {
  const [selected, setSelected] = useState<ReadonlyMap<string, T>>(new Map());

  const toggle = useCallback(
    (items: T[], on: boolean) =>
      setSelected((current) => {
        const next = new Map(current);
        for (const item of items) {
          if (on) next.set(keyOf(item), item);
          else next.delete(keyOf(item));
        }
        return next;
      }),
    [keyOf],
  );
  const replace = useCallback((items: T[]) => setSelected(new Map(items.map((item) => [keyOf(item), item]))), [keyOf]);
  const clear = useCallback(() => setSelected(new Map()), []);

  return useMemo(
    () => ({
      size: selected.size,
      items: () => [...selected.values()],
      keys: () => [...selected.keys()],
      has: (item: T) => selected.has(keyOf(item)),
      toggle,
      replace,
      clear,
    }),
    [selected, keyOf, toggle, replace, clear],
  );
}

export type Selection<T> = ReturnType<typeof useSelection<T>>;

/** The state of a "select the page" checkbox: all of the rows shown, some of them, or none. */
export function pageSelectionState<T>(rows: T[], selection: Pick<Selection<T>, 'has'>) {
  const ticked = rows.filter((row) => selection.has(row)).length;
  return { checked: rows.length > 0 && ticked === rows.length, indeterminate: ticked > 0 && ticked < rows.length };
}
