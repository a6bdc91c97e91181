import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { ATTRIBUTE_KEYS, type PlanSummary } from '../../../../shared/api/session';
import { api } from '../../api';
import { useResource } from '../../api/useResource';
import { useT } from '../../i18n';
import { activityIdFromHash, hrefFor, routeFromHash, useLocationHash } from '../../routing/hashRoute';
import { AttributeCard } from '../AttributeCard';
import { LoadingState } from '../LoadingState';
import { PlanNav, routeLabel } from '../PlanNav';
import { ResourceView } from '../ResourceView';
import type { RoleHomeProps } from '../RoleHome/props';

const PlanShell = lazy(() => import('../PlanShell'));
const ActivityScreen = lazy(() => import('../ActivityScreen'));
const BackToActivity = lazy(() => import('../ActivityScreen/BackToActivity'));

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

/** Overview: the school year and the four ECAP attributes with progress, each linking to its screen. */
function Overview() {
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
              <AttributeCard key={a.key} attribute={a.key} completed={a.completed} total={a.total} href={hrefFor(a.key)} />
            ))}
          </ul>
        </>
      )}
    </ResourceView>
  );
}

/**
 * Student home: the plan's screens behind hash routes (`#/plan/academic` ...), the overview at `#/`, and a placed
 * activity at `#/activity/<placementId>` (where a launch from an LMS assignment lands). After moving between
 * screens, focus goes to the new screen's h1 so keyboard and screen reader users start there.
 */
export function StudentHome({ session }: RoleHomeProps) {
  const t = useT();
  const hash = useLocationHash();
  const [firstHash] = useState(hash);
  const activityId = activityIdFromHash(hash);
  const route = routeFromHash(hash);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo?.(0, 0);
    if (activityId) return; // The activity screen focuses its heading once it has loaded.
    const expected = route === 'overview' ? t('student.title') : t(routeLabel[route]);
    let tries = 0;
    const timer = setInterval(() => {
      const h1 = [...document.querySelectorAll<HTMLElement>('main h1')].find((h) => h.textContent === expected);
      if (h1 || ++tries > 40) {
        clearInterval(timer);
        if (h1) {
          h1.tabIndex = -1;
          h1.style.outline = 'none';
          h1.focus();
        }
      }
    }, 50);
    return () => clearInterval(timer);
  }, [route, activityId, t]);
  return (
    <>
      <PlanNav current={activityId ? null : route} />
      {activityId ? (
        <Suspense fallback={<LoadingState />}>
          <ActivityScreen key={activityId} placementId={activityId} focusOnLoad={hash !== firstHash} />
        </Suspense>
      ) : route === 'overview' ? (
        <Overview />
      ) : (
        <Suspense fallback={<LoadingState />}>
          <BackToActivity />
          <PlanShell key="plan" route={route} session={session} />
        </Suspense>
      )}
    </>
  );
}

export default StudentHome;
