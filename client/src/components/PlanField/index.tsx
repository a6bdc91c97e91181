import { useEffect, useState } from 'react';
import { Checkbox } from '@instructure/ui-checkbox/v11_6';
import { SimpleSelect } from '@instructure/ui-simple-select/v11_6';
import { TextArea } from '@instructure/ui-text-area/v11_6';
import { TextInput } from '@instructure/ui-text-input/v11_6';
import { fieldId, messagesFor } from '../../forms/fieldErrors';
import { useT } from '../../i18n';
import type { BaseFieldProps, FieldHost, NumberFieldProps, SelectFieldProps, TextFieldProps } from './props';

export type { FieldHost } from './props';

/** A text (or multi-line) field bound to a section path; errors come from the editor and are announced. */
export function TextField({ host, path, label, hint, required, width, optional, multiline }: TextFieldProps) {
  const id = fieldId(host.section, path);
  const raw = host.get(path);
  const value = typeof raw === 'string' ? raw : '';
  const onChange = (v: string) => host.set(path, optional && v === '' ? undefined : v);
  const messages = messagesFor(host.errorsAt(path), hint);
  if (multiline) {
    return (
      <TextArea
        id={id}
        label={label}
        value={value}
        required={required}
        autoGrow
        resize="vertical"
        height="5rem"
        maxHeight="20rem"
        width={width}
        messages={messages}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => host.flush()}
      />
    );
  }
  return (
    <TextInput
      id={id}
      renderLabel={label}
      value={value}
      isRequired={required}
      width={width}
      messages={messages}
      onChange={(_e, v) => onChange(v)}
      onBlur={() => host.flush()}
    />
  );
}

/** A calendar date typed as YYYY-MM-DD (the format hint is always shown). */
export function DateField({ optional, ...props }: BaseFieldProps & { optional?: boolean }) {
  const t = useT();
  return <TextField {...props} optional={optional} width={props.width ?? '11rem'} hint={props.hint ?? t('form.hint.date')} />;
}

function display(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/**
 * A number typed as text: what the student types stays on screen; the data holds the number, or null while
 * the text is not a number (the schema then reports it next to the field).
 */
export function NumberField({ host, path, label, hint, required, width, empty = 'invalid', integer }: NumberFieldProps) {
  const id = fieldId(host.section, path);
  const value = host.get(path);
  const [text, setText] = useState(display(value));
  useEffect(() => {
    const parsed = text.trim() === '' ? null : Number(text.replace(',', '.'));
    if (typeof value === 'number' && parsed !== value) setText(display(value));
    if ((value === null || value === undefined) && parsed !== null && Number.isFinite(parsed)) setText('');
    // Only outside changes (another version chosen, an item removed) reset the text.
  }, [value]);
  const onChange = (v: string) => {
    setText(v);
    const trimmed = v.trim();
    if (trimmed === '') return host.set(path, empty === 'absent' ? undefined : null);
    const n = Number(trimmed.replace(',', '.'));
    host.set(path, Number.isFinite(n) ? n : null);
  };
  return (
    <TextInput
      id={id}
      renderLabel={label}
      value={text}
      isRequired={required}
      width={width ?? '8rem'}
      inputMode={integer ? 'numeric' : 'decimal'}
      messages={messagesFor(host.errorsAt(path), hint)}
      onChange={(_e, v) => onChange(v)}
      onBlur={() => host.flush()}
    />
  );
}

/** A choice from a fixed list (enum values with catalog labels). */
export function SelectField({ host, path, label, hint, required, width, options }: SelectFieldProps) {
  const id = fieldId(host.section, path);
  const value = host.get(path);
  return (
    <SimpleSelect
      id={id}
      renderLabel={label}
      value={typeof value === 'string' || typeof value === 'number' ? value : undefined}
      isRequired={required}
      width={width}
      messages={messagesFor(host.errorsAt(path), hint)}
      onChange={(_e, { value: v }) => {
        if (v !== undefined) host.set(path, v);
      }}
      onBlur={() => host.flush()}
    >
      {options.map((o) => (
        <SimpleSelect.Option key={String(o.value)} id={`${id}-opt-${o.value}`} value={o.value}>
          {o.label}
        </SimpleSelect.Option>
      ))}
    </SimpleSelect>
  );
}

/** A yes/no box. */
export function CheckField({ host, path, label }: { host: FieldHost; path: BaseFieldProps['path']; label: string }) {
  return (
    <Checkbox
      id={fieldId(host.section, path)}
      label={label}
      checked={host.get(path) === true}
      onChange={(e) => host.set(path, e.target.checked)}
      onBlur={() => host.flush()}
      messages={messagesFor(host.errorsAt(path))}
    />
  );
}
