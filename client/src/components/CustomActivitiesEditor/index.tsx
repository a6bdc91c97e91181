import { useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Checkbox, CheckboxGroup } from '@instructure/ui-checkbox/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { List } from '@instructure/ui-list/v11_6';
import { NumberInput } from '@instructure/ui-number-input/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { TextArea } from '@instructure/ui-text-area/v11_6';
import { TextInput } from '@instructure/ui-text-input/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { GRADE_BANDS, customActivitySchema, type ActivityView, type GradeBand } from '../../../../shared/api/activities';
import { isApiFailure } from '../../api';
import { activitiesApi, type CustomActivityInput } from '../../api/activities';
import { useResource } from '../../api/useResource';
import { focusFirstError, messagesFor, serverInvalid, zodFieldErrors, type FieldErrors } from '../../forms/fieldErrors';
import { useT, type MessageKey, type Translate } from '../../i18n';
import { FormStatus } from '../FormStatus';
import { ResourceView } from '../ResourceView';
import type { CustomActivitiesEditorProps } from './props';

type Field = keyof CustomActivityInput;
const FIELD_ORDER: readonly Field[] = ['title', 'prompt', 'evidence', 'gradeBands', 'suggestedPoints'];
const bandId = (b: GradeBand) => `custom-activity-band-${b}`;
const ids: Record<Field, string> = {
  title: 'custom-activity-title',
  prompt: 'custom-activity-prompt',
  evidence: 'custom-activity-evidence',
  gradeBands: bandId(GRADE_BANDS[0]),
  suggestedPoints: 'custom-activity-points',
};
/** The catalog message for a field's "missing / out of range" issues (the schema's English is not shown). */
const fieldMessage: Record<Field, MessageKey> = {
  title: 'custom.error.title',
  prompt: 'custom.error.prompt',
  evidence: 'custom.error.evidence',
  gradeBands: 'custom.error.gradeBands',
  suggestedPoints: 'custom.error.points',
};

function fieldOf(path: readonly PropertyKey[]): Field | null {
  const head = path[0];
  return typeof head === 'string' && (FIELD_ORDER as readonly string[]).includes(head) ? (head as Field) : null;
}

function isGradeBand(v: string | number): v is GradeBand {
  return (GRADE_BANDS as readonly (string | number)[]).includes(v);
}

type Draft = { title: string; prompt: string; evidence: string; gradeBands: GradeBand[]; suggestedPoints: string };
const EMPTY: Draft = { title: '', prompt: '', evidence: '', gradeBands: [], suggestedPoints: '10' };

type Status =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'added'; title: string }
  | { kind: 'invalid'; other: string[] }
  | { kind: 'forbidden' | 'error' | 'offline' };

const loadActivities = (signal: AbortSignal) => activitiesApi.activities(null, { signal });

const bandLabel = (t: Translate, b: GradeBand) =>
  b.includes('-') ? t('custom.field.bands', { band: b }) : t('custom.field.band', { band: b });

function toInput(d: Draft) {
  const points = d.suggestedPoints.trim();
  return { ...d, suggestedPoints: points === '' ? Number.NaN : Number(points) };
}

