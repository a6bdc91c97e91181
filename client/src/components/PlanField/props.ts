import type { DataPath } from '../../forms/fieldErrors';

/** What a field needs from its section editor (useSectionEditor's result satisfies it). */
export interface FieldHost {
  /** The section key; prefixes each input's id (`academic-courses-2-credits`). */
  section: string;
  get: (path: DataPath) => unknown;
  set: (path: DataPath, value: unknown) => void;
  errorsAt: (path: DataPath) => string[] | undefined;
  /** Saves pending edits (called on blur). */
  flush: () => void;
}

export type BaseFieldProps = {
  /** The section editor the field reads and writes. */
  host: FieldHost;
  /** Where the value lives in the section's data. */
  path: DataPath;
  /** Visible label (required: every input is labelled). */
  label: string;
  /** Extra help shown under the field when it has no error. */
  hint?: string;
  /** Marks the field as required for assistive technology. */
  required?: boolean;
  /** CSS width of the input. */
  width?: string;
};

export type TextFieldProps = BaseFieldProps & {
  /** Store an empty input as absent (optional fields) instead of ''. */
  optional?: boolean;
  /** Multi-line input (TextArea). */
  multiline?: boolean;
};

export type NumberFieldProps = BaseFieldProps & {
  /** Store an empty input as null (nullable) or absent (optional); otherwise it is invalid. */
  empty?: 'null' | 'absent' | 'invalid';
  /** Whole numbers only (numeric keyboard). */
  integer?: boolean;
};

export type SelectFieldProps = BaseFieldProps & {
  /** The choices: stored value and visible label. */
  options: readonly { value: string | number; label: string }[];
};
