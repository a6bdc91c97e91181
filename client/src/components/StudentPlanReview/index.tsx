import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Checkbox } from '@instructure/ui-checkbox/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Link } from '@instructure/ui-link/v11_6';
import { List } from '@instructure/ui-list/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { TextArea } from '@instructure/ui-text-area/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { reviewDecisionSchema, type ActivityView, type PlacementView, type StudentProgressView } from '../../../../shared/api/activities';
import { advisorNoteCreateSchema, type AdvisorNote, type PlanView } from '../../../../shared/api/plan';
import { isApiFailure } from '../../api';
import { activitiesApi } from '../../api/activities';
import { planApi } from '../../api/plan';
import { useResource } from '../../api/useResource';
import { messagesFor, planIssueMessage } from '../../forms/fieldErrors';
import { useI18n, useT, type Translate } from '../../i18n';
import { focusHeading, planRouteOf } from '../../routing/hashRoute';
import { ProgressStatusText, SyncStateText } from '../ActivityStatus';
import { formatDate } from '../ClassDashboard';
import { useRemovedPlacements } from '../ClassDashboard/removedPlacements';
import { routeLabel } from '../PlanNav';
import { FormStatus } from '../FormStatus';
import { AnnualReviewSignoffs } from '../AnnualReviewSignoffs';
import { ParentLinksPanel } from '../ParentLinksPanel';
import { ResourceView } from '../ResourceView';
import type { StudentPlanReviewProps } from './props';

type Tone = 'info' | 'success' | 'danger';
type Status = { message: string | null; tone: Tone };
const idle: Status = { message: null, tone: 'info' };
const stack = { display: 'grid', gap: '0.75rem', maxWidth: '48rem' } as const;
const fieldsetStyle = { border: '1px solid #c7cdd1', borderRadius: '0.5rem', margin: 0, padding: '0.75rem 1rem', minWidth: 0 } as const;
const legendStyle = { padding: '0 0.25rem', fontWeight: 700 } as const;
const dl = { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.25rem 1rem', margin: 0 } as const;

function failureText(e: unknown, t: Translate): string {
  if (isApiFailure(e) && e.kind === 'network') return t('review.teacher.offline');
  if (isApiFailure(e) && e.status === 409) return t('review.teacher.conflict');
  return t('review.teacher.error');
}

type Work =
  | { status: 'loading' }
  | { status: 'failed'; offline: boolean }
  | { status: 'ready'; activity: ActivityView; progress: StudentProgressView | null };
const responseStyle = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 } as const;

/**
 * What the teacher reviews, beside the decision: for a custom activity the student's response (with when it was
 * submitted, and the comment of the last review); for a built-in one, where in the plan the evidence is.
 */
