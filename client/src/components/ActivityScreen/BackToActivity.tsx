import { Link } from '@instructure/ui-link/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { useT } from '../../i18n';
import { activityHref } from '../../routing/hashRoute';
import { forgetActivity, useReturnActivity } from './returnTo';

/**
 * "Back to the activity" at the top of a plan screen, when the student came from a placed activity through its
 * "Open the … screen" button; nothing otherwise. Render it above the plan screen (StudentHome, plan routes).
 */
export function BackToActivity() {
  const t = useT();
  const from = useReturnActivity();
  if (!from) return null;
  return (
    <View as="div" margin="0 0 small 0">
      <Link href={activityHref(from.placementId)} isWithinText={false} onClick={() => forgetActivity()}>
        {t('activity.backTo', { activity: from.title })}
      </Link>
    </View>
  );
}

export default BackToActivity;
