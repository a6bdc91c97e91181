export type FormStatusProps = {
  /** The message to announce; nothing is shown when null. */
  message: string | null;
  /** How the message reads: progress, success or failure. */
  tone: 'info' | 'success' | 'danger';
  /** Further lines (e.g. server messages that name no field). */
  details?: string[];
};
