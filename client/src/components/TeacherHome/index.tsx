import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from '@instructure/ui-link/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import type { ClassDashboardView } from '../../../../shared/api/activities';
import { ApiFailure, api } from '../../api';
import { activitiesApi } from '../../api/activities';
import { useT } from '../../i18n';
import {
  CASELOAD_HREF,
  activityHref,
  activityIdFromHash,
  caseloadStudentIdFromHash,
  focusHeading,
  isCaseloadHash,
  studentIdFromHash,
  useLocationHash,
} from '../../routing/hashRoute';
import { ClassDashboard } from '../ClassDashboard';
import type { ClassDashboardProps, DashboardFilters } from '../ClassDashboard/props';
import { LoadingState } from '../LoadingState';
import { ResourceView } from '../ResourceView';
import type { RoleHomeProps } from '../RoleHome/props';
import type { Resource } from '../../api/useResource';

const ActivityPicker = lazy(() => import('../ActivityPicker'));
const StudentPlanReview = lazy(() => import('../StudentPlanReview'));
const CaseloadView = lazy(() => import('../CaseloadView'));

type Dashboard = {
  /** The first load (a page-level spinner or failure page); later loads keep the data on screen. */
  resource: Resource<ClassDashboardView>;
  loading: boolean;
  failure: ApiFailure | null;
};

/** Loads the class view for the filters; `refresh()` asks the LMS for the roster again. */
function useDashboard(filters: DashboardFilters) {
  const [state, setState] = useState<Dashboard>({ resource: { status: 'loading' }, loading: true, failure: null });
  const [request, setRequest] = useState({ attempt: 0, refresh: false });
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, failure: null }));
    activitiesApi
      .dashboard(
        { status: filters.status ?? undefined, activity: filters.activity ?? undefined, sort: filters.sort, refresh: request.refresh },
        { signal: controller.signal },
      )
      .then(
        (data) => setState({ resource: { status: 'ready', data }, loading: false, failure: null }),
        (e: unknown) => {
          if (controller.signal.aborted) return;
          const failure = e instanceof ApiFailure ? e : new ApiFailure('contract', null, null, { cause: e });
          setState((s) => (s.resource.status === 'ready' ? { ...s, loading: false, failure } : { resource: { status: 'failed', failure }, loading: false, failure }));
        },
      );
    return () => controller.abort();
  }, [filters.status, filters.activity, filters.sort, request]);
  const reload = useCallback(() => setRequest((r) => ({ attempt: r.attempt + 1, refresh: false })), []);
  const refresh = useCallback(() => setRequest((r) => ({ attempt: r.attempt + 1, refresh: true })), []);
  const update = useCallback((change: (data: ClassDashboardView) => ClassDashboardView) => {
    setState((s) => (s.resource.status === 'ready' ? { ...s, resource: { status: 'ready', data: change(s.resource.data) } } : s));
  }, []);
  return { ...state, reload, refresh, update };
}

/** Changes one student's cell of one activity. */
function patchCell(
  data: ClassDashboardView,
  userId: string,
  placementId: string,
  patch: Partial<ClassDashboardView['students'][number]['progress'][string]>,
): ClassDashboardView {
  return {
    ...data,
    students: data.students.map((row) => {
      if (row.userId !== userId) return row;
      const cell = row.progress[placementId] ?? { status: 'not_started' as const, sync: 'none' as const, syncError: null, updatedAt: null };
      return { ...row, progress: { ...row.progress, [placementId]: { ...cell, ...patch } } };
    }),
  };
}

