import { emitPlanChanged } from './plan-events';
import { Types } from 'mongoose';
import { PlanModel, type Plan, type StoredInterestResult } from './plan.model';
import { PlanSnapshotModel, type PlanSnapshot } from './plan-snapshot.model';
import { defaultSections } from './plan-defaults';
import { impossibleStates } from './section-rules';
import { canReadPlan } from './plan-access';
import { recordPlanAudit } from './plan-audit.service';
import { getRequirementTemplate } from './requirement-template.service';
import { presentAdvisorNote, presentPlanView, presentSection, presentSnapshot, presentSnapshotSummary } from './plan.presenter';
import { getTenant } from '../tenants/tenant.service';
import { findUser } from '../users/user.service';
import type { User } from '../users/user.model';
import type { TenantId } from '../tenants/tenant-id';
import type { Actor } from '../session/authenticate';
import { badRequest, forbidden, notFound } from '../http/errors';
import { parseOr400 } from '../http/validate';
import { scoreInterestInventory } from '../../shared/career/inventory';
import { isDuplicateKey } from '../db/query-helpers';
import {
  SECTION_KEYS,
  SECTION_SCHEMAS,
  type AdvisorNote,
  type AdvisorNoteCreate,
  type CareerSection,
  type PlanSnapshotSummary,
  type PlanSnapshotView,
  type PlanView,
  type ProfileSection,
  type SectionData,
  type SectionKey,
  type VersionedSection,
} from '../../shared/api/plan';

const oid = (id: string | Types.ObjectId) => new Types.ObjectId(id);

// ---------- data access (every function takes the tenant id and filters by it) ----------

export function findPlan(tenantId: TenantId, studentId: string | Types.ObjectId): Promise<Plan | null> {
  return PlanModel.findOne({ tenantId, studentId: oid(studentId) }).lean<Plan>().exec();
}

/** A plan as it is before anything is saved: default sections at version 0. */
export function newPlan(tenantId: TenantId, studentId: string | Types.ObjectId, schoolYear: string): Omit<Plan, '_id' | 'createdAt' | 'updatedAt'> {
  const data = defaultSections(schoolYear);
  return {
    tenantId,
    studentId: oid(studentId),
    schoolYear,
    sections: Object.fromEntries(SECTION_KEYS.map((key) => [key, { version: 0, updatedAt: null, data: data[key] }])) as Plan['sections'],
    interestResult: null,
    advisorNotes: [],
    annualReview: { schoolYear, status: 'open', submittedAt: null },
  };
}

/** The student's plan, created on first use for the district's current school year. */
export async function getOrCreatePlan(tenantId: TenantId, studentId: string | Types.ObjectId): Promise<Plan> {
  const existing = await findPlan(tenantId, studentId);
  if (existing) return existing;
  const tenant = await getTenant(tenantId);
  try {
    return (await PlanModel.create(newPlan(tenantId, studentId, tenant.settings.schoolYear))).toObject();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const raced = await findPlan(tenantId, studentId);
    if (!raced) throw err;
    return raced;
  }
}

// ---------- reading ----------

const isStudent = (user: User) => user.role === 'student' || user.contexts.some((c) => c.role === 'student');

export async function findStudent(tenantId: TenantId, studentId: string): Promise<User> {
  const student = Types.ObjectId.isValid(studentId) ? await findUser(tenantId, studentId) : null;
  if (!student || !isStudent(student)) throw notFound('No such student.');
  return student;
}

/**
 * The whole plan as the API shows it. `readOnly: false` is the student's own view (it creates the plan on first
 * read); `readOnly: true` is someone else's view and never writes (an unsaved plan shows the defaults).
 * Callers check access first (`authorizePlanRead`).
 */
export async function loadPlanView(tenantId: TenantId, studentId: string, opts: { readOnly: boolean }): Promise<PlanView> {
  const student = await findUser(tenantId, studentId);
  if (!student) throw notFound('No such student.');
  const [tenant, template] = await Promise.all([getTenant(tenantId), getRequirementTemplate(tenantId)]);
  const plan = opts.readOnly
    ? ((await findPlan(tenantId, studentId)) ?? newPlan(tenantId, studentId, tenant.settings.schoolYear))
    : await getOrCreatePlan(tenantId, studentId);
  return presentPlanView({ plan, studentName: student.name, districtSchoolYear: tenant.settings.schoolYear, template, readOnly: opts.readOnly });
}

/** 404 unless the student is in the caller's district, 403 unless `canReadPlan` allows the caller. */
export async function authorizePlanRead(actor: Actor, studentId: string): Promise<User> {
  const [student, reader] = await Promise.all([findStudent(actor.tenantId, studentId), findUser(actor.tenantId, actor.userId)]);
  if (!reader) throw forbidden();
  const allowed = canReadPlan(
    {
      tenantId: actor.tenantId,
      userId: actor.userId,
      role: actor.role,
      contexts: reader.contexts,
      menteeSubjects: reader.menteeSubjects,
      caseloadDeploymentIds: reader.caseloadDeploymentIds,
    },
    student,
  );
  if (!allowed) throw forbidden('You can only open the plans of your own students or children.');
  return student;
}

