import type { ClassDashboardView, PlacementView, ProgressStatus } from '../../../../shared/api/activities';

export type StudentPlanReviewProps = {
  /** The student (tool user id) whose plan is shown, read-only. */
  userId: string;
  /** The student's row of the class dashboard (their activities' status), when it is loaded. */
  row: ClassDashboardView['students'][number] | null;
  /** The course's placed activities shown in the dashboard. */
  placements: PlacementView[];
  /** Where "Back to the class" goes (a hash route). */
  backHref: string;
  /** Records a review decision in the dashboard (the activity's new status). */
  onReviewed: (userId: string, placementId: string, status: ProgressStatus) => void;
};
