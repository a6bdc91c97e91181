import type { z } from 'zod';
import type { Translate, MessageKey } from '../i18n';
import type { ApiFailure } from '../api/client';

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

/**
 * A failed submit of a form: when the server answered 400 with `fields`, those errors (by form field, plus any
 * that match no field) with focus moved to the first one; null for any other failure, which the form reports.
 */
export function serverInvalid<K extends string>(
  failure: ApiFailure,
  form: { fieldOf: (path: readonly PropertyKey[]) => K | null; order: readonly K[]; idOf: (k: K) => string },
): { errors: FieldErrors<K>; other: string[] } | null {
  if (failure.kind !== 'http' || failure.status !== 400 || !failure.body?.fields) return null;
  const server = serverFieldErrors(failure.body.fields, form.fieldOf);
  focusFirstError(form.order, server.errors, form.idOf);
  return server;
}

// ---------- the student's plan: errors keyed by dotted path (e.g. `courses.2.credits`) ----------

/** A path into a section's data, as zod reports it and as the server's `fields` keys spell it (dotted). */
export type DataPath = readonly (string | number)[];
/** Errors per dotted path. */
export type PathErrors = Record<string, string[]>;

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The DOM id of the input editing `path` in `scope` (a section key or form name): `academic-courses-2-credits`. */
export function fieldId(scope: string, path: string | readonly PropertyKey[]): string {
  const key = typeof path === 'string' ? path : pathKey(path);
  return `${scope}-${key.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

const DATE_FIELDS = new Set(['date', 'startDate', 'endDate', 'deadline', 'targetDate', 'earnedOn']);

/** The catalog message for one zod issue of the plan's schemas (the schema's English messages are not shown). */
export function planIssueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const last = issue.path[issue.path.length - 1];
  const field = typeof last === 'string' ? last : '';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number') return t('form.error.number');
      if (issue.expected === 'int') return t('form.error.wholeNumber');
      return t('form.error.required');
    case 'too_small':
      if (issue.origin === 'string') return t('form.error.required');
      if (issue.origin === 'number') {
        return Number(issue.minimum) === 0 ? t('form.error.notNegative') : t('form.error.min', { min: String(issue.minimum) });
      }
      return t('form.error.invalid');
    case 'too_big':
      if (issue.origin === 'string') return t('form.error.tooLong', { max: String(issue.maximum) });
      if (issue.origin === 'number') return t('form.error.max', { max: String(issue.maximum) });
      return t('form.error.tooMany', { max: String(issue.maximum) });
    case 'invalid_format':
      return DATE_FIELDS.has(field) ? t('form.error.date') : t('form.error.invalid');
    case 'invalid_value':
      return t('form.error.choose');
    case 'custom':
      if (field === 'endDate') return t('form.error.endBeforeStart');
      if (field === 'gradeEarned') return t('form.error.gradeOnlyCompleted');
      if (field === 'employerAssessment') return t('form.error.employerOnlyWorkBased');
      if (DATE_FIELDS.has(field)) return t('form.error.date');
      return t('form.error.invalid');
    default:
      return t('form.error.invalid');
  }
}

/** Groups a failed parse of plan data by dotted path, with catalog messages. */
export function planPathErrors(error: z.ZodError, t: Translate): PathErrors {
  const out: PathErrors = {};
  for (const issue of error.issues) {
    const key = pathKey(issue.path);
    const list = (out[key] ??= []);
    const message = planIssueMessage(issue, t);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/** A server 400's `fields`, keyed by the same dotted paths. */
export function serverPathErrors(fields: Record<string, string[]> | undefined): PathErrors {
  const out: PathErrors = {};
  for (const [key, messages] of Object.entries(fields ?? {})) out[key] = [...messages];
  return out;
}

/**
 * Moves focus to the input of the first error in page order. A path with no input of its own (an error on a
 * whole object) falls back to its closest parent that has one.
 */
export function focusFirstPathError(scope: string, errors: PathErrors): boolean {
  const found: HTMLElement[] = [];
  for (const key of Object.keys(errors)) {
    const parts = key.split('.');
    for (let n = parts.length; n >= 0; n--) {
      const el = document.getElementById(fieldId(scope, n === 0 ? '' : parts.slice(0, n).join('.')));
      if (el) {
        found.push(el);
        break;
      }
    }
  }
  found.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const first = found[0];
  if (!first) return false;
  first.focus();
  return true;
}
