// What a grid cell shows while the user types in it. An input bound with `:value` gets the bound value written back
// on every re-render of its component (Vue patches `value` each time, since the DOM's value can drift), and the grid
// re-renders for many reasons while a cell is being typed in: an autosave, a re-solve, the validation of another row.
// Without a draft, what was typed since the last commit is lost; this is how a headroom edit was lost on a busy
// machine. So every editable cell shows its draft (the text typed, not yet committed) until it is committed on
// `change` or the cell is left, and its committed value otherwise.
import { ref } from 'vue';

type Field = string;
type Key = `${number}:${Field}`;

/** The bindings of one cell: `v-bind` them on an input or a select. */
export interface CellBinding {
  value: string;
  onInput: (event: Event) => void;
  onChange: (event: Event) => void;
  onBlur: () => void;
}

const textOf = (event: Event): string => (event.target as HTMLInputElement | HTMLSelectElement).value;

export function useCellDrafts() {
  const drafts = ref(new Map<Key, string>());
  /**
   * The cell of `field` in row `rowId`: shows the draft or `committed`; `commit` receives the text on change. Leaving
   * the cell drops a draft that was never committed (typed back to what it was), so it cannot hide a later value.
   */
  function cell(rowId: number, field: Field, committed: string, commit: (text: string) => void): CellBinding {
    const key: Key = `${rowId}:${field}`;
    return {
      value: drafts.value.get(key) ?? committed,
      onInput: (event) => drafts.value.set(key, textOf(event)),
      onChange: (event) => {
        drafts.value.delete(key);
        commit(textOf(event));
      },
      onBlur: () => drafts.value.delete(key),
    };
  }
  /** Whether any cell holds typed text not yet committed (for a test, or a warning before leaving). */
  const typing = () => drafts.value.size > 0;
  return { cell, typing };
}
