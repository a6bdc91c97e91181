import { useMemo, useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { SUBJECT_AREAS, requirementTemplateSchema, type RequirementTemplate } from '../../../../shared/api/plan';
import { isApiFailure } from '../../api';
import { planApi } from '../../api/plan';
import { useResource } from '../../api/useResource';
import { getIn, setIn } from '../../autosave/paths';
import { fieldId, focusFirstPathError, pathKey, planPathErrors, serverPathErrors, type PathErrors } from '../../forms/fieldErrors';
import { useT } from '../../i18n';
import { FormStatus } from '../FormStatus';
import { NumberField, SelectField, TextField, type FieldHost } from '../PlanField';
import { FieldGrid, ItemFieldset, enumOptions, focusSoon } from '../PlanParts';
import { ResourceView } from '../ResourceView';

const SCOPE = 'requirements';
const loadTemplate = (signal: AbortSignal) => planApi.requirements({ signal });

type Status = { message: string | null; tone: 'info' | 'success' | 'danger'; details?: string[] };

/** The district's graduation requirements form (PUT /api/tenant/graduation-requirements). */
function RequirementsForm({ template, onSaved }: { template: RequirementTemplate; onSaved: (t: RequirementTemplate) => void }) {
  const t = useT();
  const [draft, setDraft] = useState<RequirementTemplate>(template);
  const [errors, setErrors] = useState<PathErrors>({});
  const [status, setStatus] = useState<Status>({ message: null, tone: 'info' });
  const [attempted, setAttempted] = useState(false);

  const validate = (d: RequirementTemplate) => {
    const parsed = requirementTemplateSchema.safeParse(d);
    return parsed.success ? { data: parsed.data, errors: {} } : { data: null, errors: planPathErrors(parsed.error, t) };
  };
  const host: FieldHost = useMemo(
    () => ({
      section: SCOPE,
      get: (path) => getIn(draft, path),
      set: (path, value) => {
        const next = setIn(draft, path, value) as RequirementTemplate;
        setDraft(next);
        if (attempted) setErrors(validate(next).errors);
        if (status.tone === 'success') setStatus({ message: null, tone: 'info' });
      },
      errorsAt: (path) => errors[pathKey(path)],
      flush: () => undefined,
    }),
    [draft, errors, attempted, status.tone],
  );

  const sum = draft.areas.reduce((s, a) => s + (Number.isFinite(a.credits) ? a.credits : 0), 0);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    const checked = validate(draft);
    setErrors(checked.errors);
    if (!checked.data) {
      setStatus({ message: t('admin.status.invalid'), tone: 'danger' });
      focusFirstPathError(SCOPE, checked.errors);
      return;
    }
    setStatus({ message: t('admin.status.saving'), tone: 'info' });
    try {
      const saved = await planApi.saveRequirements(checked.data);
      setDraft(saved);
      onSaved(saved);
      setStatus({ message: t('requirements.saved'), tone: 'success' });
    } catch (err) {
      if (!isApiFailure(err)) throw err;
      if (err.kind === 'http' && err.status === 400 && err.body?.fields) {
        const found = serverPathErrors(err.body.fields);
        setErrors(found);
        const shown = focusFirstPathError(SCOPE, found);
        setStatus({ message: t('admin.status.invalid'), tone: 'danger', details: shown ? [] : Object.values(found).flat() });
      } else {
        setStatus({ message: t(err.kind === 'network' ? 'admin.status.offline' : 'admin.status.error'), tone: 'danger' });
      }
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} style={{ maxWidth: '44rem' }}>
      <FieldGrid min="16rem">
        <TextField host={host} path={['name']} label={t('requirements.name')} required />
        <NumberField host={host} path={['totalCredits']} label={t('requirements.total')} hint={t('requirements.total.hint', { sum: String(sum) })} />
      </FieldGrid>
      <fieldset style={{ border: 0, padding: 0, margin: '1rem 0 0 0', minWidth: 0 }}>
        <legend style={{ fontWeight: 700, padding: 0, marginBottom: '0.5rem' }}>{t('requirements.areas')}</legend>
        <Text as="p" size="small" color="secondary">
          {t('requirements.areas.hint')}
        </Text>
        {draft.areas.map((a, i) => {
          const name = t(`enum.subject.${a.area}`);
          return (
            <ItemFieldset
              key={i}
              legend={name}
              removeLabel={t('requirements.removeArea', { area: name })}
              onRemove={() => {
                host.set(['areas'], draft.areas.filter((_x, j) => j !== i));
                focusSoon('requirements-add-area');
              }}
            >
              <FieldGrid>
                <SelectField host={host} path={['areas', i, 'area']} label={t('requirements.area')} options={enumOptions(t, 'enum.subject', SUBJECT_AREAS)} />
                <NumberField host={host} path={['areas', i, 'credits']} label={t('requirements.credits')} />
              </FieldGrid>
            </ItemFieldset>
          );
        })}
        <Button
          id="requirements-add-area"
          onClick={() => {
            const unused = SUBJECT_AREAS.find((s) => !draft.areas.some((a) => a.area === s)) ?? 'elective';
            host.set(['areas'], [...draft.areas, { area: unused, credits: 1, alsoCounts: [] }]);
            focusSoon(fieldId(SCOPE, ['areas', draft.areas.length, 'area']));
          }}
        >
          {t('requirements.addArea')}
        </Button>
      </fieldset>
      <View as="div" margin="medium 0 0 0">
        <Button type="submit" color="primary" interaction={status.message === t('admin.status.saving') ? 'disabled' : 'enabled'}>
          {t('requirements.save')}
        </Button>
      </View>
      <FormStatus message={status.message} tone={status.tone} details={status.details} />
    </form>
  );
}

/** Loads the district's template, then shows its form. */
export function RequirementsEditor() {
  const [template, retry, replace] = useResource(loadTemplate);
  return (
    <ResourceView resource={template} onRetry={retry}>
      {(data) => <RequirementsForm template={data} onSaved={replace} />}
    </ResourceView>
  );
}

export default RequirementsEditor;
