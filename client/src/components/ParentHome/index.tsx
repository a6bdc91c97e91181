import { Suspense, lazy } from 'react';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Link } from '@instructure/ui-link/v11_6';
import { List } from '@instructure/ui-list/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { api } from '../../api';
import { useResource } from '../../api/useResource';
import { useT } from '../../i18n';
import { ResourceView } from '../ResourceView';
import { LoadingState } from '../LoadingState';
import { childHref, childIdFromHash, useLocationHash } from '../../routing/hashRoute';
import type { RoleHomeProps } from '../RoleHome/props';

const loadMentees = (signal: AbortSignal) => api.mentees({ signal });
const ChildPlan = lazy(() => import('../ChildPlan'));

/** Parent home: the children linked to the parent's account (from the LMS mentor role), each plan read-only. */
export function ParentHome(_props: RoleHomeProps) {
  const childId = childIdFromHash(useLocationHash());
  if (childId) {
    return (
      <Suspense fallback={<LoadingState />}>
        <ChildPlan key={childId} studentId={childId} />
      </Suspense>
    );
  }
  return <MenteeList />;
}

function MenteeList() {
  const t = useT();
  const [mentees, retry] = useResource(loadMentees);
  return (
    <ResourceView resource={mentees} onRetry={retry}>
      {(data) => (
        <>
          <Heading level="h1" margin="0 0 small 0">
            {t('parent.title')}
          </Heading>
          {data.mentees.length === 0 ? (
            <Text as="p">{t('parent.empty')}</Text>
          ) : (
            <>
              <Text as="p">{t('parent.intro')}</Text>
              <List margin="small 0 0 0" aria-label={t('parent.listLabel')}>
                {data.mentees.map((m) => (
                  <List.Item key={m.ltiSubject}>
                    {m.name === null ? (
                      <Text fontStyle="italic" color="secondary">
                        {t('parent.notSignedIn')}
                      </Text>
                    ) : m.id ? (
                      <Link href={childHref(m.id)} isWithinText={false}>
                        {t('parent.viewPlan', { name: m.name })}
                      </Link>
                    ) : (
                      <Text weight="bold">{m.name}</Text>
                    )}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </>
      )}
    </ResourceView>
  );
}

export default ParentHome;
