import type { DataPath } from '../../forms/fieldErrors';
import type { FieldHost } from '../PlanField/props';

export type RatingGroupProps = {
  /** The section editor holding the rating. */
  host: FieldHost;
  /** Where the rating (a whole number 1..n) lives. */
  path: DataPath;
  /** The question or statement (the fieldset's legend). */
  legend: string;
  /** Labels of the points of the scale, from 1 up. */
  labels: readonly string[];
};