/** The class dashboard and a student's read-only plan, by hash route; a counselor also gets a link to the caseload. */
function CourseHome({ caseloadLink }: { caseloadLink: boolean }) {
  const t = useT();
  const hash = useLocationHash();
  const studentId = studentIdFromHash(hash);
  const activityId = activityIdFromHash(hash);
  const [filters, setFilters] = useState<DashboardFilters>(() => ({ status: null, activity: activityId, sort: 'name' }));
  const [placements, setPlacements] = useState<Array<{ id: string; title: string }>>([]);
  const dashboard = useDashboard(filters);

  // A link to a placed activity (`#/activity/<id>`, as a launch from the LMS opens it) filters the dashboard.
  useEffect(() => {
    if (activityId) setFilters((f) => (f.activity === activityId ? f : { ...f, activity: activityId }));
  }, [activityId]);

  // Every placement of the course, for the activity filter (the dashboard may be filtered to one).
  useEffect(() => {
    const controller = new AbortController();
    api.currentCourse({ signal: controller.signal }).then(
      (course) => setPlacements(course.placements.map((p) => ({ id: p.id, title: p.title }))),
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  // Back on the dashboard from a student's plan: its heading takes focus.
  const wasStudent = useRef(false);
  useEffect(() => {
    if (wasStudent.current && !studentId) requestAnimationFrame(() => focusHeading());
    wasStudent.current = studentId !== null;
  }, [studentId]);

  const changeFilters = (next: DashboardFilters) => {
    setFilters(next);
    // Keep the address in step, so a reload shows the same activity (without a history entry per filter).
    const href = next.activity ? activityHref(next.activity) : '#/';
    try {
      window.history.replaceState(window.history.state, '', href);
    } catch {
      // Sandboxed documents may refuse; the filter still applies.
    }
  };
  const onSyncChange: ClassDashboardProps['onSyncChange'] = (userId, placementId, sync) =>
    dashboard.update((data) => patchCell(data, userId, placementId, sync));

  const data = dashboard.resource.status === 'ready' ? dashboard.resource.data : null;
  const options = placements.length > 0 ? placements : (data?.placements ?? []);

  if (studentId) {
    return (
      <Suspense fallback={<LoadingState />}>
        <StudentPlanReview
          key={studentId}
          userId={studentId}
          row={data?.students.find((s) => s.userId === studentId) ?? null}
          placements={data?.placements ?? []}
          backHref={filters.activity ? activityHref(filters.activity) : '#/'}
          onReviewed={(userId, placementId, status) => dashboard.update((d) => patchCell(d, userId, placementId, { status }))}
        />
      </Suspense>
    );
  }
  return (
    <>
      {caseloadLink ? (
        <View as="div" margin="0 0 small 0">
          <Link href={CASELOAD_HREF} isWithinText={false}>
            {t('caseload.link')}
          </Link>
        </View>
      ) : null}
      <ResourceView resource={dashboard.resource} onRetry={dashboard.reload}>
        {(loaded) => (
          <ClassDashboard
            data={loaded}
            allPlacements={options}
            filters={filters}
            onFiltersChange={changeFilters}
            onRefreshRoster={dashboard.refresh}
            loading={dashboard.loading}
            failure={dashboard.failure}
            onSyncChange={onSyncChange}
          />
        )}
      </ResourceView>
    </>
  );
}

/**
 * A counselor (a district admin gave them schools) has the caseload (`#/caseload`, and the start page of a launch
 * without a course) and its students' plans (`#/caseload/student/<id>`) beside the course's class dashboard.
 */
function StaffHome({ session }: RoleHomeProps) {
  const t = useT();
  const hash = useLocationHash();
  const counselor = session.abilities.viewCaseload;
  const caseloadStudent = counselor ? caseloadStudentIdFromHash(hash) : null;
  if (caseloadStudent) {
    return (
      <Suspense fallback={<LoadingState />}>
        <StudentPlanReview
          key={caseloadStudent}
          userId={caseloadStudent}
          row={null}
          placements={[]}
          backHref={CASELOAD_HREF}
          backLabel={t('caseload.back')}
          scope="caseload"
          onReviewed={() => undefined}
        />
      </Suspense>
    );
  }
  if (counselor && (isCaseloadHash(hash) || session.context === null)) {
    return (
      <Suspense fallback={<LoadingState />}>
        <CaseloadView backHref={session.context ? '#/' : null} />
      </Suspense>
    );
  }
  return <CourseHome caseloadLink={counselor} />;
}

/**
 * Teacher home. A deep linking launch (the LMS's activity chooser) shows the activity picker; a course launch
 * shows the class dashboard (`#/`, or `#/activity/<placementId>` filtered to one placed activity) and a student's
 * read-only plan (`#/student/<userId>`).
 */
export function TeacherHome({ session }: RoleHomeProps) {
  if (session.messageType === 'LtiDeepLinkingRequest') {
    return (
      <Suspense fallback={<LoadingState />}>
        <ActivityPicker session={session} />
      </Suspense>
    );
  }
  return <StaffHome session={session} />;
}

export default TeacherHome;
