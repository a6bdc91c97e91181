import { Spinner } from '@instructure/ui-spinner/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { useT } from '../../i18n';

/** A centred spinner announced as "Loading…"; used while a page's data or code arrives. */
export function LoadingState() {
  const t = useT();
  return (
    <View as="div" display="block" textAlign="center" padding="x-large 0" role="status">
      <Spinner renderTitle={t('app.loading')} size="medium" />
    </View>
  );
}

export default LoadingState;
