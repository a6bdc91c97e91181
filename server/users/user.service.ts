import { UserModel, type User } from './user.model';
import type { TenantId } from '../tenants/tenant-id';
import type { AppRole, Locale } from '../../shared/roles';
import { isDuplicateKey } from '../db/query-helpers';

export interface LaunchIdentity {
  ltiSubject: string;
  name: string;
  email: string | null;
  locale: Locale;
  role: AppRole;
  ltiRoles: string[];
  menteeSubjects: string[];
  context: { contextId: string; title: string; deploymentId: string } | null;
}

/**
 * Creates or refreshes the user of a verified launch and records the course they came from. A returning user in a
 * known course is one update; a new user or a new course is one upsert that pushes the course. Two first launches
 * racing meet the unique (tenant, subject) index: the loser retries and finds the winner's record.
 */
export async function upsertLaunchUser(tenantId: TenantId, who: LaunchIdentity): Promise<User> {
  const now = new Date();
  const fields = {
    name: who.name,
    email: who.email,
    locale: who.locale,
    role: who.role,
    ltiRoles: who.ltiRoles,
    lastLaunchAt: now,
    ...(who.role === 'parent' ? { menteeSubjects: who.menteeSubjects } : {}),
  };
  const onInsert = who.role === 'parent' ? {} : { menteeSubjects: [] };
  const subject = { tenantId, ltiSubject: who.ltiSubject };
  if (!who.context) {
    const user = await UserModel.findOneAndUpdate(
      subject,
      { $set: fields, $setOnInsert: { contexts: [], ...onInsert } },
      { upsert: true, new: true, lean: true },
    );
    if (!user) throw new Error('upsert returned no document');
    return user;
  }
  const entry = { ...who.context, role: who.role, lastLaunchAt: now };
  for (let attempt = 0; ; attempt += 1) {
    const known = await UserModel.findOneAndUpdate(
      { ...subject, 'contexts.contextId': entry.contextId },
      { $set: { ...fields, 'contexts.$': entry } },
      { new: true, lean: true },
    );
    if (known) return known;
    try {
      const added = await UserModel.findOneAndUpdate(
        { ...subject, 'contexts.contextId': { $ne: entry.contextId } },
        { $set: fields, $push: { contexts: entry }, $setOnInsert: onInsert },
        { upsert: true, new: true, lean: true },
      );
      if (!added) throw new Error('upsert returned no document');
      return added;
    } catch (err) {
      if (!isDuplicateKey(err) || attempt >= 2) throw err;
    }
  }
}

export function findUser(tenantId: TenantId, userId: string): Promise<User | null> {
  return UserModel.findOne({ _id: userId, tenantId }).lean<User>().exec();
}

/** Users who launched from a course with a given role, most recent first. */
export function usersInContext(tenantId: TenantId, contextId: string, role: AppRole): Promise<User[]> {
  return UserModel.find({ tenantId, contexts: { $elemMatch: { contextId, role } } })
    .sort({ name: 1 })
    .lean<User[]>()
    .exec();
}

export function usersBySubjects(tenantId: TenantId, subjects: string[]): Promise<User[]> {
  return UserModel.find({ tenantId, ltiSubject: { $in: subjects } }).lean<User[]>().exec();
}
