import { useEffect, useRef } from 'react';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { Button } from '@instructure/ui-buttons/v11_6';
import { useT, type MessageKey } from '../../i18n';
import type { StatusKind, StatusPageProps } from './props';

const messages: Record<StatusKind, { title: MessageKey; body: MessageKey }> = {
  noToken: { title: 'status.noToken.title', body: 'status.noToken.body' },
  sessionEnded: { title: 'status.sessionEnded.title', body: 'status.sessionEnded.body' },
  offline: { title: 'status.offline.title', body: 'status.offline.body' },
  forbidden: { title: 'status.forbidden.title', body: 'status.forbidden.body' },
  notFound: { title: 'status.notFound.title', body: 'status.notFound.body' },
  error: { title: 'status.error.title', body: 'status.error.body' },
  unknownRole: { title: 'status.error.title', body: 'status.unknownRole.body' },
};

/**
 * A whole page explaining why the app cannot show what was asked (no launch, session ended, offline, error).
 * Its h1 takes focus when it appears, so screen reader users hear what happened.
 */
export function StatusPage({ kind, onRetry, referenceId }: StatusPageProps) {
  const t = useT();
  const heading = useRef<HTMLElement | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [kind]);
  const { title, body } = messages[kind];
  return (
    <View as="section" display="block" maxWidth="40rem" margin="large 0 0 0">
      <Heading
        level="h1"
        margin="0 0 small 0"
        elementRef={(el) => {
          heading.current = el instanceof HTMLElement ? el : null;
          if (heading.current) {
            // Focusable only from script (to announce the page), so no focus ring: it is not a control.
            heading.current.tabIndex = -1;
            heading.current.style.outline = 'none';
          }
        }}
      >
        {t(title)}
      </Heading>
      <Text as="p">{t(body)}</Text>
      {referenceId ? (
        <Text as="p" size="small" color="secondary">
          {t('status.error.reference', { id: referenceId })}
        </Text>
      ) : null}
      {onRetry ? (
        <View as="div" margin="medium 0 0 0">
          <Button color="primary" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

export default StatusPage;
