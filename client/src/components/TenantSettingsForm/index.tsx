import { useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Checkbox, CheckboxGroup } from '@instructure/ui-checkbox/v11_6';
import { FormFieldGroup } from '@instructure/ui-form-field/v11_6';
import { SimpleSelect } from '@instructure/ui-simple-select/v11_6';
import { TextInput } from '@instructure/ui-text-input/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { GRADES, tenantSettingsSchema, type TenantSettings } from '../../../../shared/api/session';
import { LOCALES, type Locale } from '../../../../shared/roles';
import { api, isApiFailure } from '../../api';
import { useT, type MessageKey } from '../../i18n';
import {
  focusFirstError,
  messagesFor,
  serverInvalid,
  zodFieldErrors,
  type FieldErrors,
} from '../../forms/fieldErrors';
import { FormStatus } from '../FormStatus';
import type { TenantSettingsFormProps } from './props';

type Field = 'name' | 'schoolYear' | 'gradeSpan' | 'languages';
const FIELD_ORDER: readonly Field[] = ['name', 'schoolYear', 'gradeSpan', 'languages'];
const ids: Record<Field, string> = {
  name: 'tenant-name',
  schoolYear: 'tenant-school-year',
  gradeSpan: 'tenant-grade-from',
  languages: 'tenant-language-en',
};

function fieldOf(path: readonly PropertyKey[]): Field | null {
  const head = path[0];
  return typeof head === 'string' && (FIELD_ORDER as readonly string[]).includes(head) ? (head as Field) : null;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'invalid'; other: string[] } | { kind: 'error' | 'offline' };

const stackStyle = { display: 'grid', gap: '1.5rem', maxWidth: '36rem' } as const;

const languageLabel: Record<Locale, MessageKey> = { en: 'admin.language.en', es: 'admin.language.es' };

function isLocale(v: string | number): v is Locale {
  return (LOCALES as readonly (string | number)[]).includes(v);
}

/** The district settings form (PATCH /api/tenant), validated with the shared schema before it is sent. */
export function TenantSettingsForm({ settings, onSaved }: TenantSettingsFormProps) {
  const t = useT();
  const [draft, setDraft] = useState<TenantSettings>(settings);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [attempted, setAttempted] = useState(false);

  const validate = (candidate: TenantSettings) => {
    const parsed = tenantSettingsSchema.safeParse(candidate);
    if (parsed.success) return { data: parsed.data, errors: {} };
    const found = zodFieldErrors(parsed.error, t, fieldOf, (issue) => {
      const field = fieldOf(issue.path);
      if (field === 'schoolYear') return 'admin.error.schoolYear';
      if (field === 'languages') return 'admin.error.languages';
      if (field === 'gradeSpan') return issue.code === 'custom' ? 'admin.error.gradeOrder' : 'admin.error.invalid';
      return null;
    });
    return { data: null, errors: found };
  };

  const update = (next: TenantSettings) => {
    setDraft(next);
    if (status.kind === 'saved') setStatus({ kind: 'idle' });
    if (attempted) setErrors(validate(next).errors);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status.kind === 'saving') return;
    setAttempted(true);
    const checked = validate(draft);
    setErrors(checked.errors);
    if (!checked.data) {
      setStatus({ kind: 'invalid', other: [] });
      focusFirstError(FIELD_ORDER, checked.errors, (f) => ids[f]);
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const view = await api.updateTenant(checked.data);
      setDraft(view.settings);
      setStatus({ kind: 'saved' });
      onSaved(view);
    } catch (e) {
      if (!isApiFailure(e)) throw e;
      const invalid = serverInvalid(e, { fieldOf, order: FIELD_ORDER, idOf: (f) => ids[f] });
      if (invalid) {
        setErrors(invalid.errors);
        setStatus({ kind: 'invalid', other: invalid.other });
      } else {
        setStatus({ kind: e.kind === 'network' ? 'offline' : 'error' });
      }
    }
  };

  const statusView = (() => {
    switch (status.kind) {
      case 'idle':
        return { message: null, tone: 'info' as const };
      case 'saving':
        return { message: t('admin.status.saving'), tone: 'info' as const };
      case 'saved':
        return { message: t('admin.status.saved'), tone: 'success' as const };
      case 'invalid':
        return { message: t('admin.status.invalid'), tone: 'danger' as const, details: status.other };
      case 'error':
        return { message: t('admin.status.error'), tone: 'danger' as const };
      case 'offline':
        return { message: t('admin.status.offline'), tone: 'danger' as const };
    }
  })();

  const gradeOptions = (prefix: string) =>
    GRADES.map((g) => (
      <SimpleSelect.Option key={g} id={`${prefix}-${g}`} value={g}>
        {t('admin.field.grade', { grade: g })}
      </SimpleSelect.Option>
    ));

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <div style={stackStyle}>
        <TextInput
          id={ids.name}
          renderLabel={t('admin.field.name')}
          value={draft.name}
          isRequired
          autoComplete="organization"
          onChange={(_e, value) => update({ ...draft, name: value })}
          messages={messagesFor(errors.name)}
        />
        <TextInput
          id={ids.schoolYear}
          renderLabel={t('admin.field.schoolYear')}
          value={draft.schoolYear}
          isRequired
          width="12rem"
          inputMode="numeric"
          onChange={(_e, value) => update({ ...draft, schoolYear: value })}
          messages={messagesFor(errors.schoolYear, t('admin.field.schoolYear.hint'))}
        />
        <FormFieldGroup
          description={t('admin.field.gradeSpan')}
          layout="columns"
          vAlign="top"
          colSpacing="medium"
          messages={messagesFor(errors.gradeSpan)}
        >
          <SimpleSelect
            id={ids.gradeSpan}
            renderLabel={t('admin.field.gradeFrom')}
            value={draft.gradeSpan.from}
            onChange={(_e, { value }) =>
              typeof value === 'number' && update({ ...draft, gradeSpan: { ...draft.gradeSpan, from: value } })
            }
          >
            {gradeOptions('grade-from')}
          </SimpleSelect>
          <SimpleSelect
            id="tenant-grade-to"
            renderLabel={t('admin.field.gradeTo')}
            value={draft.gradeSpan.to}
            onChange={(_e, { value }) =>
              typeof value === 'number' && update({ ...draft, gradeSpan: { ...draft.gradeSpan, to: value } })
            }
          >
            {gradeOptions('grade-to')}
          </SimpleSelect>
        </FormFieldGroup>
        <CheckboxGroup
          name="languages"
          description={t('admin.field.languages')}
          value={draft.languages}
          onChange={(values) => update({ ...draft, languages: values.filter((v): v is Locale => isLocale(v)) })}
          messages={messagesFor(errors.languages)}
        >
          {LOCALES.map((l) => (
            <Checkbox key={l} id={`tenant-language-${l}`} label={t(languageLabel[l])} value={l} />
          ))}
        </CheckboxGroup>
      </div>
      <View as="div" margin="medium 0 0 0">
        <Button type="submit" color="primary" interaction={status.kind === 'saving' ? 'disabled' : 'enabled'}>
          {t('admin.save')}
        </Button>
      </View>
      <FormStatus {...statusView} />
    </form>
  );
}

export default TenantSettingsForm;
