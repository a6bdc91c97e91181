import { useEffect, useState } from 'react';

/**
 * The student's screens, reached by hash routes so the app needs no router and works inside LMS iframes:
 * `#/plan/academic` ... The overview is `#/` (or no hash at all). The launch token's `#t=` is removed before
 * the first render (api/token.ts), so it never collides with a route.
 */
export const PLAN_ROUTES = ['overview', 'academic', 'career', 'postsecondary', 'extracurricular', 'goals', 'portfolio', 'review'] as const;
export type PlanRoute = (typeof PLAN_ROUTES)[number];

export function routeFromHash(hash: string): PlanRoute {
  const match = /^#\/plan\/([a-z]+)\/?$/.exec(hash);
  const name = match?.[1];
  return name && (PLAN_ROUTES as readonly string[]).includes(name) ? (name as PlanRoute) : 'overview';
}

export function hrefFor(route: PlanRoute): string {
  return route === 'overview' ? '#/' : `#/plan/${route}`;
}

/** The current route; follows back/forward and link clicks. */
export function useHashRoute(): PlanRoute {
  const [route, setRoute] = useState<PlanRoute>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/**
 * Routes outside the plan's screens:
 * - `#/activity/<placementId>`: a placed activity (a resource link launch opens it; api/token.ts turns the
 *   launch's `view=activity:<id>` into this route). Students see the activity; teachers see the class
 *   dashboard filtered to it.
 * - `#/student/<userId>`: a teacher's read-only view of one student's plan, with notes and reviews.
 */
const ID = '([A-Za-z0-9_-]{1,64})';
const ACTIVITY_ROUTE = new RegExp(`^#/activity/${ID}/?$`);
const STUDENT_ROUTE = new RegExp(`^#/student/${ID}/?$`);

export function activityIdFromHash(hash: string): string | null {
  return ACTIVITY_ROUTE.exec(hash)?.[1] ?? null;
}
export function studentIdFromHash(hash: string): string | null {
  return STUDENT_ROUTE.exec(hash)?.[1] ?? null;
}
export const activityHref = (placementId: string) => `#/activity/${placementId}`;
const CHILD_ROUTE = new RegExp(`^#/child/${ID}/?$`);
/** A parent's view of one child's plan. */
export function childIdFromHash(hash: string): string | null {
  return CHILD_ROUTE.exec(hash)?.[1] ?? null;
}
export const childHref = (userId: string) => `#/child/${userId}`;
export const studentHref = (userId: string) => `#/student/${userId}`;
/** A counselor's caseload (`#/caseload`) and one of its students (`#/caseload/student/<userId>`). */
export const CASELOAD_HREF = '#/caseload';
const CASELOAD_ROUTE = /^#\/caseload\/?$/;
const CASELOAD_STUDENT_ROUTE = new RegExp(`^#/caseload/student/${ID}/?$`);
export const isCaseloadHash = (hash: string) => CASELOAD_ROUTE.test(hash);
export function caseloadStudentIdFromHash(hash: string): string | null {
  return CASELOAD_STUDENT_ROUTE.exec(hash)?.[1] ?? null;
}
export const caseloadStudentHref = (userId: string) => `#/caseload/student/${userId}`;

/** A plan screen name from an activity's `planSection` ("career"), or null when the plan has no such screen. */
export function planRouteOf(section: string): PlanRoute | null {
  return (PLAN_ROUTES as readonly string[]).includes(section) ? (section as PlanRoute) : null;
}

/** The raw location hash; follows back/forward and link clicks. */
export function useLocationHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** Moves focus to the page's h1 (made focusable) so keyboard and screen reader users start there. */
export function focusHeading(root: ParentNode = document): boolean {
  const h1 = root.querySelector<HTMLElement>('main h1');
  if (!h1) return false;
  h1.tabIndex = -1;
  h1.style.outline = 'none';
  h1.focus();
  return true;
}
