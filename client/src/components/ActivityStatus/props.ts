import type { ProgressStatus, SyncState } from '../../../../shared/api/activities';

export type ProgressStatusTextProps = {
  /** The student's progress on the activity, always shown as text (color only repeats it). */
  status: ProgressStatus;
  /** Text size (the dashboard's cells use small). */
  size?: 'small' | 'medium';
};

export type SyncStateTextProps = {
  /** The grade's sync state; 'none' (no grade yet) renders nothing. */
  sync: SyncState;
  /** The last error of a failed sync, shown after the state. */
  error?: string | null;
};
