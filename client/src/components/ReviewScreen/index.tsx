import { useEffect, useState } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { List } from '@instructure/ui-list/v11_6';
import { Modal } from '@instructure/ui-modal/v11_6';
import { Table } from '@instructure/ui-table/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { TextArea } from '@instructure/ui-text-area/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { annualReviewSubmitSchema, type SectionData, type SectionKey } from '../../../../shared/api/plan';
import { isApiFailure } from '../../api';
import { planApi, type PlanSnapshot } from '../../api/plan';
import { useResource } from '../../api/useResource';
import { browserStorage, clearDraft, draftKey, readDraft, writeDraft } from '../../autosave/drafts';
import { messagesFor, planPathErrors } from '../../forms/fieldErrors';
import { useI18n } from '../../i18n';
import { FormStatus } from '../FormStatus';
import { ResourceView } from '../ResourceView';
import type { PlanScreenProps } from '../PlanShell/props';
import { ScrollArea } from '../PlanParts';
import { formatDay } from '../AnnualReviewSignoffs/formatDay';

const loadSnapshots = (signal: AbortSignal) => planApi.snapshots({ signal });

/** A snapshot's section data, whether the server sent `{ version, data }` or the bare data. */
function sectionOf<K extends SectionKey>(snap: PlanSnapshot, key: K): SectionData[K] | null {
  const s = snap.sections[key] as unknown;
  if (!s || typeof s !== 'object') return null;
  return ('data' in s ? (s as { data: SectionData[K] }).data : s) as SectionData[K];
}

/** One past year's plan, read-only. */
function SnapshotView({ snap }: { snap: PlanSnapshot }) {
  const { t, locale } = useI18n();
  const academic = sectionOf(snap, 'academic');
  const extra = sectionOf(snap, 'extracurricular');
  const goals = sectionOf(snap, 'goals');
  const reflections = sectionOf(snap, 'reflections');
  const career = sectionOf(snap, 'career');
  const credits = academic?.courses.reduce((s, c) => s + c.credits, 0) ?? 0;
  return (
    <View as="section" aria-labelledby="snapshot-heading" display="block" borderWidth="small" borderRadius="medium" padding="medium" margin="medium 0">
      <Heading level="h3" id="snapshot-heading" tabIndex={-1}>
        {t('review.snapshot.heading', { year: snap.schoolYear })}
      </Heading>
      <Text as="p" size="small" color="secondary">
        {t('review.snapshot.submitted', { date: new Date(snap.submittedAt).toLocaleDateString(locale === 'es' ? 'es-US' : 'en-US') })}
      </Text>
      <Heading level="h4" margin="small 0 xx-small 0">
        {t('review.reflection.label')}
      </Heading>
      <Text as="p">{snap.reflection}</Text>
      <Heading level="h4" margin="small 0 xx-small 0">
        {t('review.snapshot.summary')}
      </Heading>
      <List>
        <List.Item>{t('review.snapshot.courses', { count: academic?.courses.length ?? 0, credits: String(credits) })}</List.Item>
        <List.Item>{t('review.snapshot.activities', { count: extra?.activities.length ?? 0 })}</List.Item>
        <List.Item>{t('review.snapshot.goals', { count: (goals?.shortTerm.length ?? 0) + (goals?.longTerm.length ?? 0) })}</List.Item>
        <List.Item>{snap.interestResult ? t('review.snapshot.code', { code: snap.interestResult.code }) : t('review.snapshot.noCode')}</List.Item>
        {career?.careerGoal ? <List.Item>{t('review.snapshot.careerGoal', { title: career.careerGoal.title })}</List.Item> : null}
      </List>
      {reflections ? (
        <>
          {(['whoAmI', 'whereAmIGoing', 'whatDoINeed', 'nextSteps'] as const).map((q) =>
            reflections[q] ? (
              <div key={q}>
                <Heading level="h4" margin="small 0 xx-small 0">
                  {t(`reflections.${q}`)}
                </Heading>
                <Text as="p">{reflections[q]}</Text>
              </div>
            ) : null,
          )}
        </>
      ) : null}
    </View>
  );
}

