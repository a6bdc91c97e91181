import type { SessionInfo } from '../../../../shared/api/session';

export type ActivityPickerProps = {
  /** The teacher's deep linking session (its course names the page). */
  session: SessionInfo;
};
