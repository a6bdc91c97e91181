import { Types } from 'mongoose';
import { z } from 'zod';
import { PlacementModel } from '../activities/placement.model';
import { UserModel } from '../users/user.model';
import type { TenantId } from '../tenants/tenant-id';
import type { SyncState } from '../../shared/api/activities';
import { nudgeGradeWorker } from './grade-worker';
import { ACTIVITY_PROGRESS, GRADING_PROGRESS, ScoreJobModel, type DesiredScore, type ScoreJob } from './score-job.model';
import { isDuplicateKey } from '../db/query-helpers';

/** The grade outbox's API for the rest of the server: queue a desired score, read sync states, retry. */

const objectId = z.union([z.instanceof(Types.ObjectId), z.string().regex(/^[0-9a-f]{24}$/i, 'must be an ObjectId')]);

const enqueueSchema = z
  .object({
    placementId: objectId,
    userId: objectId,
    ltiSubject: z.string().min(1).optional(),
    activityProgress: z.enum(ACTIVITY_PROGRESS),
    gradingProgress: z.enum(GRADING_PROGRESS),
    scoreGiven: z.number().finite().min(0).optional(),
    scoreMaximum: z.number().finite().positive().optional(),
    comment: z.string().max(2000).optional(),
    timestamp: z.date().optional(),
  })
  .refine((s) => s.scoreGiven === undefined || s.scoreMaximum === undefined || s.scoreGiven <= s.scoreMaximum, {
    message: 'scoreGiven must not exceed scoreMaximum',
    path: ['scoreGiven'],
  });

export interface EnqueueScoreInput {
  tenantId: TenantId;
  placementId: Types.ObjectId | string;
  /** The tool's user id of the student. */
  userId: Types.ObjectId | string;
  /** The student's LTI sub (the AGS userId); looked up from the user when omitted. */
  ltiSubject?: string;
  /** 'Completed' for a finished activity, 'Submitted' while a teacher reviews, 'InProgress' after a revision request. */
  activityProgress: DesiredScore['activityProgress'];
  /** 'FullyGraded' for automatic completion or approval, 'PendingManual' while a teacher must review. */
  gradingProgress: DesiredScore['gradingProgress'];
  /** Points earned; omit to send progress only (e.g. PendingManual). */
  scoreGiven?: number;
  /** Defaults to the placement's points when scoreGiven is set. */
  scoreMaximum?: number;
  /** Shown to the student in the gradebook (e.g. the teacher's "needs revision" comment). */
  comment?: string;
  /** When the score was earned; default now. Later desired scores must carry later timestamps. */
  timestamp?: Date;
}

export type EnqueueResult =
  | { queued: true; jobId: string; revision: number }
  | { queued: false; reason: 'placement_not_found' | 'no_grade_column' | 'user_not_found' };

/**
 * Records the desired score of a student on a placement (latest wins: revision + 1, due now). Durable once
 * this resolves: the worker of any process delivers it, through restarts and platform outages.
 */
