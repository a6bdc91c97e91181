import { useSyncExternalStore } from 'react';

/**
 * The placed activity a student came from when they followed "Open the … screen" (`#/activity/<id>` to a plan
 * screen), so the plan screen can offer "Back to the activity". Kept in memory and, when the browser allows it,
 * in sessionStorage (a reload of the LMS iframe keeps it); the hash routes stay as they are.
 */
export type ReturnActivity = { placementId: string; title: string };

const KEY = 'ecap.returnActivity';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function read(): ReturnActivity | null {
  try {
    const raw = window.sessionStorage?.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<ReturnActivity>;
    return typeof v.placementId === 'string' && ID.test(v.placementId) && typeof v.title === 'string' ? { placementId: v.placementId, title: v.title } : null;
  } catch {
    return null; // storage blocked (sandboxed or partitioned iframe) or unreadable
  }
}

let current: ReturnActivity | null | undefined;
const listeners = new Set<() => void>();

function snapshot(): ReturnActivity | null {
  if (current === undefined) current = typeof window === 'undefined' ? null : read();
  return current;
}

function set(next: ReturnActivity | null): void {
  current = next;
  try {
    if (next) window.sessionStorage?.setItem(KEY, JSON.stringify(next));
    else window.sessionStorage?.removeItem(KEY);
  } catch {
    // memory only
  }
  for (const l of listeners) l();
}

/** Called when the student leaves an activity for the plan screen it names. */
export function rememberActivity(activity: ReturnActivity): void {
  if (ID.test(activity.placementId)) set(activity);
}
/** Called when the student goes back to the activity (the link has done its job). */
export function forgetActivity(): void {
  set(null);
}

export function useReturnActivity(): ReturnActivity | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    snapshot,
    () => null,
  );
}
