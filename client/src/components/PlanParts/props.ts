import type { ReactNode } from 'react';

export type ItemFieldsetProps = {
  /** The item's legend (its name, or "New course" while empty). */
  legend: string;
  /** Label of the remove button, naming the item ("Remove course: Algebra I"). */
  removeLabel: string;
  /** Removes the item. */
  onRemove: () => void;
  /** The item's fields. */
  children: ReactNode;
};

export type FieldGridProps = {
  /** The fields, laid out in as many columns as fit (one on a phone). */
  children: ReactNode;
  /** Narrowest column (CSS length). */
  min?: string;
};
