import type { ClassDashboardView, ProgressStatus } from '../../../../shared/api/activities';
import type { ApiFailure } from '../../api';
import type { DashboardSort } from '../../api/activities';

/** The dashboard's filters and sort, as sent to GET /api/courses/current/dashboard. */
export type DashboardFilters = { status: ProgressStatus | null; activity: string | null; sort: DashboardSort };

export type ClassDashboardProps = {
  /** The class view as last loaded (kept on screen while a new one loads). */
  data: ClassDashboardView;
  /** Every placed activity of the course (the activity filter's options; the view may hold only one). */
  allPlacements: Array<{ id: string; title: string }>;
  /** The filters and sort the data was asked with. */
  filters: DashboardFilters;
  /** Changes filters or sort (the data reloads). */
  onFiltersChange: (next: DashboardFilters) => void;
  /** Asks the LMS for the roster again. */
  onRefreshRoster: () => void;
  /** A load is under way (filters, sort or roster refresh). */
  loading: boolean;
  /** The last reload failed (the previous data stays on screen). */
  failure: ApiFailure | null;
  /** Records a cell's new grade sync state after "Retry sync". */
  onSyncChange: (userId: string, placementId: string, sync: { sync: ClassDashboardView['students'][number]['progress'][string]['sync']; syncError: string | null }) => void;
};
