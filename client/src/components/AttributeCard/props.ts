import type { AttributeKey } from '../../../../shared/api/session';

export type AttributeCardProps = {
  /** Which of the four ECAP attributes; picks its name and description from the catalog. */
  attribute: AttributeKey;
  /** Steps done so far this school year. */
  completed: number;
  /** Steps in this attribute this school year (at least 1). */
  total: number;
  /** Where the card's heading links to (the attribute's screen). */
  href?: string;
};