export async function enqueueScore(input: EnqueueScoreInput): Promise<EnqueueResult> {
  const parsed = enqueueSchema.safeParse(input);
  if (!parsed.success) throw new Error(`enqueueScore: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const s = parsed.data;
  const tenantId = input.tenantId;
  const placementId = new Types.ObjectId(String(s.placementId));
  const userId = new Types.ObjectId(String(s.userId));
  const placement = await PlacementModel.findOne({ _id: placementId, tenantId }, { points: 1, deletedAt: 1 }).lean().exec();
  if (!placement || placement.deletedAt) return { queued: false, reason: 'placement_not_found' };
  if (placement.points <= 0) return { queued: false, reason: 'no_grade_column' };
  let ltiSubject = s.ltiSubject;
  if (!ltiSubject) {
    const user = await UserModel.findOne({ _id: userId, tenantId }, { ltiSubject: 1 }).lean().exec();
    if (!user) return { queued: false, reason: 'user_not_found' };
    ltiSubject = user.ltiSubject;
  }
  const hasScore = s.scoreGiven !== undefined;
  const scoreMaximum = hasScore ? (s.scoreMaximum ?? placement.points) : null;
  if (hasScore && (s.scoreGiven as number) > (scoreMaximum as number)) throw new Error('enqueueScore: scoreGiven must not exceed scoreMaximum');
  const score: DesiredScore = {
    scoreGiven: hasScore ? (s.scoreGiven as number) : null,
    scoreMaximum,
    activityProgress: s.activityProgress,
    gradingProgress: s.gradingProgress,
    comment: s.comment ?? null,
    timestamp: (s.timestamp ?? new Date()).toISOString(),
  };
  const key = { tenantId, placementId, userId };
  const job = await upsertDesired(key, ltiSubject, score);
  nudgeGradeWorker();
  return { queued: true, jobId: String(job._id), revision: job.revision };
}

/**
 * No transactions: a job not in flight is reset to pending and due now; a job in flight keeps its worker's
 * lease and only gets the new revision (the worker sees it changed and sends it next). An insert race is
 * settled by the unique index.
 */
async function upsertDesired(
  key: { tenantId: TenantId; placementId: Types.ObjectId; userId: Types.ObjectId },
  ltiSubject: string,
  score: DesiredScore,
): Promise<ScoreJob> {
  for (let i = 0; i < 10; i += 1) {
    try {
      const job = await ScoreJobModel.findOneAndUpdate(
        { ...key, state: { $ne: 'in_flight' } },
        {
          $set: { ltiSubject, score, state: 'pending', attempts: 0, throttles: 0, nextAttemptAt: new Date(), lastError: null, lastStatus: null, leaseOwner: null, leaseUntil: null },
          $inc: { revision: 1 },
          $setOnInsert: { syncedRevision: 0, syncedAt: null },
        },
        { upsert: true, new: true },
      )
        .lean<ScoreJob>()
        .exec();
      if (job) return job;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const inFlight = await ScoreJobModel.findOneAndUpdate({ ...key, state: 'in_flight' }, { $set: { ltiSubject, score }, $inc: { revision: 1 } }, { new: true })
      .lean<ScoreJob>()
      .exec();
    if (inFlight) return inFlight;
  }
  throw new Error('enqueueScore: the score job kept changing state');
}

export interface SyncStatus {
  state: SyncState;
  error: string | null;
  updatedAt: Date | null;
}

/** Outbox state as the teacher sees it. A first attempt on the wire is still "pending". */
export function syncStateOf(job: Pick<ScoreJob, 'state' | 'attempts'>): SyncState {
  switch (job.state) {
    case 'synced':
      return 'synced';
    case 'failed':
      return 'failed';
    default:
      return job.attempts > 0 ? 'retrying' : 'pending';
  }
}

function statusOf(job: Pick<ScoreJob, 'state' | 'attempts' | 'lastError' | 'updatedAt' | 'syncedAt'>): SyncStatus {
  const state = syncStateOf(job);
  return {
    state,
    error: state === 'failed' || state === 'retrying' ? job.lastError : null,
    updatedAt: (state === 'synced' ? job.syncedAt : job.updatedAt) ?? null,
  };
}

export const syncKey = (placementId: string, userId: string) => `${placementId}:${userId}`;

/**
 * Sync states keyed `placementId:userId` for every pair asked about ('none' when no score was ever queued).
 * One query for a whole class dashboard.
 */
export async function syncStatesFor(tenantId: TenantId, placementIds: string[], userIds: string[]): Promise<Map<string, SyncStatus>> {
  const out = new Map<string, SyncStatus>();
  const pIds = [...new Set(placementIds)].filter((id) => Types.ObjectId.isValid(id));
  const uIds = [...new Set(userIds)].filter((id) => Types.ObjectId.isValid(id));
  for (const p of placementIds) for (const u of userIds) out.set(syncKey(p, u), { state: 'none', error: null, updatedAt: null });
  if (!pIds.length || !uIds.length) return out;
  const jobs = await ScoreJobModel.find(
    { tenantId, placementId: { $in: pIds.map((id) => new Types.ObjectId(id)) }, userId: { $in: uIds.map((id) => new Types.ObjectId(id)) } },
    { placementId: 1, userId: 1, state: 1, attempts: 1, lastError: 1, updatedAt: 1, syncedAt: 1 },
  )
    .lean()
    .exec();
  for (const job of jobs) out.set(syncKey(String(job.placementId), String(job.userId)), statusOf(job));
  return out;
}

/** One student's sync state on one placement. */
export async function syncStateFor(tenantId: TenantId, placementId: string, userId: string): Promise<SyncStatus> {
  return (await syncStatesFor(tenantId, [placementId], [userId])).get(syncKey(placementId, userId)) as SyncStatus;
}

/**
 * The teacher's "retry": a failed job becomes pending with fresh attempts, due now; a job waiting for its
 * next retry is made due now. Synced or in-flight jobs are left as they are. Null when there is no job.
 */
export async function retrySync(tenantId: TenantId, placementId: Types.ObjectId, userId: Types.ObjectId): Promise<SyncStatus | null> {
  const key = { tenantId, placementId, userId };
  const now = new Date();
  let job = await ScoreJobModel.findOneAndUpdate(
    { ...key, state: 'failed' },
    { $set: { state: 'pending', attempts: 0, throttles: 0, nextAttemptAt: now } },
    { new: true },
  )
    .lean<ScoreJob>()
    .exec();
  job ??= await ScoreJobModel.findOneAndUpdate({ ...key, state: 'pending' }, { $set: { nextAttemptAt: now } }, { new: true })
    .lean<ScoreJob>()
    .exec();
  job ??= await ScoreJobModel.findOne(key).lean<ScoreJob>().exec();
  if (!job) return null;
  nudgeGradeWorker();
  return statusOf(job);
}
