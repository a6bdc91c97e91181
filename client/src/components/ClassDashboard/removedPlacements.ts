import { useSyncExternalStore } from 'react';

/**
 * Placements the teacher removed from ECAP Planner during this visit. The class view already on screen (and the
 * course's activity list the filter shows) was loaded before the removal: screens hide these ids until the next
 * load, which no longer lists them. Kept for the page's life, so a student's plan opened afterwards and the
 * dashboard shown again (from its last data) hide them too.
 */
let removed: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

export function markRemoved(placementId: string): void {
  if (removed.has(placementId)) return;
  removed = new Set([...removed, placementId]);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The ids removed so far (a new set after each removal). */
export function useRemovedPlacements(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => removed, () => removed);
}
