/** advisor: a teacher, counselor or admin marks years reviewed; parent: a parent or guardian signs them. */
export type SignoffMode = 'advisor' | 'parent';

export interface AnnualReviewSignoffsProps {
  /** The student (User id) whose submitted years are shown. */
  studentId: string;
  mode: SignoffMode;
}
