import { PlacementModel, type Placement } from '../activities/placement.model';
import { ActivityProgressModel, type ActivityProgress } from '../activities/progress.model';
import { UserModel, type User } from '../users/user.model';
import { courseRoster, type CourseRoster } from '../roster/roster.service';
import { syncStatesFor, type SyncStatus } from '../grades/grade.service';
import { toolBaseUrlOf, type CourseLaunch } from './current-course';
import { isStudentOf } from './course.policies';
import { badRequest } from '../http/errors';
import type { DashboardQuery, DashboardSort } from './course.validators';
import type { TenantId } from '../tenants/tenant-id';
import type { ClassDashboardView, PlacementView, ProgressStatus } from '../../shared/api/activities';

type StudentRow = ClassDashboardView['students'][number];
type ProgressCell = StudentRow['progress'][string];
type UserLite = Pick<User, '_id' | 'ltiSubject' | 'name' | 'email' | 'contexts'>;

export interface DashboardOptions {
  /** Roster cache age limit (default 10 minutes). */
  rosterMaxAgeMs?: number;
}

/**
 * The class view of the teacher's current course. A fixed number of queries whatever the class size: the
 * roster cache (plus the platform when stale), the placements, the users, the progress rows and the sync
 * states, each one query for the whole class.
 *
 * Students: with an NRPS roster, its active learners (matched to the tool's users by ltiSubject = user_id),
 * plus students who launched from the course after the roster was fetched (newly enrolled); without one (no
 * NRPS claim, or no successful fetch yet), the students who launched from the course.
 */
export async function classDashboard(tenantId: TenantId, launch: CourseLaunch, query: DashboardQuery, opts: DashboardOptions = {}): Promise<ClassDashboardView> {
  const contextId = launch.context.id;
  const [roster, allPlacements] = await Promise.all([
    launch.nrps?.membershipsUrl
      ? courseRoster(
          tenantId,
          { contextId, membershipsUrl: launch.nrps.membershipsUrl, toolBaseUrl: toolBaseUrlOf(launch) },
          { refresh: query.refresh, maxAgeMs: opts.rosterMaxAgeMs },
        )
      : Promise.resolve(null),
    PlacementModel.find({ tenantId, contextId, deletedAt: null }).sort({ createdAt: 1, _id: 1 }).lean<Placement[]>().exec(),
  ]);
  const placements = query.activity ? allPlacements.filter((p) => String(p._id) === query.activity) : allPlacements;
  if (query.activity && placements.length === 0) throw badRequest('The query is not valid.', { activity: ['Not an activity of this course'] });

  const fromNrps = roster !== null && roster.fetchedAt !== null;
  const users = await courseUsers(tenantId, contextId, fromNrps ? roster.members.map((m) => m.ltiSubject) : []);
  const rows = studentRows(contextId, users, fromNrps ? roster : null);

  const placementIds = placements.map((p) => p._id);
  const userIds = rows.flatMap((r) => (r.user ? [r.user._id] : []));
  const ids = (list: Array<{ toHexString(): string }>) => list.map((id) => id.toHexString());
  const [progress, sync] =
    placementIds.length && userIds.length
      ? await Promise.all([
          ActivityProgressModel.find(
            { tenantId, placementId: { $in: placementIds }, userId: { $in: userIds } },
            { placementId: 1, userId: 1, status: 1, updatedAt: 1 },
          )
            .lean<Array<Pick<ActivityProgress, 'placementId' | 'userId' | 'status' | 'updatedAt'>>>()
            .exec(),
          syncStatesFor(tenantId, ids(placementIds), ids(userIds)),
        ])
      : [[], new Map<string, SyncStatus>()];
  const progressByKey = new Map(progress.map((p) => [`${String(p.placementId)}:${String(p.userId)}`, p]));

  const students = rows.map((row) => present(row, contextId, placements, progressByKey, sync));
  const filtered = query.status ? students.filter((s) => Object.values(s.progress).some((c) => c.status === query.status)) : students;

  return {
    context: { id: contextId, title: launch.context.title },
    placements: placements.map(presentPlacement),
    students: sortStudents(filtered, query.sort),
    roster: {
      source: fromNrps ? 'nrps' : 'launches',
      fetchedAt: roster?.fetchedAt?.toISOString() ?? null,
      error: roster?.error ?? null,
    },
  };
}