/** Annual review: this year's status, the reflection and submission (with confirmation), and past years. */
export function ReviewScreen({ plan, session, replacePlan }: PlanScreenProps) {
  const { t, locale } = useI18n();
  const review = plan.annualReview;
  const key = draftKey(session.tenant.id, plan.studentId || session.user.id, `annual-review-${review.schoolYear}`);
  const [reflection, setReflection] = useState(() => {
    const d = readDraft(browserStorage(), key);
    return typeof d?.data === 'string' ? d.data : '';
  });
  const [errors, setErrors] = useState<string[] | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ message: string | null; tone: 'info' | 'success' | 'danger' }>({ message: null, tone: 'info' });
  const [snapshots, retry, replaceSnapshots] = useResource(loadSnapshots);
  const [open, setOpen] = useState<PlanSnapshot | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const loc = locale === 'es' ? 'es-US' : 'en-US';

  useEffect(() => {
    if (review.status === 'open') writeDraft(browserStorage(), key, { baseVersion: 0, data: reflection, savedAt: new Date().toISOString() });
  }, [reflection, key, review.status]);

  const ask = () => {
    const parsed = annualReviewSubmitSchema.safeParse({ reflection });
    if (!parsed.success) {
      setErrors(planPathErrors(parsed.error, t).reflection);
      setStatus({ message: t('review.status.invalid'), tone: 'danger' });
      document.getElementById('review-reflection')?.focus();
      return;
    }
    setErrors(undefined);
    setConfirming(true);
  };

  const submit = async () => {
    setConfirming(false);
    setStatus({ message: t('review.status.submitting'), tone: 'info' });
    try {
      const view = await planApi.submitReview(reflection.trim());
      clearDraft(browserStorage(), key);
      setStatus({ message: t('review.status.submitted'), tone: 'success' });
      replacePlan(view);
      planApi.snapshots().then(replaceSnapshots, () => undefined);
    } catch (e) {
      if (!isApiFailure(e)) throw e;
      if (e.kind === 'network') setStatus({ message: t('review.status.offline'), tone: 'danger' });
      else if (e.status === 409) setStatus({ message: t('review.status.already'), tone: 'danger' });
      else if (e.status === 400) {
        setErrors(e.body?.fields?.reflection ?? [e.body?.message ?? t('form.error.invalid')]);
        setStatus({ message: t('review.status.invalid'), tone: 'danger' });
      } else setStatus({ message: t('review.status.error'), tone: 'danger' });
    }
  };

  const openSnapshot = async (year: string) => {
    setOpening(year);
    try {
      setOpen(await planApi.snapshot(year));
      setTimeout(() => document.getElementById('snapshot-heading')?.focus(), 0);
    } catch {
      setStatus({ message: t('review.snapshot.failed'), tone: 'danger' });
    } finally {
      setOpening(null);
    }
  };

  return (
    <>
      <Heading level="h1">{t('nav.review')}</Heading>
      <Text as="p">{t('review.intro')}</Text>
      <Heading level="h2" margin="large 0 small 0">
        {t('review.thisYear', { year: review.schoolYear })}
      </Heading>
      {review.status === 'submitted' ? (
        <Text as="p" color="success" weight="bold">
          {t('review.submittedOn', { date: review.submittedAt ? new Date(review.submittedAt).toLocaleDateString(loc) : '' })}
        </Text>
      ) : (
        <>
          <Text as="p">{t('review.open')}</Text>
          <View as="div" maxWidth="48rem" margin="small 0">
            <TextArea
              id="review-reflection"
              label={t('review.reflection.label')}
              value={reflection}
              required
              autoGrow
              height="8rem"
              maxHeight="24rem"
              resize="vertical"
              messages={messagesFor(errors, t('review.reflection.hint'))}
              onChange={(e) => setReflection(e.target.value)}
            />
          </View>
          <Button color="primary" onClick={ask}>
            {t('review.submit')}
          </Button>
        </>
      )}
      <FormStatus message={status.message} tone={status.tone} />
      <Modal open={confirming} onDismiss={() => setConfirming(false)} label={t('review.confirm.title')} size="small" shouldCloseOnDocumentClick={false}>
        <Modal.Header>
          <Heading level="h2">{t('review.confirm.title')}</Heading>
        </Modal.Header>
        <Modal.Body>
          <Text as="p">{t('review.confirm.body', { year: review.schoolYear })}</Text>
        </Modal.Body>
        <Modal.Footer>
          <Button onClick={() => setConfirming(false)} margin="0 x-small 0 0">
            {t('review.confirm.cancel')}
          </Button>
          <Button color="primary" onClick={() => void submit()}>
            {t('review.confirm.submit')}
          </Button>
        </Modal.Footer>
      </Modal>

      <Heading level="h2" margin="large 0 small 0">
        {t('review.history.heading')}
      </Heading>
      <ResourceView resource={snapshots} onRetry={retry}>
        {(list) =>
          list.length === 0 ? (
            <Text as="p">{t('review.history.empty')}</Text>
          ) : (
            <ScrollArea label={t('review.history.caption')}>
              <Table caption={t('review.history.caption')} layout="auto">
                <Table.Head>
                  <Table.Row>
                    <Table.ColHeader id="snap-year">{t('review.history.year')}</Table.ColHeader>
                    <Table.ColHeader id="snap-grade">{t('review.history.grade')}</Table.ColHeader>
                    <Table.ColHeader id="snap-date">{t('review.history.submitted')}</Table.ColHeader>
                    <Table.ColHeader id="snap-advisor">{t('signoff.column.advisor')}</Table.ColHeader>
                    <Table.ColHeader id="snap-parent">{t('signoff.column.parent')}</Table.ColHeader>
                    <Table.ColHeader id="snap-open">{t('review.history.actions')}</Table.ColHeader>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.map((s) => (
                    <Table.Row key={s.schoolYear}>
                      <Table.RowHeader>{s.schoolYear}</Table.RowHeader>
                      <Table.Cell>{t('academic.grade', { grade: s.grade })}</Table.Cell>
                      <Table.Cell>{new Date(s.submittedAt).toLocaleDateString(loc)}</Table.Cell>
                      <Table.Cell>
                        {s.advisorReview
                          ? t('signoff.advisor.done', { name: s.advisorReview.reviewerName, date: formatDay(s.advisorReview.reviewedAt, locale) })
                          : t('signoff.advisor.pending')}
                        {s.advisorReview?.comment ? (
                          <Text as="p" size="small">
                            {t('signoff.advisor.comment', { comment: s.advisorReview.comment })}
                          </Text>
                        ) : null}
                      </Table.Cell>
                      <Table.Cell>
                        {s.parentSignatures.length === 0
                          ? t('signoff.parent.pending')
                          : s.parentSignatures.map((p) => (
                              <Text as="p" size="small" key={`${p.parentName}-${p.signedAt}`}>
                                {t('signoff.parent.done', { name: p.parentName, date: formatDay(p.signedAt, locale) })}
                              </Text>
                            ))}
                      </Table.Cell>
                      <Table.Cell>
                        <Button size="small" interaction={opening ? 'disabled' : 'enabled'} onClick={() => void openSnapshot(s.schoolYear)}>
                          {t('review.history.open', { year: s.schoolYear })}
                        </Button>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollArea>
          )
        }
      </ResourceView>
      {open ? <SnapshotView snap={open} /> : null}
    </>
  );
}

export default ReviewScreen;
