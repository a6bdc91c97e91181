import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SECTION_SCHEMAS, type SectionData, type SectionKey, type VersionedSection } from '../../../shared/api/plan';
import { isApiFailure } from '../api';
import { planApi } from '../api/plan';
import { focusFirstPathError, planPathErrors, serverPathErrors, type DataPath, type PathErrors } from '../forms/fieldErrors';
import { useT } from '../i18n';
import { backoffDelay, browserStorage, clearDraft, draftKey, mergeSection, readDraft, reconcileDraft, writeDraft } from './drafts';
import { getIn, setIn } from './paths';

/**
 * - `saved`: the server has everything; `pending`: edits wait for the pause in typing; `saving`: a PUT is out;
 * - `offline`: the server could not be reached, the draft is kept on this device and retried;
 * - `error`: the server failed (5xx), retried with backoff; `invalid`: some fields need fixing (nothing sent);
 * - `conflict`: the section was saved elsewhere (another tab or device) since these edits started.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'offline' | 'error' | 'invalid' | 'conflict';

export const AUTOSAVE_DELAY_MS = 1500;

export interface SectionEditor<K extends SectionKey> {
  section: K;
  data: SectionData[K];
  /** Replaces the value at `path` (creating the draft and scheduling the save). */
  set: (path: DataPath, value: unknown) => void;
  get: (path: DataPath) => unknown;
  /** Replaces the whole data (e.g. add or remove an item). */
  update: (fn: (data: SectionData[K]) => SectionData[K]) => void;
  state: SaveState;
  errors: PathErrors;
  errorsAt: (path: DataPath) => string[] | undefined;
  /** The section as saved elsewhere, while the student chooses which version to keep. */
  conflict: VersionedSection<K> | null;
  keepMine: () => void;
  useSaved: () => void;
  /** When unsent edits were restored from this device on load (ISO time), until dismissed. */
  restoredAt: string | null;
  dismissRestored: () => void;
  /** Saves now (the "Save now" button): on invalid data, focus moves to the first error. */
  saveNow: () => void;
  /** Saves pending edits now (on blur), without moving focus. */
  flush: () => void;
}

export interface SectionEditorOptions<K extends SectionKey> {
  tenantId: string;
  studentId: string;
  /** Called after every confirmed save (e.g. to refresh the requirements check). */
  onSaved?: (saved: VersionedSection<K>) => void;
}

/**
 * Autosaving editor for one plan section. Every edit is written to localStorage at once and sent to the server
 * 1.5 s after typing stops (or on blur, on leaving the page); the draft is removed only when the server
 * confirms exactly what is on screen. Network failures retry with backoff and on `online`; a 409 keeps the draft
 * and asks the student; a 400 shows the field errors and keeps the draft.
 */
