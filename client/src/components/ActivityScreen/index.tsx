import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { TextArea } from '@instructure/ui-text-area/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { activityResponseSchema, type ActivityView } from '../../../../shared/api/activities';
import { isApiFailure } from '../../api';
import { activitiesApi, type PlacementDetailView, type ProgressView } from '../../api/activities';
import { useResource } from '../../api/useResource';
import { messagesFor, planIssueMessage } from '../../forms/fieldErrors';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { focusHeading, hrefFor, planRouteOf } from '../../routing/hashRoute';
import { ProgressStatusText } from '../ActivityStatus';
import { FormStatus } from '../FormStatus';
import { routeLabel } from '../PlanNav';
import { ResourceView } from '../ResourceView';
import type { ActivityScreenProps } from './props';
import { rememberActivity } from './returnTo';

/** How each built-in activity is completed, in the student's words. */
function completionText(activity: ActivityView, t: Translate): string {
  const key: Record<ActivityView['rule'], MessageKey> = {
    interest_inventory: 'activity.rule.interest_inventory',
    career_goal: 'activity.rule.career_goal',
    four_year_plan: 'activity.rule.four_year_plan',
    postsecondary_research: 'activity.rule.postsecondary_research',
    financial_plan: 'activity.rule.financial_plan',
    extracurricular_log: 'activity.rule.extracurricular_log',
    resume: 'activity.rule.resume',
    annual_review: 'activity.rule.annual_review',
    custom: 'activity.rule.custom',
  };
  return t(key[activity.rule], { minEntries: activity.params.minEntries ?? 1, minOptions: activity.params.minOptions ?? 1 });
}

const sectionStyle = { display: 'grid', gap: '0.75rem', maxWidth: '48rem' } as const;
const bodyStyle = { maxWidth: '48rem' } as const;

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'invalid' } | { kind: 'error'; message?: string } | { kind: 'offline' };

/** A custom activity: the prompt, the evidence asked for, and the student's response form. */
function ResponseForm({ placementId, progress, onSaved }: { placementId: string; progress: ProgressView; onSaved: (p: ProgressView) => void }) {
  const t = useT();
  const [text, setText] = useState(progress.response ?? '');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const input = useRef<HTMLTextAreaElement | null>(null);
  const locked = progress.status === 'completed';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status.kind === 'sending' || locked) return;
    const parsed = activityResponseSchema.safeParse({ text });
    if (!parsed.success) {
      setError(parsed.error.issues[0] ? planIssueMessage(parsed.error.issues[0], t) : t('form.error.invalid'));
      setStatus({ kind: 'invalid' });
      input.current?.focus();
      return;
    }
    setError(null);
    setStatus({ kind: 'sending' });
    try {
      const saved = await activitiesApi.respond(placementId, parsed.data.text);
      onSaved(saved);
      setStatus({ kind: 'sent' });
    } catch (e) {
      if (isApiFailure(e) && e.kind === 'network') setStatus({ kind: 'offline' });
      else if (isApiFailure(e) && e.status === 400) {
        setError(e.body?.fields?.text?.[0] ?? t('form.error.invalid'));
        setStatus({ kind: 'invalid' });
        input.current?.focus();
      } else if (isApiFailure(e) && e.status === 409) setStatus({ kind: 'error', message: t('activity.response.conflict') });
      else setStatus({ kind: 'error' });
    }
  };

  const statusText: Record<Status['kind'], string | null> = {
    idle: null,
    sending: t('activity.response.sending'),
    sent: t('activity.response.sent'),
    invalid: t('activity.response.invalid'),
    error: status.kind === 'error' && status.message ? status.message : t('activity.response.error'),
    offline: t('activity.response.offline'),
  };
  const tone = status.kind === 'sent' ? 'success' : status.kind === 'sending' || status.kind === 'idle' ? 'info' : 'danger';
  return (
    <form onSubmit={submit} noValidate>
      <div style={sectionStyle}>
        <TextArea
          id="activity-response"
          label={t('activity.response.label')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (status.kind === 'sent') setStatus({ kind: 'idle' });
          }}
          textareaRef={(el) => {
            input.current = el;
          }}
          height="10rem"
          maxHeight="30rem"
          required
          readOnly={locked}
          messages={messagesFor(error ? [error] : undefined, locked ? t('activity.response.locked') : t('activity.response.hint'))}
        />
        {locked ? null : (
          <div>
            <Button type="submit" color="primary" interaction={status.kind === 'sending' ? 'disabled' : 'enabled'}>
              {progress.status === 'submitted' ? t('activity.response.resubmit') : t('activity.response.submit')}
            </Button>
          </div>
        )}
      </div>
      <FormStatus message={statusText[status.kind]} tone={tone} />
    </form>
  );
}

