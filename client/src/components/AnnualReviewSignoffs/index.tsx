import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Checkbox } from '@instructure/ui-checkbox/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { TextArea } from '@instructure/ui-text-area/v11_6';
import { TextInput } from '@instructure/ui-text-input/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { advisorReviewCreateSchema, parentSignatureCreateSchema } from '../../../../shared/api/annual-review';
import type { PlanSnapshotSummary } from '../../../../shared/api/plan';
import { isApiFailure } from '../../api';
import { planApi } from '../../api/plan';
import { useResource } from '../../api/useResource';
import { messagesFor } from '../../forms/fieldErrors';
import { useI18n, useT, type Translate } from '../../i18n';
import { FormStatus } from '../FormStatus';
import { ResourceView } from '../ResourceView';
import type { AnnualReviewSignoffsProps, SignoffMode } from './props';
import { formatDay } from './formatDay';

type Status = { message: string | null; tone: 'info' | 'success' | 'danger' };
const idle: Status = { message: null, tone: 'info' };
const stack = { display: 'grid', gap: '0.75rem', maxWidth: '40rem' } as const;
const fieldsetStyle = { border: '1px solid #c7cdd1', borderRadius: '0.5rem', margin: '0.75rem 0 0 0', padding: '0.75rem 1rem', minWidth: 0 } as const;
const legendStyle = { padding: '0 0.25rem', fontWeight: 700 } as const;

/** What a failed sign-off says: offline, already done by someone (the list is reloaded), or anything else. */
function failureText(e: unknown, t: Translate, year: string): string {
  if (isApiFailure(e) && e.kind === 'network') return t('signoff.failed.offline');
  if (isApiFailure(e) && e.status === 409) return t('signoff.failed.conflict', { year });
  return t('signoff.failed.other');
}

/** The advisor review and parent signatures of one year, as lines anyone who may read the plan sees. */
export function SignoffLines({ year }: { year: PlanSnapshotSummary }) {
  const { t, locale } = useI18n();
  const review = year.advisorReview;
  return (
    <>
      <Text as="p" size="small" color="secondary">
        {t('signoff.submitted', { date: formatDay(year.submittedAt, locale) })}
      </Text>
      <Text as="p">
        {review ? t('signoff.advisor.done', { name: review.reviewerName, date: formatDay(review.reviewedAt, locale) }) : t('signoff.advisor.pending')}
      </Text>
      {review?.comment ? <Text as="p">{t('signoff.advisor.comment', { comment: review.comment })}</Text> : null}
      {year.parentSignatures.length === 0 ? <Text as="p">{t('signoff.parent.pending')}</Text> : null}
      {year.parentSignatures.map((s) => (
        <Text as="p" key={`${s.parentName}-${s.signedAt}`} color={s.mine ? 'success' : 'primary'}>
          {s.mine
            ? t('signoff.parent.you', { date: formatDay(s.signedAt, locale) })
            : s.typedName === s.parentName
              ? t('signoff.parent.done', { name: s.parentName, date: formatDay(s.signedAt, locale) })
              : t('signoff.parent.doneTyped', { name: s.parentName, typed: s.typedName, date: formatDay(s.signedAt, locale) })}
        </Text>
      ))}
    </>
  );
}

/**
 * What both sign-off forms do once their input is valid: say it is sending, call the server, hand the saved year
 * up, or say what failed (and reload the list on a 409, someone else got there first).
 */
function useSignoffSend({ year, onSaved, onConflict }: Pick<FormProps, 'year' | 'onSaved' | 'onConflict'>) {
  const t = useT();
  const [status, setStatus] = useState<Status>(idle);
  const [busy, setBusy] = useState(false);
  const send = async (sending: string, done: string, call: () => Promise<PlanSnapshotSummary>) => {
    setBusy(true);
    setStatus({ message: sending, tone: 'info' });
    try {
      onSaved(await call(), done);
    } catch (e) {
      setStatus({ message: failureText(e, t, year.schoolYear), tone: 'danger' });
      if (isApiFailure(e) && e.status === 409) onConflict();
    } finally {
      setBusy(false);
    }
  };
  return { status, setStatus, busy, send };
}

