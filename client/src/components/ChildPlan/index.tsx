import { useRef } from 'react';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Link } from '@instructure/ui-link/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { planApi } from '../../api/plan';
import { useResource } from '../../api/useResource';
import { useT } from '../../i18n';
import { ResourceView } from '../ResourceView';
import { PlanSummary } from '../StudentPlanReview';
import { ExportPdfButton } from '../ExportPdfButton';
import { AnnualReviewSignoffs } from '../AnnualReviewSignoffs';
import type { ChildPlanProps } from './props';

/** A parent's read-only view of one child's plan (`#/child/<id>`); the server decides who may read it. */
export function ChildPlan({ studentId }: ChildPlanProps) {
  const t = useT();
  const load = useRef((signal: AbortSignal) => planApi.planOf(studentId, { signal })).current;
  const [plan, retry] = useResource(load);
  return (
    <>
      <View as="div" margin="0 0 small 0">
        <Link href="#/" isWithinText={false}>
          {t('parent.back')}
        </Link>
      </View>
      <ResourceView resource={plan} onRetry={retry}>
        {(data) => (
          <>
            <Heading level="h1" margin="0 0 small 0">
              {t('parent.childPlanTitle', { name: data.studentName })}
            </Heading>
            <Text as="p">{t('parent.readOnly')}</Text>
            <ExportPdfButton studentId={studentId} />
            <AnnualReviewSignoffs studentId={studentId} mode="parent" />
            <PlanSummary plan={data} />
          </>
        )}
      </ResourceView>
    </>
  );
}

export default ChildPlan;
