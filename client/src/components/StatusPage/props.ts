/** Which situation the page explains; each has a title and body in the i18n catalog. */
export type StatusKind = 'noToken' | 'sessionEnded' | 'offline' | 'forbidden' | 'notFound' | 'error' | 'unknownRole';

export type StatusPageProps = {
  /** The situation to explain. */
  kind: StatusKind;
  /** Shows a "Try again" button calling this (offline and generic errors). */
  onRetry?: () => void;
  /** Server reference id of the failure, shown so support can find it in the logs. */
  referenceId?: string;
};
