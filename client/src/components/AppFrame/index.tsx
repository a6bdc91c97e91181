import { View } from '@instructure/ui-view/v11_6';
import { Flex } from '@instructure/ui-flex/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { useT } from '../../i18n';
import type { AppFrameProps } from './props';

/** Page chrome: a banner with the app, district and user names, and the `main` landmark holding the page. */
export function AppFrame({ userName, tenantName, children }: AppFrameProps) {
  const t = useT();
  return (
    <>
      <View as="header" display="block" background="secondary" borderWidth="0 0 small 0" padding="x-small medium">
        <Flex wrap="wrap" justifyItems="space-between" alignItems="center" gap="xx-small medium">
          <Flex.Item shouldShrink>
            <Text weight="bold">{t('app.name')}</Text>
            {tenantName ? <Text color="secondary">{` · ${tenantName}`}</Text> : null}
          </Flex.Item>
          {userName ? (
            <Flex.Item shouldShrink>
              <Text size="small">{t('app.signedInAs', { name: userName })}</Text>
            </Flex.Item>
          ) : null}
        </Flex>
      </View>
      <View as="main" id="main" display="block" maxWidth="72rem" margin="0 auto" padding="medium">
        {children}
      </View>
    </>
  );
}

export default AppFrame;
