import { useRef, useState } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Modal } from '@instructure/ui-modal/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import type { PlacementRemovedView } from '../../../../shared/api/activities';
import { isApiFailure } from '../../api';
import { activitiesApi } from '../../api/activities';
import { useT } from '../../i18n';

export type RemoveOutcome = { kind: 'removed'; result: PlacementRemovedView } | { kind: 'alreadyRemoved' };

/**
 * Confirms removing a placed activity from ECAP Planner (DELETE /api/placements/:id) and says what it means:
 * the LMS link stays in the course and shows a notice; grades already sent stay in the gradebook.
 * `onDone` gets the outcome once the server agreed (or the activity was already gone); errors stay in the dialog.
 */
export function RemovePlacementDialog({
  placement,
  onCancel,
  onDone,
  onExited,
}: {
  placement: { id: string; title: string } | null;
  onCancel: () => void;
  onDone: (placementId: string, outcome: RemoveOutcome) => void;
  onExited?: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Keep the title while the dialog animates out after the removal.
  const last = useRef(placement);
  if (placement) last.current = placement;
  const title = last.current?.title ?? '';

  const cancel = () => {
    if (busy) return;
    setError(null);
    onCancel();
  };
  const confirm = async () => {
    if (!placement || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await activitiesApi.removePlacement(placement.id);
      onDone(placement.id, { kind: 'removed', result });
    } catch (e) {
      if (isApiFailure(e) && e.status === 404) onDone(placement.id, { kind: 'alreadyRemoved' });
      else if (isApiFailure(e) && e.kind === 'network') setError(t('dashboard.remove.offline'));
      else if (isApiFailure(e) && e.status === 403) setError(t('dashboard.remove.forbidden'));
      else setError(t('dashboard.remove.error'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={placement !== null}
      onDismiss={cancel}
      onExited={onExited}
      label={t('dashboard.remove.title', { activity: title })}
      size="small"
      shouldCloseOnDocumentClick={false}
    >
      <Modal.Header>
        <Heading level="h2">{t('dashboard.remove.title', { activity: title })}</Heading>
      </Modal.Header>
      <Modal.Body>
        <Text as="p">{t('dashboard.remove.effect')}</Text>
        <Text as="p">{t('dashboard.remove.link')}</Text>
        <Text as="p">{t('dashboard.remove.grades')}</Text>
        <div role="alert">
          {error ? (
            <Text as="p" color="danger" weight="bold">
              {error}
            </Text>
          ) : null}
        </div>
      </Modal.Body>
      <Modal.Footer>
        <Button onClick={cancel} margin="0 x-small 0 0" interaction={busy ? 'disabled' : 'enabled'}>
          {t('dashboard.remove.cancel')}
        </Button>
        <Button color="danger" onClick={() => void confirm()} interaction={busy ? 'disabled' : 'enabled'}>
          {busy ? t('dashboard.remove.working') : t('dashboard.remove.confirm')}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