/** The district's custom activities and the form that adds one (POST /api/activities/custom). */
function CustomActivitiesForm({ activities, onAdded, sub }: { activities: ActivityView[]; onAdded: (list: ActivityView[]) => void; sub: 'h3' | 'h4' }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [attempted, setAttempted] = useState(false);
  const custom = activities.filter((a) => a.custom);

  const validate = (d: Draft) => {
    const parsed = customActivitySchema.safeParse(toInput(d));
    if (parsed.success) return { data: parsed.data, errors: {} };
    const found = zodFieldErrors(parsed.error, t, fieldOf, (issue) => {
      const field = fieldOf(issue.path);
      if (!field || (issue.code === 'too_big' && field !== 'suggestedPoints')) return null;
      return fieldMessage[field];
    });
    return { data: null, errors: found };
  };

  const update = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (status.kind === 'added') setStatus({ kind: 'idle' });
    if (attempted) setErrors(validate(next).errors);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status.kind === 'sending') return;
    setAttempted(true);
    const checked = validate(draft);
    setErrors(checked.errors);
    if (!checked.data) {
      setStatus({ kind: 'invalid', other: [] });
      focusFirstError(FIELD_ORDER, checked.errors, (f) => ids[f]);
      return;
    }
    setStatus({ kind: 'sending' });
    try {
      const created = await activitiesApi.createCustom(checked.data);
      setDraft(EMPTY);
      setAttempted(false);
      setErrors({});
      setStatus({ kind: 'added', title: created.title });
      onAdded([...activities, created]);
    } catch (e) {
      if (!isApiFailure(e)) throw e;
      const invalid = serverInvalid(e, { fieldOf, order: FIELD_ORDER, idOf: (f) => ids[f] });
      if (invalid) {
        setErrors(invalid.errors);
        setStatus({ kind: 'invalid', other: invalid.other });
      } else if (e.kind === 'http' && e.status === 403) {
        setStatus({ kind: 'forbidden' });
      } else {
        setStatus({ kind: e.kind === 'network' ? 'offline' : 'error' });
      }
    }
  };

  const statusView = (() => {
    switch (status.kind) {
      case 'idle':
        return { message: null, tone: 'info' as const };
      case 'sending':
        return { message: t('custom.status.sending'), tone: 'info' as const };
      case 'added':
        return { message: t('custom.status.added', { title: status.title }), tone: 'success' as const };
      case 'invalid':
        return { message: t('custom.status.invalid'), tone: 'danger' as const, details: status.other };
      case 'forbidden':
        return { message: t('custom.status.forbidden'), tone: 'danger' as const };
      case 'error':
        return { message: t('custom.status.error'), tone: 'danger' as const };
      case 'offline':
        return { message: t('custom.status.offline'), tone: 'danger' as const };
    }
  })();

  return (
    <>
      <Heading level={sub} variant="titleCardRegular" margin="medium 0 x-small 0" id="custom-activities-list-heading">
        {t('custom.list')}
      </Heading>
      {custom.length === 0 ? (
        <Text as="p">{t('custom.empty')}</Text>
      ) : (
        <List aria-labelledby="custom-activities-list-heading" isUnstyled margin="0 0 medium 0" itemSpacing="small">
          {custom.map((a) => (
            <List.Item key={a.id}>
              <Text as="div" weight="bold">
                {a.title}
              </Text>
              <Text as="div" size="small" color="secondary">
                {t('custom.meta.bands', { bands: a.gradeBands.join(', ') })} · {t('custom.meta.points', { points: String(a.suggestedPoints) })}
              </Text>
              {a.prompt ? (
                <Text as="div" size="small">
                  {t('custom.meta.prompt', { prompt: a.prompt })}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
      <Heading level={sub} variant="titleCardRegular" margin="medium 0 small 0">
        {t('custom.form.heading')}
      </Heading>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div style={{ display: 'grid', gap: '1.5rem', maxWidth: '36rem' }}>
          <TextInput
            id={ids.title}
            renderLabel={t('custom.field.title')}
            value={draft.title}
            isRequired
            onChange={(_e, value) => update({ title: value })}
            messages={messagesFor(errors.title)}
          />
          <TextArea
            id={ids.prompt}
            label={t('custom.field.prompt')}
            value={draft.prompt}
            required
            onChange={(e) => update({ prompt: e.target.value })}
            messages={messagesFor(errors.prompt)}
          />
          <TextArea
            id={ids.evidence}
            label={t('custom.field.evidence')}
            value={draft.evidence}
            required
            onChange={(e) => update({ evidence: e.target.value })}
            messages={messagesFor(errors.evidence)}
          />
          <CheckboxGroup
            name="custom-activity-grade-bands"
            description={t('custom.field.gradeBands')}
            value={draft.gradeBands}
            onChange={(values) => update({ gradeBands: GRADE_BANDS.filter((b) => values.filter(isGradeBand).includes(b)) })}
            messages={messagesFor(errors.gradeBands)}
          >
            {GRADE_BANDS.map((b) => (
              <Checkbox key={b} id={bandId(b)} label={bandLabel(t, b)} value={b} />
            ))}
          </CheckboxGroup>
          <NumberInput
            id={ids.suggestedPoints}
            renderLabel={t('custom.field.points')}
            value={draft.suggestedPoints}
            onChange={(_e, value) => update({ suggestedPoints: value })}
            onIncrement={() => update({ suggestedPoints: String(Math.min(1000, (Number(draft.suggestedPoints) || 0) + 1)) })}
            onDecrement={() => update({ suggestedPoints: String(Math.max(0, (Number(draft.suggestedPoints) || 0) - 1)) })}
            isRequired
            width="12rem"
            inputMode="decimal"
            messages={messagesFor(errors.suggestedPoints, t('custom.field.points.hint'))}
          />
        </div>
        <View as="div" margin="medium 0 0 0">
          <Button type="submit" color="primary" interaction={status.kind === 'sending' ? 'disabled' : 'enabled'}>
            {t('custom.submit')}
          </Button>
        </View>
        <FormStatus {...statusView} />
      </form>
    </>
  );
}

/** Custom ECAP activities of the district: the list, and a form to add one (district admin). */
export function CustomActivitiesEditor({ headingLevel = 'h2' }: CustomActivitiesEditorProps) {
  const t = useT();
  const [activities, retry, replace] = useResource(loadActivities);
  return (
    <section aria-labelledby="custom-activities-heading">
      <Heading level={headingLevel} variant="titleSection" margin="x-large 0 small 0" id="custom-activities-heading">
        {t('custom.heading')}
      </Heading>
      <Text as="p" size="small" color="secondary">
        {t('custom.intro')}
      </Text>
      <ResourceView resource={activities} onRetry={retry}>
        {(data) => <CustomActivitiesForm activities={data} onAdded={replace} sub={headingLevel === 'h2' ? 'h3' : 'h4'} />}
      </ResourceView>
    </section>
  );
}

export default CustomActivitiesEditor;
