import { z } from 'zod';
import type {
  ActivityView,
  ClassDashboardView,
  DeepLinkFormView,
  DeepLinkSettingsView,
  GradeBand,
  PlacementRemovedView,
  PlacementView,
  ProgressStatus,
  StudentProgressView,
  SyncState,
} from '../../../shared/api/activities';
import type { customActivitySchema } from '../../../shared/api/activities';
import type { AdvisorNote, AdvisorNoteCreate, PlanView } from '../../../shared/api/plan';
import { advisorNoteSchema } from '../../../shared/api/plan';
import { apiRequest } from './client';
import { objectWith } from './shape';

type Opts = { signal?: AbortSignal };
/** Body of POST /api/activities/custom. */
export type CustomActivityInput = z.infer<typeof customActivitySchema>;

/**
 * Views the server presents but shared/api/activities.ts does not declare yet (they live beside the server's
 * presenters: server/activities/activity.presenter.ts, server/courses/review.command.ts,
 * server/grades/grade.routes.ts). Mirrored here field for field; they belong in the shared contract.
 */
export interface ProgressView {
  status: ProgressStatus;
  response: string | null;
  teacherComment: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  updatedAt: string;
}
/** GET /api/activities/placements/:placementId */
export interface PlacementDetailView {
  placement: PlacementView;
  activity: ActivityView;
  progress?: ProgressView;
}
/** POST /api/placements/:placementId/students/:userId/review */
export interface ReviewResultView {
  placementId: string;
  userId: string;
  status: ProgressStatus;
  teacherComment: string | null;
  completedAt: string | null;
  updatedAt: string;
}
/** POST /api/placements/:placementId/students/:userId/retry-sync */
export interface SyncStatusView {
  placementId: string;
  userId: string;
  sync: SyncState;
  syncError: string | null;
  updatedAt: string | null;
}

const settingsSchema = objectWith<DeepLinkSettingsView>('acceptMultiple', 'acceptsLtiResourceLink', 'gradeBand');
const activitySchema = objectWith<ActivityView>('id', 'title', 'suggestedPoints');
const activityListSchema = z.array(objectWith<ActivityView>('id', 'title', 'suggestedPoints'));
const deepLinkFormSchema = z.object({ action: z.string().min(1), fields: z.object({ JWT: z.string().min(1) }) });
const dashboardSchema = objectWith<ClassDashboardView>('context', 'placements', 'students', 'roster');
const planViewSchema = objectWith<PlanView>('sections', 'requirements', 'advisorNotes');
const placementDetailSchema = objectWith<PlacementDetailView>('placement', 'activity');
const progressSchema = objectWith<ProgressView>('status');
const reviewResultSchema = objectWith<ReviewResultView>('placementId', 'userId', 'status');
const syncStatusSchema = objectWith<SyncStatusView>('placementId', 'userId', 'sync');
const studentProgressSchema = objectWith<StudentProgressView>('status', 'response', 'teacherComment');
const placementRemovedSchema = objectWith<PlacementRemovedView>('id', 'removedAt');

export const DASHBOARD_SORTS = ['name', 'lastActivity', 'progress'] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];
/** Query of GET /api/courses/current/dashboard (server/courses/course.validators.ts). */
export type DashboardQuery = { status?: ProgressStatus; sort?: DashboardSort; activity?: string; refresh?: boolean };

const enc = encodeURIComponent;

/** Activities, deep linking, the class dashboard and reviews (shared/api/activities.ts). */
export const activitiesApi = {
  deepLinkSettings: (o: Opts = {}) => apiRequest('GET', '/api/deep-linking/settings', settingsSchema, o),
  activities: (gradeBand: GradeBand | null, o: Opts = {}) =>
    apiRequest('GET', gradeBand ? `/api/activities?gradeBand=${enc(gradeBand)}` : '/api/activities', activityListSchema, o),
  answerDeepLink: (items: Array<{ activityId: string; points: number }>, o: Opts = {}): Promise<DeepLinkFormView> =>
    apiRequest('POST', '/api/deep-linking/response', deepLinkFormSchema, { ...o, body: { items } }),
  dashboard: (query: DashboardQuery, o: Opts = {}) => {
    const params = new URLSearchParams();
    if (query.refresh) params.set('refresh', '1');
    if (query.status) params.set('status', query.status);
    if (query.sort) params.set('sort', query.sort);
    if (query.activity) params.set('activity', query.activity);
    const qs = params.toString();
    return apiRequest('GET', `/api/courses/current/dashboard${qs ? `?${qs}` : ''}`, dashboardSchema, o);
  },
  studentPlan: (userId: string, o: Opts = {}) =>
    apiRequest('GET', `/api/courses/current/students/${enc(userId)}/plan`, planViewSchema, o),
  addNote: (studentId: string, note: AdvisorNoteCreate, o: Opts = {}): Promise<AdvisorNote> =>
    apiRequest('POST', `/api/plans/${enc(studentId)}/notes`, advisorNoteSchema, { ...o, body: note }),
  review: (placementId: string, userId: string, body: { decision: 'approve' | 'request_revision'; comment?: string }, o: Opts = {}) =>
    apiRequest('POST', `/api/placements/${enc(placementId)}/students/${enc(userId)}/review`, reviewResultSchema, { ...o, body }),
  retrySync: (placementId: string, userId: string, o: Opts = {}) =>
    apiRequest('POST', `/api/placements/${enc(placementId)}/students/${enc(userId)}/retry-sync`, syncStatusSchema, o),
  placement: (placementId: string, o: Opts = {}) =>
    apiRequest('GET', `/api/activities/placements/${enc(placementId)}`, placementDetailSchema, o),
  respond: (placementId: string, text: string, o: Opts = {}) =>
    apiRequest('POST', `/api/activities/${enc(placementId)}/response`, progressSchema, { ...o, body: { text } }),
  /** A student's progress and response on a placement (teacher of the course, admin). */
  studentProgress: (placementId: string, userId: string, o: Opts = {}) =>
    apiRequest('GET', `/api/placements/${enc(placementId)}/students/${enc(userId)}/progress`, studentProgressSchema, o),
  /** POST /api/activities/custom (district admin): a new custom ECAP activity. */
  createCustom: (body: CustomActivityInput, o: Opts = {}): Promise<ActivityView> =>
    apiRequest('POST', '/api/activities/custom', activitySchema, { ...o, body }),
  /** Removes a placed activity from ECAP Planner (the LMS link stays in the course). */
  removePlacement: (placementId: string, o: Opts = {}) =>
    apiRequest('DELETE', `/api/placements/${enc(placementId)}`, placementRemovedSchema, o),
};

/** Posts the deep linking answer to the platform: a real form, so the iframe navigates to the LMS's return URL. */
export function postToPlatform(form: DeepLinkFormView, doc: Document = document): void {
  const el = doc.createElement('form');
  el.method = 'post';
  el.action = form.action;
  el.style.display = 'none';
  const input = doc.createElement('input');
  input.type = 'hidden';
  input.name = 'JWT';
  input.value = form.fields.JWT;
  el.appendChild(input);
  doc.body.appendChild(el);
  el.submit();
}