export function useSectionEditor<K extends SectionKey>(
  section: K,
  initial: VersionedSection<K>,
  { tenantId, studentId, onSaved }: SectionEditorOptions<K>,
): SectionEditor<K> {
  const t = useT();
  const key = draftKey(tenantId, studentId, section);
  const schema = SECTION_SCHEMAS[section];

  // Decide once, before the first render, whether a draft from this device is restored.
  const [start] = useState(() => {
    const storage = browserStorage();
    const draft = readDraft(storage, key);
    const decision = reconcileDraft(draft, initial);
    if (!draft || decision === 'none') {
      clearDraft(storage, key);
      return { data: initial.data, base: initial.version, dirty: false, restoredAt: null, conflict: null };
    }
    return {
      data: draft.data as SectionData[K],
      base: draft.baseVersion,
      dirty: true,
      restoredAt: draft.savedAt || new Date().toISOString(),
      conflict: decision === 'conflict' ? initial : null,
    };
  });

  const [data, setData] = useState<SectionData[K]>(start.data);
  const [state, setState] = useState<SaveState>(start.conflict ? 'conflict' : start.dirty ? 'pending' : 'saved');
  const [errors, setErrors] = useState<PathErrors>({});
  const [conflict, setConflict] = useState<VersionedSection<K> | null>(start.conflict);
  const [restoredAt, setRestoredAt] = useState<string | null>(start.restoredAt);

  const dataRef = useRef(start.data);
  const baseRef = useRef(start.base);
  /** The server's data at `baseRef` (null when unknown: a draft restored from an older version). */
  const baseDataRef = useRef<SectionData[K] | null>(start.base === initial.version ? initial.data : null);
  const dirtyRef = useRef(start.dirty);
  const conflictRef = useRef<VersionedSection<K> | null>(start.conflict);
  const inFlightRef = useRef(false);
  const queuedRef = useRef(false);
  const attemptRef = useRef(0);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mountedRef = useRef(true);
  const stateRef = useRef<SaveState>(state);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const tRef = useRef(t);
  tRef.current = t;

  const setStatus = useCallback((s: SaveState) => {
    stateRef.current = s;
    if (mountedRef.current) setState(s);
  }, []);

  const persist = useCallback(() => {
    writeDraft(browserStorage(), key, { baseVersion: baseRef.current, data: dataRef.current, savedAt: new Date().toISOString() });
  }, [key]);

  const validate = useCallback(() => {
    const parsed = schema.safeParse(dataRef.current);
    return parsed.success
      ? { ok: true as const, value: parsed.data as SectionData[K], errors: {} }
      : { ok: false as const, errors: planPathErrors(parsed.error, tRef.current) };
  }, [schema]);

  const saveRef = useRef<(explicit: boolean) => Promise<void>>(async () => undefined);

  const schedule = useCallback((ms: number) => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      void saveRef.current(false);
    }, ms);
  }, []);

  saveRef.current = async (explicit: boolean) => {
    if (timerRef.current) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    if (conflictRef.current) return; // Waiting for the student's choice.
    if (inFlightRef.current) {
      queuedRef.current = true;
      return;
    }
    if (!dirtyRef.current) {
      setStatus('saved');
      return;
    }
    const checked = validate();
    if (mountedRef.current) setErrors(checked.errors);
    if (!checked.ok) {
      setStatus('invalid');
      if (explicit) setTimeout(() => focusFirstPathError(section, checked.errors), 0);
      return;
    }
    const sent = dataRef.current;
    inFlightRef.current = true;
    setStatus('saving');
    try {
      const saved = await planApi.saveSection(section, baseRef.current, checked.value);
      attemptRef.current = 0;
      baseRef.current = saved.version;
      baseDataRef.current = saved.data;
      if (dataRef.current === sent) {
        dirtyRef.current = false;
        clearDraft(browserStorage(), key);
        setStatus('saved');
      } else {
        persist(); // Typed while saving: keep the newer draft on top of the new version.
        setStatus('pending');
        schedule(AUTOSAVE_DELAY_MS);
      }
      onSavedRef.current?.(saved);
    } catch (e) {
      if (!isApiFailure(e)) throw e;
      if (e.kind === 'network') {
        setStatus('offline');
        schedule(backoffDelay(attemptRef.current++));
      } else if (e.kind === 'http' && e.status === 409 && isConflict<K>(e.raw)) {
        conflictRef.current = e.raw.current;
        if (mountedRef.current) setConflict(e.raw.current);
        setStatus('conflict');
      } else if (e.kind === 'http' && e.status === 400) {
        const found = e.body?.fields ? serverPathErrors(e.body.fields) : { '': [e.body?.message ?? tRef.current('form.error.invalid')] };
        if (mountedRef.current) setErrors(found);
        setStatus('invalid');
        if (explicit) setTimeout(() => focusFirstPathError(section, found), 0);
      } else if (e.kind === 'unauthorized' || e.kind === 'no_token') {
        setStatus('error'); // The app shows "session ended"; the draft stays on this device.
      } else {
        setStatus('error');
        schedule(backoffDelay(attemptRef.current++));
      }
    } finally {
      inFlightRef.current = false;
      if (queuedRef.current) {
        queuedRef.current = false;
        if (!conflictRef.current) void saveRef.current(false);
      }
    }
  };

  const replaceData = useCallback(
    (next: SectionData[K]) => {
      dataRef.current = next;
      dirtyRef.current = true;
      setData(next);
      persist();
      if (conflictRef.current) return;
      if (stateRef.current === 'invalid') {
        const checked = validate();
        setErrors(checked.errors);
      }
      if (stateRef.current !== 'offline' && stateRef.current !== 'error') setStatus('pending');
      schedule(AUTOSAVE_DELAY_MS);
    },
    [persist, schedule, setStatus, validate],
  );

  const set = useCallback(
    (path: DataPath, value: unknown) => replaceData(setIn(dataRef.current, path, value) as SectionData[K]),
    [replaceData],
  );
  const update = useCallback((fn: (d: SectionData[K]) => SectionData[K]) => replaceData(fn(dataRef.current)), [replaceData]);
  const get = useCallback((path: DataPath) => getIn(data, path), [data]);

  const keepMine = useCallback(() => {
    const current = conflictRef.current;
    if (!current) return;
    // Keep what this tab changed, on top of the saved version: other tabs' edits to other fields survive.
    const merged = mergeSection(baseDataRef.current, dataRef.current, current.data);
    baseRef.current = current.version;
    baseDataRef.current = current.data;
    dataRef.current = merged;
    setData(merged);
    conflictRef.current = null;
    setConflict(null);
    dirtyRef.current = true;
    persist();
    void saveRef.current(true);
  }, [persist]);

  const useSaved = useCallback(() => {
    const current = conflictRef.current;
    if (!current) return;
    conflictRef.current = null;
    setConflict(null);
    baseRef.current = current.version;
    baseDataRef.current = current.data;
    dataRef.current = current.data;
    dirtyRef.current = false;
    setData(current.data);
    setErrors({});
    clearDraft(browserStorage(), key);
    setRestoredAt(null);
    setStatus('saved');
    onSavedRef.current?.(current);
  }, [key, setStatus]);

  // A restored draft is sent shortly after load (a conflicting one waits for the student).
  useEffect(() => {
    if (start.dirty && !start.conflict) schedule(500);
  }, [schedule, start]);

  // Back online: retry at once. Leaving the page: send what is pending (best effort; the draft is kept anyway).
  useEffect(() => {
    const online = () => {
      if (dirtyRef.current && (stateRef.current === 'offline' || stateRef.current === 'error')) void saveRef.current(false);
    };
    const leaving = () => {
      if (!dirtyRef.current || inFlightRef.current || conflictRef.current) return;
      persist();
      const checked = validate();
      if (checked.ok) void planApi.saveSection(section, baseRef.current, checked.value, { keepalive: true }).catch(() => undefined);
    };
    window.addEventListener('online', online);
    window.addEventListener('pagehide', leaving);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', leaving);
    };
  }, [persist, section, validate]);

  // Leaving the screen: save what is pending now (the draft stays until the server confirms).
  useEffect(() => {
    mountedRef.current = true;
    return () => {
      mountedRef.current = false;
      if (timerRef.current) clearTimeout(timerRef.current);
      if (dirtyRef.current && !inFlightRef.current && !conflictRef.current) void saveRef.current(false);
    };
  }, []);

  const errorsAt = useCallback((path: DataPath) => errors[path.map(String).join('.')], [errors]);

  return useMemo(
    () => ({
      section,
      data,
      set,
      get,
      update,
      state,
      errors,
      errorsAt,
      conflict,
      keepMine,
      useSaved,
      restoredAt,
      dismissRestored: () => setRestoredAt(null),
      saveNow: () => void saveRef.current(true),
      flush: () => {
        if (dirtyRef.current && stateRef.current === 'pending') void saveRef.current(false);
      },
    }),
    [section, data, set, get, update, state, errors, errorsAt, conflict, keepMine, useSaved, restoredAt],
  );
}

function isConflict<K extends SectionKey>(raw: unknown): raw is { current: VersionedSection<K> } {
  if (!raw || typeof raw !== 'object' || !('current' in raw)) return false;
  const current = (raw as { current: unknown }).current;
  return !!current && typeof current === 'object' && 'version' in current && 'data' in current;
}
