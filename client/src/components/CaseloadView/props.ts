export interface CaseloadViewProps {
  /** Where "Back to the class dashboard" goes; null when the launch had no course. */
  backHref: string | null;
}