function AdviseForm({ studentId, year, onSaved, onConflict }: FormProps) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { status, setStatus, busy, send } = useSignoffSend({ year, onSaved, onConflict });
  const id = `advise-${year.schoolYear}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = advisorReviewCreateSchema.safeParse({ comment });
    if (!parsed.success) {
      setError(t('signoff.error.comment'));
      setStatus({ message: t('signoff.advise.invalid'), tone: 'danger' });
      document.getElementById(id)?.focus();
      return;
    }
    setError(null);
    await send(t('signoff.advise.sending'), t('signoff.advise.done'), () => planApi.adviseReview(studentId, year.schoolYear, parsed.data));
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset style={fieldsetStyle}>
        <legend style={legendStyle}>{t('signoff.advise.legend', { year: year.schoolYear })}</legend>
        <div style={stack}>
          <TextArea
            id={id}
            label={t('signoff.advise.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            height="5rem"
            messages={messagesFor(error ? [error] : undefined, t('signoff.advise.hint'))}
          />
          <div>
            <Button type="submit" color="primary" interaction={busy ? 'disabled' : 'enabled'}>
              {t('signoff.advise.submit', { year: year.schoolYear })}
            </Button>
          </div>
        </div>
        <FormStatus message={status.message} tone={status.tone} />
      </fieldset>
    </form>
  );
}

function SignForm({ studentId, year, onSaved, onConflict }: FormProps) {
  const t = useT();
  const [typedName, setTypedName] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [errors, setErrors] = useState<{ typedName?: string; confirm?: string }>({});
  const { status, setStatus, busy, send } = useSignoffSend({ year, onSaved, onConflict });
  const confirmId = `sign-confirm-${year.schoolYear}`;
  const nameId = `sign-name-${year.schoolYear}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = parentSignatureCreateSchema.safeParse({ typedName, confirm });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])));
      setErrors({
        ...(fields.has('confirm') ? { confirm: t('signoff.error.confirm') } : {}),
        ...(fields.has('typedName') ? { typedName: t('signoff.error.name') } : {}),
      });
      setStatus({ message: t('signoff.sign.invalid'), tone: 'danger' });
      document.getElementById(fields.has('confirm') ? confirmId : nameId)?.focus();
      return;
    }
    setErrors({});
    await send(t('signoff.sign.sending'), t('signoff.sign.done'), () => planApi.signReview(studentId, year.schoolYear, parsed.data));
  };

  return (
    <form onSubmit={submit} noValidate>
      <fieldset style={fieldsetStyle}>
        <legend style={legendStyle}>{t('signoff.sign.legend', { year: year.schoolYear })}</legend>
        <div style={stack}>
          <Checkbox
            id={confirmId}
            label={t('signoff.sign.confirm')}
            checked={confirm}
            onChange={(e) => setConfirm(e.target.checked)}
            messages={messagesFor(errors.confirm ? [errors.confirm] : undefined)}
          />
          <TextInput
            id={nameId}
            renderLabel={t('signoff.sign.name')}
            value={typedName}
            autoComplete="name"
            isRequired
            onChange={(_e, value) => setTypedName(value)}
            messages={messagesFor(errors.typedName ? [errors.typedName] : undefined, t('signoff.sign.nameHint'))}
          />
          <div>
            <Button type="submit" color="primary" interaction={busy ? 'disabled' : 'enabled'}>
              {t('signoff.sign.submit', { year: year.schoolYear })}
            </Button>
          </div>
        </div>
        <FormStatus message={status.message} tone={status.tone} />
      </fieldset>
    </form>
  );
}

interface FormProps {
  studentId: string;
  year: PlanSnapshotSummary;
  onSaved: (year: PlanSnapshotSummary, message: string) => void;
  onConflict: () => void;
}

function YearForm({ mode, ...props }: FormProps & { mode: SignoffMode }) {
  return mode === 'advisor' ? <AdviseForm {...props} /> : <SignForm {...props} />;
}

function needsAction(mode: SignoffMode, year: PlanSnapshotSummary): boolean {
  return mode === 'advisor' ? year.advisorReview === null : !year.parentSignatures.some((s) => s.mine);
}

/**
 * The submitted years of a student's plan with their sign-offs: a teacher or admin marks a year reviewed, a parent
 * signs it. The server decides who may do either; this only offers the form to the role that has it.
 */
export function AnnualReviewSignoffs({ studentId, mode }: AnnualReviewSignoffsProps) {
  const t = useT();
  const load = useRef((signal: AbortSignal) => planApi.snapshotsOf(studentId, { signal })).current;
  const [years, retry, replace] = useResource(load);
  const [saved, setSaved] = useState<{ year: string; message: string } | null>(null);
  return (
    <View as="section" aria-labelledby="signoff-heading" display="block" margin="large 0 0 0">
      <Heading level="h2" variant="titleSection" id="signoff-heading" margin="0 0 small 0">
        {t('signoff.heading')}
      </Heading>
      <Text as="p">{t(mode === 'advisor' ? 'signoff.intro.teacher' : 'signoff.intro.parent')}</Text>
      <ResourceView resource={years} onRetry={retry}>
        {(list) =>
          list.length === 0 ? (
            <Text as="p" color="secondary">
              {t('signoff.empty')}
            </Text>
          ) : (
            <>
              {list.map((year) => (
                <View as="div" key={year.schoolYear} borderWidth="small" borderRadius="medium" padding="small medium" margin="small 0">
                  <Heading level="h3" variant="titleCardMini" margin="0 0 xx-small 0">
                    {t('signoff.year', { year: year.schoolYear, grade: year.grade })}
                  </Heading>
                  <SignoffLines year={year} />
                  {saved?.year === year.schoolYear ? <FormStatus message={saved.message} tone="success" /> : null}
                  {needsAction(mode, year) ? (
                    <YearForm
                      mode={mode}
                      studentId={studentId}
                      year={year}
                      onSaved={(updated, message) => {
                        replace(list.map((y) => (y.schoolYear === updated.schoolYear ? updated : y)));
                        setSaved({ year: updated.schoolYear, message });
                      }}
                      onConflict={retry}
                    />
                  ) : null}
                </View>
              ))}
            </>
          )
        }
      </ResourceView>
    </View>
  );
}

export default AnnualReviewSignoffs;
