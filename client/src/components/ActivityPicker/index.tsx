import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Checkbox } from '@instructure/ui-checkbox/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { NumberInput } from '@instructure/ui-number-input/v11_6';
import { RadioInput } from '@instructure/ui-radio-input/v11_6';
import { SimpleSelect } from '@instructure/ui-simple-select/v11_6';
import { Spinner } from '@instructure/ui-spinner/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import {
  GRADE_BANDS,
  deepLinkSelectionSchema,
  type ActivityView,
  type DeepLinkSettingsView,
  type GradeBand,
} from '../../../../shared/api/activities';
import { isApiFailure } from '../../api';
import { activitiesApi, postToPlatform } from '../../api/activities';
import { useResource } from '../../api/useResource';
import { messagesFor, planIssueMessage } from '../../forms/fieldErrors';
import { useT } from '../../i18n';
import { FormStatus } from '../FormStatus';
import { ResourceView } from '../ResourceView';
import type { ActivityPickerProps } from './props';

const loadSettings = (signal: AbortSignal) => activitiesApi.deepLinkSettings({ signal });

/** One chosen activity: its catalog entry and the points as typed. */
type Chosen = { activity: ActivityView; points: string };
type Catalog = { status: 'loading' } | { status: 'ready'; items: ActivityView[] } | { status: 'failed'; offline: boolean };
type Status =
  | { kind: 'idle' }
  | { kind: 'invalid'; other: string[] }
  | { kind: 'sending' }
  | { kind: 'returning' }
  | { kind: 'answered' | 'forbidden' | 'offline' | 'error' };

const ALL = 'all';
const pointsId = (activityId: string) => `points-${activityId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const choiceId = (activityId: string) => `activity-${activityId.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const layoutStyle = { display: 'flex', flexWrap: 'wrap', gap: '1.5rem', alignItems: 'flex-start' } as const;
const listStyle = { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: '0.75rem' } as const;
const fieldsetStyle = { border: 0, margin: 0, padding: 0, minWidth: 0 } as const;
const legendStyle = { padding: 0, marginBottom: '0.5rem', fontWeight: 700, fontSize: '1.125rem' } as const;
const chosenRowStyle = { display: 'grid', gap: '0.25rem', justifyItems: 'start' } as const;

/** Loads the catalog for a grade band (null: every band), keeping the previous list on screen meanwhile. */
function useCatalog(band: GradeBand | null): [Catalog, () => void] {
  const [catalog, setCatalog] = useState<Catalog>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setCatalog({ status: 'loading' });
    activitiesApi.activities(band, { signal: controller.signal }).then(
      (items) => setCatalog({ status: 'ready', items }),
      (e: unknown) => {
        if (!controller.signal.aborted) setCatalog({ status: 'failed', offline: isApiFailure(e) && e.kind === 'network' });
      },
    );
    return () => controller.abort();
  }, [band, attempt]);
  return [catalog, () => setAttempt((n) => n + 1)];
}