/** One query: the course's launched students and the users matching the roster's subjects. */
function courseUsers(tenantId: TenantId, contextId: string, subjects: string[]): Promise<UserLite[]> {
  const launched = { contexts: { $elemMatch: { contextId, role: 'student' } } };
  const filter = subjects.length ? { tenantId, $or: [launched, { ltiSubject: { $in: subjects } }] } : { tenantId, ...launched };
  return UserModel.find(filter, { ltiSubject: 1, name: 1, email: 1, contexts: 1 }).lean<UserLite[]>().exec();
}

interface Row {
  ltiSubject: string;
  name: string;
  email: string | null;
  user: UserLite | null;
}

function studentRows(contextId: string, users: UserLite[], roster: CourseRoster | null): Row[] {
  const launchedHere = users.filter((u) => isStudentOf(u, contextId));
  if (!roster) return launchedHere.map((u) => ({ ltiSubject: u.ltiSubject, name: u.name, email: u.email, user: u }));
  const bySubject = new Map(users.map((u) => [u.ltiSubject, u]));
  const rows: Row[] = roster.members.map((m) => ({ ltiSubject: m.ltiSubject, name: m.name, email: m.email ?? bySubject.get(m.ltiSubject)?.email ?? null, user: bySubject.get(m.ltiSubject) ?? null }));
  // Enrolled since the roster was fetched: launched here after it. Launched before and absent: left the course.
  const inRoster = new Set(roster.members.map((m) => m.ltiSubject));
  const fetchedAt = roster.fetchedAt?.getTime() ?? 0;
  for (const u of launchedHere) {
    if (inRoster.has(u.ltiSubject)) continue;
    if ((contextOf(u, contextId)?.lastLaunchAt.getTime() ?? 0) > fetchedAt) rows.push({ ltiSubject: u.ltiSubject, name: u.name, email: u.email, user: u });
  }
  return rows;
}

function contextOf(user: UserLite, contextId: string) {
  return user.contexts.find((c) => c.contextId === contextId && c.role === 'student');
}

function present(
  row: Row,
  contextId: string,
  placements: Placement[],
  progressByKey: Map<string, Pick<ActivityProgress, 'status' | 'updatedAt'>>,
  sync: Map<string, SyncStatus>,
): StudentRow {
  const userId = row.user ? String(row.user._id) : null;
  let last = row.user ? (contextOf(row.user, contextId)?.lastLaunchAt.getTime() ?? 0) : 0;
  const cells: Record<string, ProgressCell> = {};
  for (const p of placements) {
    const key = `${String(p._id)}:${userId}`;
    const rec = userId ? progressByKey.get(key) : undefined;
    const s = userId ? sync.get(key) : undefined;
    if (rec) last = Math.max(last, rec.updatedAt.getTime());
    cells[String(p._id)] = {
      status: rec?.status ?? 'not_started',
      sync: s?.state ?? 'none',
      syncError: s?.error ?? null,
      updatedAt: rec?.updatedAt.toISOString() ?? null,
    };
  }
  return {
    userId,
    ltiSubject: row.ltiSubject,
    name: row.name,
    email: row.email,
    launched: row.user ? contextOf(row.user, contextId) !== undefined : false,
    lastActivityAt: last > 0 ? new Date(last).toISOString() : null,
    progress: cells,
  };
}

function presentPlacement(p: Placement): PlacementView {
  return { id: String(p._id), activityId: p.activityId, title: p.title, points: p.points, contextId: p.contextId, hasLineItem: p.lineItemUrl !== null };
}

/** How far along a student is: completed counts most, then work waiting for the teacher, then work started. */
const WEIGHT: Record<ProgressStatus, number> = { completed: 4, submitted: 3, needs_revision: 2, in_progress: 1, not_started: 0 };
const progressScore = (s: StudentRow) => Object.values(s.progress).reduce((sum, c) => sum + WEIGHT[c.status], 0);
const byName = (a: StudentRow, b: StudentRow) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.ltiSubject.localeCompare(b.ltiSubject);

/** name: A-Z; lastActivity: most recent first, never active last; progress: furthest along first. */
function sortStudents(students: StudentRow[], sort: DashboardSort): StudentRow[] {
  const out = [...students];
  switch (sort) {
    case 'name':
      return out.sort(byName);
    case 'lastActivity': {
      const t = (s: StudentRow) => (s.lastActivityAt ? Date.parse(s.lastActivityAt) : -Infinity);
      return out.sort((a, b) => t(b) - t(a) || byName(a, b));
    }
    case 'progress': {
      const score = new Map(out.map((s) => [s, progressScore(s)]));
      return out.sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || byName(a, b));
    }
  }
}
