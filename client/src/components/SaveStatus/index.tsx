import { Alert } from '@instructure/ui-alerts/v11_6';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Flex } from '@instructure/ui-flex/v11_6';
import { ScreenReaderContent } from '@instructure/ui-a11y-content';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import type { SaveState } from '../../autosave/useSectionEditor';
import { browserStorage } from '../../autosave/drafts';
import { useI18n, type MessageKey } from '../../i18n';
import type { SaveStatusProps } from './props';

const messages: Record<SaveState, MessageKey> = {
  saved: 'save.state.saved',
  pending: 'save.state.pending',
  saving: 'save.state.saving',
  offline: 'save.state.offline',
  error: 'save.state.error',
  invalid: 'save.state.invalid',
  conflict: 'save.state.conflict',
};
/** Where the browser blocks storage (third-party iframes), unsent changes live only in this page. */
function messageFor(state: SaveState): MessageKey {
  if (browserStorage() === null) {
    if (state === 'offline') return 'save.state.offlineMemory';
    if (state === 'error') return 'save.state.errorMemory';
  }
  return messages[state];
}

const colors = {
  saved: 'success',
  pending: 'secondary',
  saving: 'secondary',
  offline: 'warning',
  error: 'danger',
  invalid: 'danger',
  conflict: 'warning',
} as const;

/** The state line stays in view while the student scrolls a long section. */
const stickyStyle = { position: 'sticky', top: 0, zIndex: 2, background: '#fff', padding: '0.25rem 0' } as const;

/**
 * The autosave state of one section (a polite live region), the "changes restored from this device" notice,
 * and the choice offered when the section was saved elsewhere meanwhile.
 */
export function SaveStatus({ editor, name }: SaveStatusProps) {
  const { t, locale } = useI18n();
  const { state } = editor;
  const restored = editor.restoredAt ? new Date(editor.restoredAt) : null;
  return (
    <View as="div" margin="small 0">
      {restored ? (
        <Alert variant="info" margin="0 0 small 0" renderCloseButtonLabel={t('save.restored.dismiss')} onDismiss={editor.dismissRestored}>
          {t('save.restored', {
            time: Number.isNaN(restored.getTime()) ? '' : restored.toLocaleString(locale === 'es' ? 'es-US' : 'en-US'),
          })}
        </Alert>
      ) : null}
      {editor.conflict ? (
        <Alert variant="warning" margin="0 0 small 0">
          <Text as="p" weight="bold">
            {t('save.conflict.title')}
          </Text>
          <Text as="p">{t('save.conflict.body')}</Text>
          <Flex gap="small" wrap="wrap" margin="small 0 0 0">
            <Button color="primary" onClick={editor.keepMine}>
              {t('save.conflict.keepMine')}
              <ScreenReaderContent>{` (${name})`}</ScreenReaderContent>
            </Button>
            <Button onClick={editor.useSaved}>
              {t('save.conflict.useSaved')}
              <ScreenReaderContent>{` (${name})`}</ScreenReaderContent>
            </Button>
          </Flex>
        </Alert>
      ) : null}
      <div style={stickyStyle}>
      <Flex gap="small" wrap="wrap" alignItems="center">
        <Flex.Item shouldShrink>
          <div role="status" aria-live="polite" aria-atomic="true">
            <Text color={colors[state]} weight={state === 'saved' || state === 'pending' || state === 'saving' ? 'normal' : 'bold'}>
              <ScreenReaderContent>{`${name}: `}</ScreenReaderContent>
              {t(messageFor(state))}
            </Text>
          </div>
        </Flex.Item>
        {state !== 'saved' && state !== 'saving' && state !== 'conflict' ? (
          <Flex.Item>
            <Button size="small" onClick={editor.saveNow}>
              {t('save.now')}
              <ScreenReaderContent>{` (${name})`}</ScreenReaderContent>
            </Button>
          </Flex.Item>
        ) : null}
      </Flex>
      </div>
    </View>
  );
}

export default SaveStatus;
