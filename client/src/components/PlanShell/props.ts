import type { PlanView, SectionKey, VersionedSection } from '../../../../shared/api/plan';
import type { SessionInfo } from '../../../../shared/api/session';
import type { PlanRoute } from '../../routing/hashRoute';

export type PlanShellProps = {
  /** The screen to show (never 'overview': the home shows that). */
  route: Exclude<PlanRoute, 'overview'>;
  /** The signed-in student's session (tenant and user ids key the drafts kept on this device). */
  session: SessionInfo;
};

/** What every plan screen receives. */
export type PlanScreenProps = {
  /** The plan as last loaded (sections are only the starting point: each section editor keeps its own draft). */
  plan: PlanView;
  /** The signed-in student's session. */
  session: SessionInfo;
  /** Replaces the plan (e.g. after submitting the annual review). */
  replacePlan: (plan: PlanView) => void;
  /** Reloads the plan in the background (e.g. the requirements check after a course plan save). */
  refreshPlan: () => void;
  /** Records a section the server confirmed (so reopening a screen starts from it). */
  sectionSaved: (section: SectionKey, saved: VersionedSection) => void;
};
