export type ExportPdfButtonProps = {
  /** Whose plan: the signed-in student's when absent, else this student's (a parent's child). */
  studentId?: string;
};
