import type { Locale } from '../../../../shared/roles';

export interface ParentLinksPanelProps {
  /** The student (User id) the links open. */
  studentId: string;
  /** Language preselected for a new link (the student's, usually the family's). */
  defaultLocale: Locale;
}