function SubmittedWork({ placement, userId, studentName }: { placement: PlacementView; userId: string; studentName: string }) {
  const { t, locale } = useI18n();
  const [work, setWork] = useState<Work>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    setWork({ status: 'loading' });
    (async () => {
      const { activity } = await activitiesApi.placement(placement.id, { signal });
      const custom = activity.custom || activity.rule === 'custom';
      const progress = custom ? await activitiesApi.studentProgress(placement.id, userId, { signal }) : null;
      if (!signal.aborted) setWork({ status: 'ready', activity, progress });
    })().catch((e: unknown) => {
      if (!signal.aborted) setWork({ status: 'failed', offline: isApiFailure(e) && e.kind === 'network' });
    });
    return () => controller.abort();
  }, [placement.id, userId, attempt]);

  if (work.status === 'loading') {
    return (
      <Text as="p" size="small" color="secondary">
        {t('review.work.loading')}
      </Text>
    );
  }
  if (work.status === 'failed') {
    return (
      <div>
        <Text as="p" color="danger">
          {work.offline ? t('review.work.offline') : t('review.work.error')}
        </Text>
        <Button size="small" onClick={() => setAttempt((n) => n + 1)} aria-label={t('review.work.retryLabel', { activity: placement.title })}>
          {t('review.work.retry')}
        </Button>
      </div>
    );
  }
  const { activity, progress } = work;
  if (!progress) {
    const route = planRouteOf(activity.planSection);
    return (
      <Text as="p">
        {route ? t('review.work.inPlan', { section: t(routeLabel[route]) }) : t('review.work.inPlanNoSection')}
      </Text>
    );
  }
  const submitted = formatDate(progress.submittedAt, locale);
  const headingId = `review-response-${placement.id}`;
  return (
    <div style={stack}>
      {activity.prompt ? (
        <Text as="p" size="small" color="secondary">
          {t('review.work.prompt', { prompt: activity.prompt })}
        </Text>
      ) : null}
      <View as="section" aria-labelledby={headingId} display="block" borderWidth="small" borderRadius="medium" padding="small">
        <Heading level="h3" variant="titleCardMini" id={headingId} margin="0 0 xx-small 0">
          {t('review.work.responseHeading', { student: studentName })}
        </Heading>
        {submitted ? (
          <Text as="p" size="small" color="secondary">
            {t('review.work.submittedAt', { date: submitted })}
          </Text>
        ) : null}
        {progress.response ? (
          <p style={responseStyle}>
            <Text>{progress.response}</Text>
          </p>
        ) : (
          <Text as="p" color="secondary">
            {t('review.work.noResponse')}
          </Text>
        )}
      </View>
      {progress.teacherComment ? (
        <div>
          <Text as="p" weight="bold">
            {t('review.work.previousComment')}
          </Text>
          <p style={responseStyle}>
            <Text>{progress.teacherComment}</Text>
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** Approve or request revision of one submitted activity (a comment is required to ask for revision). */
function ReviewControls({ placement, userId, studentName, onReviewed }: { placement: PlacementView; userId: string; studentName: string; onReviewed: StudentPlanReviewProps['onReviewed'] }) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(idle);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement | null>(null);
  const resultRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (done) resultRef.current?.focus();
  }, [done]);
  const commentId = `review-comment-${placement.id}`;

  const decide = async (decision: 'approve' | 'request_revision') => {
    if (busy) return;
    const trimmed = comment.trim();
    const parsed = reviewDecisionSchema.safeParse({ decision, ...(trimmed ? { comment: trimmed } : {}) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(issue?.code === 'custom' ? t('review.teacher.commentRequired') : issue ? planIssueMessage(issue, t) : t('form.error.invalid'));
      setStatus({ message: t('review.teacher.invalid'), tone: 'danger' });
      commentRef.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    setStatus({ message: t('review.teacher.sending'), tone: 'info' });
    try {
      const result = await activitiesApi.review(placement.id, userId, parsed.data);
      setStatus({
        message: decision === 'approve' ? t('review.teacher.approved', { student: studentName }) : t('review.teacher.revisionSent', { student: studentName }),
        tone: 'success',
      });
      setBusy(false);
      setDone(true);
      onReviewed(userId, placement.id, result.status);
    } catch (e) {
      setBusy(false);
      if (isApiFailure(e) && e.status === 400) {
        setError(e.body?.fields?.comment?.[0] ?? null);
        commentRef.current?.focus();
      }
      setStatus({ message: failureText(e, t), tone: 'danger' });
    }
  };

  if (done) {
    return (
      <div ref={resultRef} tabIndex={-1} role="status" style={{ outline: 'none' }}>
        <Text color="success" weight="bold">
          {status.message}
        </Text>
      </div>
    );
  }
  return (
    <fieldset style={fieldsetStyle}>
      <legend style={legendStyle}>{t('review.teacher.legend', { activity: placement.title })}</legend>
      <div style={stack}>
        <Text as="p" size="small" color="secondary">
          {t('review.teacher.responseNote')}
        </Text>
        <SubmittedWork placement={placement} userId={userId} studentName={studentName} />
        <TextArea
          id={commentId}
          label={t('review.teacher.comment', { activity: placement.title })}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          textareaRef={(el) => {
            commentRef.current = el;
          }}
          height="5rem"
          messages={messagesFor(error ? [error] : undefined, t('review.teacher.commentHint'))}
        />
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
          <Button color="primary" interaction={busy ? 'disabled' : 'enabled'} aria-label={t('review.teacher.approveLabel', { activity: placement.title })} onClick={() => void decide('approve')}>
            {t('review.teacher.approve')}
          </Button>
          <Button interaction={busy ? 'disabled' : 'enabled'} aria-label={t('review.teacher.reviseLabel', { activity: placement.title })} onClick={() => void decide('request_revision')}>
            {t('review.teacher.revise')}
          </Button>
        </div>
      </div>
      <FormStatus message={status.message} tone={status.tone} />
    </fieldset>
  );
}

/** The advisor note form (POST /api/plans/:studentId/notes), with the intervention flag. */
function NoteForm({ studentId, onAdded }: { studentId: string; onAdded: (note: AdvisorNote) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [intervention, setIntervention] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(idle);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = advisorNoteCreateSchema.safeParse({ text, intervention });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(issue ? planIssueMessage(issue, t) : t('form.error.invalid'));
      setStatus({ message: t('note.invalid'), tone: 'danger' });
      input.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    setStatus({ message: t('note.sending'), tone: 'info' });
    try {
      const note = await activitiesApi.addNote(studentId, parsed.data);
      onAdded(note);
      setText('');
      setIntervention(false);
      setStatus({ message: t('note.added'), tone: 'success' });
      input.current?.focus();
    } catch (e) {
      setStatus({ message: isApiFailure(e) && e.kind === 'network' ? t('note.offline') : t('note.error'), tone: 'danger' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <div style={stack}>
        <TextArea
          id="advisor-note"
          label={t('note.label')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          textareaRef={(el) => {
            input.current = el;
          }}
          height="6rem"
          required
          messages={messagesFor(error ? [error] : undefined, t('note.hint'))}
        />
        <Checkbox label={t('note.intervention')} checked={intervention} onChange={(e) => setIntervention(e.target.checked)} />
        <div>
          <Button type="submit" color="primary" interaction={busy ? 'disabled' : 'enabled'}>
            {t('note.submit')}
          </Button>
        </div>
      </div>
      <FormStatus message={status.message} tone={status.tone} />
    </form>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <View as="section" aria-labelledby={id} display="block" margin="large 0 0 0">
      <Heading level="h2" variant="titleSection" id={id} margin="0 0 small 0">
        {title}
      </Heading>
      {children}
    </View>
  );
}

function Facts({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl style={dl}>
      {items.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt>
            <Text weight="bold">{term}</Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text>{value}</Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The plan's four attributes, goals and reflections, read-only and compact. */
/** The read-only summary of a plan (also the parent's view of a child's plan). */
export function PlanSummary({ plan }: { plan: PlanView }) {
  const { t, locale } = useI18n();
  const { academic, career, postsecondary, extracurricular, goals, reflections, profile } = plan.sections;
  const req = plan.requirements;
  const none = t('plan.readOnly.none');
  const courses = academic.data.courses;
  const credits = (status: string) => courses.filter((c) => c.status === status).reduce((sum, c) => sum + c.credits, 0);
  const hours = extracurricular.data.activities.reduce((sum, a) => sum + a.hours, 0);
  const goal = career.data.careerGoal;
  const fin = postsecondary.data.financialPlan;
  const goalList = (list: typeof goals.data.shortTerm) =>
    list.length === 0 ? (
      <Text as="p" color="secondary">
        {none}
      </Text>
    ) : (
      <List margin="0">
        {list.map((g) => (
          <List.Item key={g.id}>
            {g.text} <Text color="secondary">({t(`enum.goalStatus.${g.status}`)})</Text>
          </List.Item>
        ))}
      </List>
    );
  return (
    <>
      <Section id="plan-req" title={t('academic.req.heading')}>
        <Text as="p" weight="bold" color={req.met ? 'success' : 'primary'}>
          {req.met ? t('plan.readOnly.reqMet') : t('plan.readOnly.reqNotMet')}
        </Text>
        <Text as="p">{t('academic.req.progressValue', { planned: req.totalPlanned, required: req.totalRequired })}</Text>
        {req.gaps.length > 0 ? (
          <>
            <Text as="p">{t('academic.req.gapsHeading')}</Text>
            <List margin="0">
              {req.gaps.map((g) => (
                <List.Item key={g.area}>
                  {t(g.missingCredits === 1 ? 'academic.req.gapOne' : 'academic.req.gap', { area: g.area === 'total' ? t('academic.req.total') : t(`enum.subject.${g.area}`), credits: g.missingCredits })}
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Section>
      <Section id="plan-academic" title={t('student.attribute.academic')}>
        <Facts
          items={[
            [t('profile.grade'), String(profile.data.grade)],
            [t('profile.graduationYear'), String(profile.data.graduationYear)],
            [t('profile.stage'), t(`enum.stage.${profile.data.careerStage}`)],
            [t('plan.readOnly.courses'), t('plan.readOnly.coursesValue', { count: courses.length, completed: credits('completed'), inProgress: credits('in_progress'), planned: credits('planned') })],
            [t('academic.goals.heading'), academic.data.postsecondaryGoals || none],
            [t('academic.achievements.heading'), academic.data.achievements.map((a) => a.title).join(', ') || none],
          ]}
        />
      </Section>
      <Section id="plan-career" title={t('student.attribute.career')}>
        <Facts
          items={[
            [t('plan.readOnly.interestCode'), plan.interestResult ? plan.interestResult.code : t('review.snapshot.noCode')],
            [t('career.goal.heading'), goal ? goal.title : none],
            [t('career.goal.educationPath'), goal?.educationPath || none],
            [t('career.saved.heading'), String(career.data.savedCareers.length)],
          ]}
        />
      </Section>
      <Section id="plan-post" title={t('student.attribute.postsecondary')}>
        <Facts
          items={[
            [t('plan.readOnly.options'), postsecondary.data.options.map((o) => `${o.name} (${t(`enum.optionType.${o.type}`)})`).join(', ') || none],
            [
              t('post.apps.heading'),
              postsecondary.data.applications.map((a) => `${a.institution}: ${t(`enum.appStatus.${a.status}`)}, ${a.deadline}`).join('; ') || none,
            ],
            [t('post.money.fafsa'), t(`enum.fafsa.${fin.fafsaStatus}`)],
            [t('post.money.cost'), fin.estimatedAnnualCost === null ? none : new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(fin.estimatedAnnualCost)],
            [t('post.scholarships.heading'), String(fin.scholarships.length)],
          ]}
        />
      </Section>
      <Section id="plan-extra" title={t('student.attribute.extracurricular')}>
        <Facts
          items={[
            [t('extra.activities.heading'), t('plan.readOnly.activitiesValue', { count: extracurricular.data.activities.length, hours })],
            [
              t('plan.readOnly.activityList'),
              extracurricular.data.activities.map((a) => `${a.name} (${t(`enum.category.${a.category}`)})`).join(', ') || none,
            ],
            [t('extra.credentials.heading'), extracurricular.data.credentials.map((c) => c.name).join(', ') || none],
          ]}
        />
      </Section>
      <Section id="plan-goals" title={t('goals.heading')}>
        <Heading level="h3" variant="titleCardMini" margin="0 0 xx-small 0">
          {t('goals.short.heading')}
        </Heading>
        {goalList(goals.data.shortTerm)}
        <Heading level="h3" variant="titleCardMini" margin="small 0 xx-small 0">
          {t('goals.long.heading')}
        </Heading>
        {goalList(goals.data.longTerm)}
      </Section>
      <Section id="plan-reflections" title={t('reflections.heading')}>
        <Facts
          items={[
            [t('reflections.whoAmI'), reflections.data.whoAmI || none],
            [t('reflections.whereAmIGoing'), reflections.data.whereAmIGoing || none],
            [t('reflections.whatDoINeed'), reflections.data.whatDoINeed || none],
            [t('reflections.nextSteps'), reflections.data.nextSteps || none],
          ]}
        />
      </Section>
    </>
  );
}

function Loaded({ plan, props }: { plan: PlanView; props: StudentPlanReviewProps }) {
  const { t, locale } = useI18n();
  const { row, userId, onReviewed } = props;
  const removed = useRemovedPlacements();
  const placements = props.placements.filter((p) => !removed.has(p.id));
  const [notes, setNotes] = useState(plan.advisorNotes);
  const [reviewedHere, setReviewedHere] = useState<string[]>([]);
  const reviewed: StudentPlanReviewProps['onReviewed'] = (student, placementId, status) => {
    setReviewedHere((list) => [...list, placementId]);
    onReviewed(student, placementId, status);
  };
  useEffect(() => {
    focusHeading();
  }, []);
  return (
    <>
      <Heading level="h1" margin="0 0 xx-small 0">
        {t('plan.readOnly.title', { name: plan.studentName })}
      </Heading>
      <Text as="p" size="large" color="secondary">
        {t('plan.readOnly.subtitle', { year: plan.schoolYear })}
      </Text>
      <Text as="p" size="small" color="secondary">
        {plan.annualReview.status === 'submitted' && plan.annualReview.submittedAt
          ? t('plan.readOnly.reviewSubmitted', { date: formatDate(plan.annualReview.submittedAt, locale) ?? '' })
          : t('plan.readOnly.reviewOpen')}
      </Text>

      {row && placements.length > 0 ? (
        <Section id="plan-activities" title={t('plan.readOnly.activities')}>
          <div style={stack}>
            {placements.map((p) => {
              const cell = row.progress[p.id];
              const status = cell?.status ?? 'not_started';
              return (
                <div key={p.id} style={stack}>
                  <div>
                    <Text weight="bold">{p.title}</Text>
                    {': '}
                    <ProgressStatusText status={status} />
                    {cell && cell.sync !== 'none' ? (
                      <>
                        {' · '}
                        <SyncStateText sync={cell.sync} error={cell.syncError} />
                      </>
                    ) : null}
                  </div>
                  {status === 'submitted' || reviewedHere.includes(p.id) ? (
                    <ReviewControls placement={p} userId={userId} studentName={plan.studentName} onReviewed={reviewed} />
                  ) : null}
                </div>
              );
            })}
          </div>
        </Section>
      ) : null}

      <AnnualReviewSignoffs studentId={plan.studentId} mode="advisor" />
      <ParentLinksPanel studentId={plan.studentId} defaultLocale={locale === 'es' ? 'es' : 'en'} />

      <PlanSummary plan={plan} />

      <Section id="plan-notes" title={t('academic.notes.heading')}>
        {notes.length === 0 ? (
          <Text as="p" color="secondary">
            {t('note.empty')}
          </Text>
        ) : (
          <List margin="0 0 medium 0" isUnstyled itemSpacing="small">
            {notes.map((n) => (
              <List.Item key={n.id}>
                <Text as="p">{n.text}</Text>
                <Text size="small" color="secondary">
                  {t('academic.notes.meta', { author: n.authorName, date: formatDate(n.createdAt, locale) ?? '' })}
                  {n.intervention ? ` · ${t('academic.notes.intervention')}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        <Heading level="h3" variant="titleCardMini" margin="medium 0 small 0">
          {t('note.heading')}
        </Heading>
        <NoteForm studentId={plan.studentId} onAdded={(n) => setNotes((list) => [...list, n])} />
      </Section>
    </>
  );
}

/**
 * A teacher's read-only view of one student's plan (`#/student/<userId>`): the four attributes, goals,
 * reflections and requirements check, with advisor notes and, for submitted activities, approve / request
 * revision.
 */
export function StudentPlanReview(props: StudentPlanReviewProps) {
  const t = useT();
  const load = useRef((signal: AbortSignal) =>
    props.scope === 'caseload' ? planApi.planOf(props.userId, { signal }) : activitiesApi.studentPlan(props.userId, { signal }),
  ).current;
  const [plan, retry] = useResource(load);
  return (
    <>
      <View as="div" margin="0 0 small 0">
        <Link href={props.backHref} isWithinText={false}>
          {props.backLabel ?? t('plan.readOnly.back')}
        </Link>
      </View>
      <ResourceView resource={plan} onRetry={retry}>
        {(data) => <Loaded plan={data} props={props} />}
      </ResourceView>
    </>
  );
}

export default StudentPlanReview;
