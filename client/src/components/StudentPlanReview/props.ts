import type { ClassDashboardView, PlacementView, ProgressStatus } from '../../../../shared/api/activities';

export type StudentPlanReviewProps = {
  /** The student (tool user id) whose plan is shown, read-only. */
  userId: string;
  /** The student's row of the class dashboard (their activities' status), when it is loaded. */
  row: ClassDashboardView['students'][number] | null;
  /** The course's placed activities shown in the dashboard. */
  placements: PlacementView[];
  /** Where the back link goes (a hash route). */
  backHref: string;
  /** The back link's text; "Back to the class dashboard" by default. */
  backLabel?: string;
  /** course (default): a student of the launch's course; caseload: any student the server lets the reader see. */
  scope?: 'course' | 'caseload';
  /** Records a review decision in the dashboard (the activity's new status). */
  onReviewed: (userId: string, placementId: string, status: ProgressStatus) => void;
};
