import { Heading } from '@instructure/ui-heading/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { ATTRIBUTE_KEYS, type PlanSummary } from '../../../../shared/api/session';
import { api } from '../../api';
import { useResource } from '../../api/useResource';
import { useT } from '../../i18n';
import { AttributeCard } from '../AttributeCard';
import { ResourceView } from '../ResourceView';
import type { RoleHomeProps } from '../RoleHome/props';

const loadSummary = (signal: AbortSignal) => api.planSummary({ signal });

const gridStyle = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'grid',
  gap: '1rem',
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 15rem), 1fr))',
} as const;

/** The four attributes in the order of the ECAP, whatever order the server sends. */
function ordered(summary: PlanSummary) {
  return ATTRIBUTE_KEYS.flatMap((key) => summary.attributes.filter((a) => a.key === key));
}

/** Student home: the school year and the four ECAP attributes with progress. */
export function StudentHome(_props: RoleHomeProps) {
  const t = useT();
  const [summary, retry] = useResource(loadSummary);
  return (
    <ResourceView resource={summary} onRetry={retry}>
      {(data) => (
        <>
          <Heading level="h1" margin="0 0 xx-small 0">
            {t('student.title')}
          </Heading>
          <Text as="p" size="large" color="secondary">
            {t('student.schoolYear', { year: data.schoolYear })}
          </Text>
          <Text as="p">{t('student.intro')}</Text>
          <Heading level="h2" variant="titleSection" margin="medium 0 small 0">
            {t('student.attributesHeading')}
          </Heading>
          <ul style={gridStyle}>
            {ordered(data).map((a) => (
              <AttributeCard key={a.key} attribute={a.key} completed={a.completed} total={a.total} />
            ))}
          </ul>
        </>
      )}
    </ResourceView>
  );
}

export default StudentHome;
