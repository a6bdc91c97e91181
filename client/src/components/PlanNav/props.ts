import type { PlanRoute } from '../../routing/hashRoute';

export type PlanNavProps = {
  /** The screen shown now (marked aria-current="page"); null when the page is not one of the plan's screens. */
  current: PlanRoute | null;
};
