import { Text } from '@instructure/ui-text/v11_6';
import type { ProgressStatus, SyncState } from '../../../../shared/api/activities';
import { useT, type MessageKey } from '../../i18n';
import type { ProgressStatusTextProps, SyncStateTextProps } from './props';

export const statusLabel: Record<ProgressStatus, MessageKey> = {
  not_started: 'activity.status.not_started',
  in_progress: 'activity.status.in_progress',
  submitted: 'activity.status.submitted',
  needs_revision: 'activity.status.needs_revision',
  completed: 'activity.status.completed',
};

export const syncLabel: Record<SyncState, MessageKey> = {
  none: 'activity.sync.none',
  pending: 'activity.sync.pending',
  synced: 'activity.sync.synced',
  retrying: 'activity.sync.retrying',
  failed: 'activity.sync.failed',
};

/** A glyph before the text, hidden from screen readers (the text says it all); color only repeats it. */
const statusLook: Record<ProgressStatus, { glyph: string; color: 'primary' | 'secondary' | 'brand' | 'success' | 'danger' }> = {
  not_started: { glyph: '○', color: 'secondary' },
  in_progress: { glyph: '◐', color: 'primary' },
  submitted: { glyph: '●', color: 'brand' },
  needs_revision: { glyph: '!', color: 'danger' },
  completed: { glyph: '✓', color: 'success' },
};

/** A student's progress on an activity, as text with a glyph ("✓ Completed"). */
export function ProgressStatusText({ status, size = 'medium' }: ProgressStatusTextProps) {
  const t = useT();
  const look = statusLook[status];
  return (
    <Text size={size} color={look.color} weight={status === 'needs_revision' || status === 'submitted' ? 'bold' : 'normal'}>
      <span aria-hidden="true">{look.glyph} </span>
      {t(statusLabel[status])}
    </Text>
  );
}

/** A grade's sync state with the LMS gradebook ("Grade synced", "Grade sync failed: …"). */
export function SyncStateText({ sync, error }: SyncStateTextProps) {
  const t = useT();
  if (sync === 'none') return null;
  return (
    <Text size="small" color={sync === 'failed' ? 'danger' : 'secondary'} weight={sync === 'failed' ? 'bold' : 'normal'}>
      {t(syncLabel[sync])}
      {sync === 'failed' && error ? <Text size="small" color="danger">{` ${t('activity.sync.errorDetail', { error })}`}</Text> : null}
    </Text>
  );
}

export default ProgressStatusText;