/** Someone else's read-only view of a student's plan, after the access check, recorded in the audit log. */
export async function readPlanAs(actor: Actor, studentId: string): Promise<PlanView> {
  const student = await authorizePlanRead(actor, studentId);
  const view = await loadPlanView(actor.tenantId, String(student._id), { readOnly: true });
  await recordPlanAudit(actor.tenantId, { studentId: student._id, actorId: actor.userId, actorRole: actor.role, action: 'read' });
  return view;
}

// ---------- writing a section ----------

export type SectionWriteResult = { ok: true; section: VersionedSection } | { ok: false; current: VersionedSection };

/** The stored interest result after a career write: null while incomplete; completedAt kept while the code holds. */
function interestResultAfter(career: CareerSection, previous: StoredInterestResult | null): StoredInterestResult | null {
  const scored = scoreInterestInventory(career.interestInventory.answers);
  if (!scored) return null;
  const completedAt = previous && previous.code === scored.code ? previous.completedAt : new Date();
  return { scores: scored.scores, code: scored.code, completedAt };
}

/**
 * Saves one section of the student's own plan if `version` is the stored one (atomically, on the version), after
 * its zod schema and the impossible-state rules accepted the data (400 with fields otherwise). A stale version
 * gets the current section back instead, so the caller can answer 409 and nothing is overwritten.
 */
export async function writeSection(actor: Actor, key: SectionKey, version: number, raw: unknown): Promise<SectionWriteResult> {
  const { tenantId, userId } = actor;
  const data = parseOr400(SECTION_SCHEMAS[key], raw, 'section') as SectionData[SectionKey];
  const plan = await getOrCreatePlan(tenantId, userId);
  const impossible = impossibleStates(key, data, { schoolYear: plan.schoolYear, profile: plan.sections.profile.data as ProfileSection });
  if (impossible) throw badRequest('The section is not valid.', impossible);

  const set: Record<string, unknown> = { [`sections.${key}.data`]: data, [`sections.${key}.updatedAt`]: new Date() };
  if (key === 'career') set.interestResult = interestResultAfter(data as CareerSection, plan.interestResult);
  const updated = await PlanModel.findOneAndUpdate(
    { tenantId, studentId: oid(userId), [`sections.${key}.version`]: version },
    { $set: set, $inc: { [`sections.${key}.version`]: 1 } },
    { new: true, lean: true },
  ).exec();
  if (!updated) {
    const current = await findPlan(tenantId, userId);
    if (!current) throw notFound('No plan.');
    return { ok: false, current: presentSection(current.sections[key]) };
  }
  await recordPlanAudit(tenantId, { studentId: userId, actorId: userId, actorRole: actor.role, action: 'write', section: key });
  await emitPlanChanged({ tenantId, studentId: userId });
  return { ok: true, section: presentSection(updated.sections[key]) };
}

// ---------- advisor notes ----------

/** Adds a staff note to a student's plan; the caller must be allowed to read it and to comment. */
export async function addAdvisorNote(actor: Actor, studentId: string, note: AdvisorNoteCreate): Promise<AdvisorNote> {
  const student = await authorizePlanRead(actor, studentId);
  const author = await findUser(actor.tenantId, actor.userId);
  if (!author) throw forbidden();
  await getOrCreatePlan(actor.tenantId, student._id);
  const stored = {
    _id: new Types.ObjectId(),
    authorId: author._id,
    authorName: author.name,
    authorRole: actor.role,
    text: note.text,
    intervention: note.intervention,
    createdAt: new Date(),
  };
  const updated = await PlanModel.updateOne({ tenantId: actor.tenantId, studentId: student._id }, { $push: { advisorNotes: stored } }).exec();
  if (updated.matchedCount !== 1) throw notFound('No plan.');
  await recordPlanAudit(actor.tenantId, { studentId: student._id, actorId: actor.userId, actorRole: actor.role, action: 'write', section: 'advisorNotes' });
  return presentAdvisorNote(stored);
}

// ---------- snapshots ----------

/** The student's submitted years, newest first, with their sign-offs (`viewerId` marks the viewer's signature). */
export async function listSnapshots(tenantId: TenantId, studentId: string, viewerId?: string): Promise<PlanSnapshotSummary[]> {
  const snapshots = await PlanSnapshotModel.find(
    { tenantId, studentId: oid(studentId) },
    { schoolYear: 1, submittedAt: 1, grade: 1, advisorReview: 1, parentSignatures: 1 },
  )
    .sort({ schoolYear: -1 })
    .lean<PlanSnapshot[]>()
    .exec();
  return snapshots.map((s) => presentSnapshotSummary(s, viewerId));
}

export async function getSnapshot(tenantId: TenantId, studentId: string, schoolYear: string): Promise<PlanSnapshotView> {
  const snapshot = await PlanSnapshotModel.findOne({ tenantId, studentId: oid(studentId), schoolYear }).lean<PlanSnapshot>().exec();
  if (!snapshot) throw notFound(`No annual review was submitted for ${schoolYear}.`);
  return presentSnapshot(snapshot);
}
