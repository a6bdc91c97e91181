import type { SessionInfo } from '../../../../shared/api/session';

export type RoleHomeProps = {
  /** The signed-in session; the role in `session.user.role` picks the home page. */
  session: SessionInfo;
};