function ActivityBody({ detail, placementId, focusOnLoad }: { detail: PlacementDetailView; placementId: string; focusOnLoad: boolean }) {
  const t = useT();
  const [progress, setProgress] = useState(detail.progress ?? null);
  const { activity } = detail;
  useEffect(() => {
    if (focusOnLoad) focusHeading();
  }, [focusOnLoad]);
  const planRoute = planRouteOf(activity.planSection);
  const custom = activity.custom || activity.rule === 'custom';
  return (
    <>
      <Heading level="h1" margin="0 0 xx-small 0">
        {activity.title}
      </Heading>
      <Text as="p" size="large" color="secondary">
        {detail.placement.points > 0 ? t('activity.points', { points: detail.placement.points }) : t('activity.notGraded')}
      </Text>
      <div style={bodyStyle}>
        {progress ? (
          <View as="div" role="status" aria-live="polite" aria-atomic="true">
            <Text weight="bold">{t('activity.yourStatus')} </Text>
            <ProgressStatusText status={progress.status} />
          </View>
        ) : null}
        {progress?.teacherComment ? (
          <View as="section" aria-labelledby="activity-comment-heading" display="block" margin="small 0 0 0" borderWidth="small" borderRadius="medium" padding="small" background={progress.status === 'needs_revision' ? 'secondary' : 'primary'}>
            <Heading level="h2" variant="titleCardMini" id="activity-comment-heading" margin="0 0 xx-small 0">
              {progress.status === 'needs_revision' ? t('activity.revisionRequested') : t('activity.teacherComment')}
            </Heading>
            <Text as="p">{progress.teacherComment}</Text>
          </View>
        ) : null}
        {/* A custom activity's description is its prompt, shown below under "What to do". */}
        {custom && activity.prompt ? null : <Text as="p">{activity.description}</Text>}
        <Text as="p">{completionText(activity, t)}</Text>
        {activity.reviewRequired ? (
          <Text as="p" color="secondary">
            {t('activity.reviewNote')}
          </Text>
        ) : null}
      </div>
      {custom ? (
        <>
          {activity.prompt ? (
            <>
              <Heading level="h2" variant="titleSection" margin="medium 0 x-small 0">
                {t('activity.prompt')}
              </Heading>
              <Text as="p">{activity.prompt}</Text>
            </>
          ) : null}
          {activity.evidence ? (
            <>
              <Heading level="h2" variant="titleSection" margin="medium 0 x-small 0">
                {t('activity.evidence')}
              </Heading>
              <Text as="p">{activity.evidence}</Text>
            </>
          ) : null}
          <Heading level="h2" variant="titleSection" margin="medium 0 small 0">
            {t('activity.response.heading')}
          </Heading>
          {progress ? (
            <ResponseForm placementId={placementId} progress={progress} onSaved={setProgress} />
          ) : (
            <Text as="p">{t('activity.response.studentsOnly')}</Text>
          )}
        </>
      ) : (
        <View as="div" margin="medium 0 0 0">
          <Button color="primary" href={hrefFor(planRoute ?? 'overview')} onClick={() => rememberActivity({ placementId, title: activity.title })}>
            {planRoute ? t('activity.openSection', { section: t(routeLabel[planRoute]) }) : t('activity.openPlan')}
          </Button>
        </View>
      )}
    </>
  );
}

/** The student's view of a placed activity (`#/activity/<placementId>`): what to do, their status, and where. */
export function ActivityScreen({ placementId, focusOnLoad }: ActivityScreenProps) {
  const load = useRef((signal: AbortSignal) => activitiesApi.placement(placementId, { signal })).current;
  const [detail, retry] = useResource(load);
  return (
    <ResourceView resource={detail} onRetry={retry}>
      {(data) => <ActivityBody detail={data} placementId={placementId} focusOnLoad={focusOnLoad} />}
    </ResourceView>
  );
}

export default ActivityScreen;
