import type { SaveState } from '../../autosave/useSectionEditor';

export type SaveStatusProps = {
  /** The section editor whose state is shown (useSectionEditor's result). */
  editor: {
    state: SaveState;
    conflict: unknown;
    restoredAt: string | null;
    keepMine: () => void;
    useSaved: () => void;
    saveNow: () => void;
    dismissRestored: () => void;
  };
  /** The section's name, for the buttons' accessible names ("Save now: Course plan"). */
  name: string;
};
