/**
 * Unsent section drafts kept on this device (localStorage) until the server confirms them, so nothing a student
 * typed is lost when the network or the server fails, the tab closes, or another tab saved first. Pure functions
 * over a Storage-like object so they can be unit-tested without a browser.
 */

/** What is kept per section: the edited data and the server version it was based on. */
export interface Draft<T = unknown> {
  /** Version of the section the edits started from (sent with the PUT; a stale one gets 409). */
  baseVersion: number;
  data: T;
  /** When the draft was last written (ISO time), shown in the "restored" notice. */
  savedAt: string;
}

/** The part of the Web Storage API the drafts need. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'ecap.draft.v1';

/** One key per tenant + student + section, so two students on a shared Chromebook never see each other's draft. */
export function draftKey(tenantId: string, studentId: string, section: string): string {
  return `${PREFIX}:${encodeURIComponent(tenantId)}:${encodeURIComponent(studentId)}:${section}`;
}

export function serializeDraft(draft: Draft): string {
  return JSON.stringify(draft);
}

/** Reads a stored draft; anything malformed (old format, hand-edited) is treated as no draft. */
export function parseDraft(raw: string | null): Draft | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    if (!value || typeof value !== 'object') return null;
    const v = value as Record<string, unknown>;
    if (typeof v.baseVersion !== 'number' || !Number.isInteger(v.baseVersion) || v.baseVersion < 0) return null;
    if (!('data' in v) || v.data === undefined) return null;
    return { baseVersion: v.baseVersion, data: v.data, savedAt: typeof v.savedAt === 'string' ? v.savedAt : '' };
  } catch {
    return null;
  }
}

/** Storage access throws in iframes with blocked storage: every call is guarded and reports success. */
export function writeDraft(storage: DraftStorage | null, key: string, draft: Draft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, serializeDraft(draft));
    return true;
  } catch {
    return false;
  }
}

export function readDraft(storage: DraftStorage | null, key: string): Draft | null {
  if (!storage) return null;
  try {
    return parseDraft(storage.getItem(key));
  } catch {
    return null;
  }
}

export function clearDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: a draft we cannot remove is harmless (it equals the saved data).
  }
}

/** Structural equality for JSON-like values (drafts, section data). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * What to do with a stored draft when the section loads from the server:
 * - `none`: no draft, or it holds exactly what the server has (then it is removed);
 * - `restore`: the draft has unsent edits based on the current version: show them and save them;
 * - `conflict`: the draft has unsent edits but the section changed on the server since: show the draft and
 *   ask the student which version to keep.
 */
export function reconcileDraft(draft: Draft | null, server: { version: number; data: unknown }): 'none' | 'restore' | 'conflict' {
  if (!draft || sameData(draft.data, server.data)) return 'none';
  return draft.baseVersion < server.version ? 'conflict' : 'restore';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Three-way merge for "keep my version" after a conflict: field by field, what this tab changed since `base`
 * (the last version it had from the server) wins; what it did not touch comes from `theirs` (the newer saved
 * version), so another tab's edits to other fields survive. Objects merge per key; arrays and values are atomic.
 * Without a base (a draft restored from an older version) the student's whole version is kept.
 */
export function mergeSection<T>(base: T | null, mine: T, theirs: T): T {
  if (base === null) return mine;
  if (sameData(mine, base)) return theirs;
  if (sameData(theirs, base)) return mine;
  if (isRecord(base) && isRecord(mine) && isRecord(theirs)) {
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
      const merged = mergeSection(base[k] ?? null, mine[k], theirs[k]);
      if (merged !== undefined) out[k] = merged;
    }
    return out as T;
  }
  return mine;
}

/** Retry delay after `attempt` consecutive network failures: 2 s, 4 s, 8 s ... capped at 60 s, with jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 2000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Browser localStorage, or null where it is blocked. */
export function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