/** The picker proper, for a platform that accepts LTI resource links. */
function Picker({ settings, courseTitle }: { settings: DeepLinkSettingsView; courseTitle: string | null }) {
  const t = useT();
  const [band, setBand] = useState<GradeBand | null>(settings.gradeBand);
  const [catalog, reloadCatalog] = useCatalog(band);
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const firstChoice = useRef<HTMLInputElement | null>(null);
  const multiple = settings.acceptMultiple;
  const busy = status.kind === 'sending' || status.kind === 'returning';

  const isChosen = (id: string) => chosen.some((c) => c.activity.id === id);
  const toggle = (activity: ActivityView, on: boolean) => {
    setStatus({ kind: 'idle' });
    setErrors({});
    if (!on) setChosen((list) => list.filter((c) => c.activity.id !== activity.id));
    else {
      const entry = { activity, points: String(activity.suggestedPoints) };
      setChosen((list) => (multiple ? [...list.filter((c) => c.activity.id !== activity.id), entry] : [entry]));
    }
  };
  const setPoints = (id: string, points: string) => {
    setChosen((list) => list.map((c) => (c.activity.id === id ? { ...c, points } : c)));
    if (errors[id]) setErrors(({ [id]: _gone, ...rest }) => rest);
  };

  /** Errors by activity id from the issues' `items.<n>.points` paths; the rest are general. */
  const byActivity = (entries: Array<[string, string[]]>) => {
    const found: Record<string, string[]> = {};
    const other: string[] = [];
    for (const [path, messages] of entries) {
      const [head, index] = path.split('.');
      const target = head === 'items' && index !== undefined ? chosen[Number(index)] : undefined;
      if (target) (found[target.activity.id] ??= []).push(...messages);
      else other.push(...messages);
    }
    return { found, other };
  };
  const showInvalid = (found: Record<string, string[]>, other: string[]) => {
    setErrors(found);
    setStatus({ kind: 'invalid', other });
    const first = chosen.find((c) => found[c.activity.id]);
    if (first) document.getElementById(pointsId(first.activity.id))?.focus();
    else firstChoice.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const candidate = {
      items: chosen.map((c) => ({ activityId: c.activity.id, points: c.points.trim() === '' ? Number.NaN : Number(c.points) })),
    };
    const parsed = deepLinkSelectionSchema.safeParse(candidate);
    if (!parsed.success) {
      const entries: Array<[string, string[]]> = parsed.error.issues.map((issue) => {
        const path = issue.path.map(String).join('.');
        if (path === 'items') return [path, [issue.code === 'too_big' ? t('picker.error.tooMany', { max: 20 }) : t('picker.error.none')]];
        return [path, [planIssueMessage(issue, t)]];
      });
      const { found, other } = byActivity(entries);
      showInvalid(found, other);
      return;
    }
    setErrors({});
    setStatus({ kind: 'sending' });
    try {
      const form = await activitiesApi.answerDeepLink(parsed.data.items);
      setStatus({ kind: 'returning' });
      postToPlatform(form);
    } catch (e) {
      if (!isApiFailure(e)) return setStatus({ kind: 'error' });
      if (e.kind === 'network') return setStatus({ kind: 'offline' });
      if (e.status === 400) {
        const { found, other } = byActivity(Object.entries(e.body?.fields ?? {}));
        return showInvalid(found, other.length || Object.keys(found).length ? other : [e.body?.message ?? t('picker.error.generic')]);
      }
      if (e.status === 409) return setStatus({ kind: 'answered' });
      if (e.status === 403) return setStatus({ kind: 'forbidden' });
      setStatus({ kind: 'error' });
    }
  };

  const statusMessage = (): string | null => {
    switch (status.kind) {
      case 'idle':
        return null;
      case 'invalid':
        return t('picker.status.invalid');
      case 'sending':
        return t('picker.status.sending');
      case 'returning':
        return t('picker.status.returning');
      case 'answered':
        return t('picker.error.answered');
      case 'forbidden':
        return t('picker.error.forbidden');
      case 'offline':
        return t('picker.error.offline');
      case 'error':
        return t('picker.error.generic');
    }
  };
  const tone = status.kind === 'sending' || status.kind === 'returning' || status.kind === 'idle' ? 'info' : 'danger';

  const bandLabel = (b: GradeBand) => (b.includes('-') ? t('picker.bands', { band: b }) : t('picker.band', { band: b }));
  const items = catalog.status === 'ready' ? catalog.items : [];
  return (
    <>
      <Heading level="h1" margin="0 0 xx-small 0">
        {t('picker.title')}
      </Heading>
      {courseTitle ? (
        <Text as="p" size="large" color="secondary">
          {courseTitle}
        </Text>
      ) : null}
      <Text as="p">{multiple ? t('picker.intro.multiple') : t('picker.intro.single')}</Text>
      <form onSubmit={submit} noValidate>
        <div style={layoutStyle}>
          <div style={{ flex: '2 1 30rem', minWidth: 0 }}>
            <View as="div" maxWidth="16rem" margin="0 0 medium 0">
              <SimpleSelect
                renderLabel={t('picker.bandLabel')}
                value={band ?? ALL}
                onChange={(_e, { value }) => setBand(value === ALL ? null : (value as GradeBand))}
              >
                <SimpleSelect.Option id="band-all" value={ALL}>
                  {t('picker.allBands')}
                </SimpleSelect.Option>
                {GRADE_BANDS.map((b) => (
                  <SimpleSelect.Option key={b} id={`band-${b}`} value={b}>
                    {bandLabel(b)}
                  </SimpleSelect.Option>
                ))}
              </SimpleSelect>
            </View>
            <fieldset style={fieldsetStyle} aria-busy={catalog.status === 'loading'}>
              <legend style={legendStyle}>{multiple ? t('picker.legend.multiple') : t('picker.legend.single')}</legend>
              <div role="status" aria-live="polite">
                {catalog.status === 'loading' ? <Spinner renderTitle={t('picker.loading')} size="small" /> : null}
                {catalog.status === 'ready' ? (
                  <Text size="small" color="secondary">
                    {t('picker.count', { count: items.length })}
                  </Text>
                ) : null}
              </div>
              {catalog.status === 'failed' ? (
                <View as="div" margin="small 0">
                  <Text as="p" color="danger">
                    {catalog.offline ? t('picker.error.catalogOffline') : t('picker.error.catalog')}
                  </Text>
                  <Button onClick={reloadCatalog}>{t('app.retry')}</Button>
                </View>
              ) : null}
              {catalog.status === 'ready' && items.length === 0 ? <Text as="p">{t('picker.empty')}</Text> : null}
              <ul style={listStyle}>
                {items.map((a, index) => {
                  const descId = `${choiceId(a.id)}-desc`;
                  const common = {
                    id: choiceId(a.id),
                    label: <Text weight="bold">{a.title}</Text>,
                    value: a.id,
                    checked: isChosen(a.id),
                    'aria-describedby': descId,
                    inputRef: index === 0 ? (el: HTMLInputElement | null) => (firstChoice.current = el) : undefined,
                  };
                  return (
                    <View as="li" key={a.id} display="block" borderWidth="small" borderRadius="medium" padding="small" background={isChosen(a.id) ? 'secondary' : 'primary'}>
                      {multiple ? (
                        <Checkbox {...common} onChange={(e) => toggle(a, e.target.checked)} />
                      ) : (
                        <RadioInput {...common} name="activity" onChange={(e) => toggle(a, e.target.checked)} />
                      )}
                      <div id={descId} style={{ marginInlineStart: '1.75rem' }}>
                        <Text as="p" size="small">
                          {a.description}
                        </Text>
                        <Text as="p" size="small" color="secondary">
                          {[
                            t('picker.meta.bands', { bands: a.gradeBands.join(', ') }),
                            t('picker.meta.points', { points: a.suggestedPoints }),
                            a.reviewRequired ? t('picker.meta.review') : t('picker.meta.automatic'),
                            ...(a.custom ? [t('picker.meta.custom')] : []),
                          ].join(' · ')}
                        </Text>
                      </div>
                    </View>
                  );
                })}
              </ul>
            </fieldset>
          </div>
          <View as="section" aria-labelledby="picker-selection-heading" display="block" borderWidth="small" borderRadius="medium" padding="medium" style={{ flex: '1 1 18rem', position: 'sticky', top: '1rem' }}>
            <Heading level="h2" variant="titleSection" id="picker-selection-heading" margin="0 0 small 0">
              {t('picker.selection.heading', { count: chosen.length })}
            </Heading>
            {chosen.length === 0 ? (
              <Text as="p" color="secondary">
                {t('picker.selection.empty')}
              </Text>
            ) : (
              <ul style={listStyle}>
                {chosen.map((c) => (
                  <li key={c.activity.id}>
                    <div style={chosenRowStyle}>
                      <NumberInput
                        id={pointsId(c.activity.id)}
                        renderLabel={t('picker.points', { title: c.activity.title })}
                        value={c.points}
                        onChange={(_e, value) => setPoints(c.activity.id, value)}
                        onIncrement={() => setPoints(c.activity.id, String(Math.min(1000, (Number(c.points) || 0) + 1)))}
                        onDecrement={() => setPoints(c.activity.id, String(Math.max(0, (Number(c.points) || 0) - 1)))}
                        isRequired
                        width="14rem"
                        inputMode="decimal"
                        messages={messagesFor(errors[c.activity.id], t('picker.points.hint'))}
                      />
                      <Button size="small" withBackground={false} onClick={() => toggle(c.activity, false)}>
                        {t('picker.remove', { title: c.activity.title })}
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            <View as="div" margin="medium 0 0 0">
              <Button type="submit" color="primary" interaction={busy ? 'disabled' : 'enabled'}>
                {t('picker.submit')}
              </Button>
            </View>
            <FormStatus message={statusMessage()} tone={tone} details={status.kind === 'invalid' ? status.other : undefined} />
          </View>
        </div>
      </form>
    </>
  );
}

/**
 * The deep linking activity picker: the teacher chooses ECAP activities from the catalog (by grade band), sets
 * points, and "Add to course" returns them to the LMS (the answer is a form posted to the platform).
 */
export function ActivityPicker({ session }: ActivityPickerProps) {
  const t = useT();
  const [settings, retry] = useResource(loadSettings);
  return (
    <ResourceView resource={settings} onRetry={retry}>
      {(data) =>
        data.acceptsLtiResourceLink ? (
          <Picker settings={data} courseTitle={session.context?.title ?? null} />
        ) : (
          <View as="section" display="block" maxWidth="40rem">
            <Heading level="h1" margin="0 0 small 0">
              {t('picker.unsupported.title')}
            </Heading>
            <Text as="p">{t('picker.unsupported.body')}</Text>
          </View>
        )
      }
    </ResourceView>
  );
}

export default ActivityPicker;
