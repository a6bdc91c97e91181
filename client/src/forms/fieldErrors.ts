import type { z } from 'zod';
import type { Translate, MessageKey } from '../i18n';

/** Error messages per form field, ready for InstUI's `messages` prop. */
export type FieldErrors<K extends string> = Partial<Record<K, string[]>>;

/** Turns one zod issue into a catalog message (the schema's own English messages are not shown). */
function issueMessage(issue: z.core.$ZodIssue, t: Translate, special?: (issue: z.core.$ZodIssue) => MessageKey | null) {
  const key = special?.(issue);
  if (key) return t(key);
  switch (issue.code) {
    case 'too_small':
      return t('admin.error.required');
    case 'too_big':
      return t('admin.error.tooLong', { max: String(issue.maximum) });
    default:
      return t('admin.error.invalid');
  }
}

/**
 * Groups the issues of a failed client-side parse by form field. `fieldOf` maps an issue path to a field
 * (issues on other paths are dropped); `special` picks a message for issues the generic mapping gets wrong.
 */
export function zodFieldErrors<K extends string>(
  error: z.ZodError,
  t: Translate,
  fieldOf: (path: readonly PropertyKey[]) => K | null,
  special?: (issue: z.core.$ZodIssue) => MessageKey | null,
): FieldErrors<K> {
  const out: FieldErrors<K> = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    if (!field) continue;
    const list = (out[field] ??= []);
    const message = issueMessage(issue, t, special);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/**
 * Groups a server 400's `fields` (keys are paths such as `gradeSpan.from`) by form field; messages whose path
 * names no field are returned in `other`, to be shown with the form's status.
 */
export function serverFieldErrors<K extends string>(
  fields: Record<string, string[]> | undefined,
  fieldOf: (path: readonly PropertyKey[]) => K | null,
): { errors: FieldErrors<K>; other: string[] } {
  const errors: FieldErrors<K> = {};
  const other: string[] = [];
  for (const [path, messages] of Object.entries(fields ?? {})) {
    const field = fieldOf(path.split('.'));
    if (field) (errors[field] ??= []).push(...messages);
    else other.push(...messages);
  }
  return { errors, other };
}

/** InstUI `messages` for a field: its errors, else an optional hint. */
export function messagesFor(errors: string[] | undefined, hint?: string) {
  if (errors && errors.length > 0) return errors.map((text) => ({ type: 'newError' as const, text }));
  return hint ? [{ type: 'hint' as const, text: hint }] : [];
}

/** Moves keyboard focus to the first element (by id) of the first field with an error. */
export function focusFirstError<K extends string>(order: readonly K[], errors: FieldErrors<K>, idOf: (k: K) => string) {
  const first = order.find((k) => (errors[k]?.length ?? 0) > 0);
  if (first) document.getElementById(idOf(first))?.focus();
}
