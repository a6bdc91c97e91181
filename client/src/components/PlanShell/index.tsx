import { Suspense, lazy, useCallback, useEffect, useRef, type ComponentType } from 'react';
import type { PlanView, SectionKey, VersionedSection } from '../../../../shared/api/plan';
import { planApi } from '../../api/plan';
import { useResource } from '../../api/useResource';
import { LoadingState } from '../LoadingState';
import { ResourceView } from '../ResourceView';
import type { PlanScreenProps, PlanShellProps } from './props';

type ScreenModule = { default: ComponentType<PlanScreenProps> };

/** Each screen is its own chunk, loaded when the student opens it. */
const screens: Record<PlanShellProps['route'], ComponentType<PlanScreenProps>> = {
  academic: lazy((): Promise<ScreenModule> => import('../AcademicScreen')),
  career: lazy((): Promise<ScreenModule> => import('../CareerScreen')),
  postsecondary: lazy((): Promise<ScreenModule> => import('../PostsecondaryScreen')),
  extracurricular: lazy((): Promise<ScreenModule> => import('../ExtracurricularScreen')),
  goals: lazy((): Promise<ScreenModule> => import('../GoalsScreen')),
  portfolio: lazy((): Promise<ScreenModule> => import('../PortfolioScreen')),
  review: lazy((): Promise<ScreenModule> => import('../ReviewScreen')),
};

const loadPlan = (signal: AbortSignal) => planApi.plan({ signal });

/** Loads the student's plan once and shows the screen for the route. */
export function PlanShell({ route, session }: PlanShellProps) {
  const [plan, retry, replace] = useResource(loadPlan);
  // Keep each confirmed save, so a screen opened again starts from the latest version (not the first load).
  const latest = useRef<PlanView | null>(null);
  if (plan.status === 'ready') latest.current = plan.data;
  const refreshing = useRef<AbortController | null>(null);
  const refreshPlan = useCallback(() => {
    refreshing.current?.abort();
    const controller = new AbortController();
    refreshing.current = controller;
    planApi.plan({ signal: controller.signal }).then((fresh) => {
      // A section saved meanwhile may be newer than this answer: keep the newest version of each.
      const current = latest.current;
      const sections = { ...fresh.sections } as Record<SectionKey, VersionedSection>;
      if (current) {
        for (const key of Object.keys(current.sections) as SectionKey[]) {
          const mine = current.sections[key];
          if (mine && (!sections[key] || mine.version > sections[key].version)) sections[key] = mine;
        }
      }
      const next = { ...fresh, sections } as PlanView;
      latest.current = next;
      replace(next);
    }, () => undefined);
  }, [replace]);
  useEffect(() => () => refreshing.current?.abort(), []);
  const sectionSaved = useCallback(
    (key: SectionKey, saved: VersionedSection) => {
      const current = latest.current;
      if (!current) return;
      const next = { ...current, sections: { ...current.sections, [key]: saved } } as PlanView;
      latest.current = next;
      replace(next);
    },
    [replace],
  );
  const Screen = screens[route];
  return (
    <ResourceView resource={plan} onRetry={retry}>
      {(data) => (
        <Suspense fallback={<LoadingState />}>
          <Screen plan={data} session={session} replacePlan={replace} refreshPlan={refreshPlan} sectionSaved={sectionSaved} />
        </Suspense>
      )}
    </ResourceView>
  );
}

export default PlanShell;
