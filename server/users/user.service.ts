import { UserModel, type User } from './user.model';
import type { TenantId } from '../tenants/tenant-id';
import type { AppRole, Locale } from '../../shared/roles';

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

/** Creates or refreshes the user of a verified launch, and records the course they came from. */
export async function upsertLaunchUser(tenantId: TenantId, who: LaunchIdentity): Promise<User> {
  const now = new Date();
  const user = await UserModel.findOneAndUpdate(
    { tenantId, ltiSubject: who.ltiSubject },
    {
      $set: {
        name: who.name,
        email: who.email,
        locale: who.locale,
        role: who.role,
        ltiRoles: who.ltiRoles,
        lastLaunchAt: now,
        ...(who.role === 'parent' ? { menteeSubjects: who.menteeSubjects } : {}),
      },
      $setOnInsert: { contexts: [], ...(who.role === 'parent' ? {} : { menteeSubjects: [] }) },
    },
    { upsert: true, new: true, lean: true },
  );
  if (!user) throw new Error('upsert returned no document');
  if (!who.context) return user;
  const entry = { ...who.context, role: who.role, lastLaunchAt: now };
  const updated = await UserModel.findOneAndUpdate(
    { _id: user._id, tenantId, 'contexts.contextId': who.context.contextId },
    { $set: { 'contexts.$': entry } },
    { new: true, lean: true },
  );
  if (updated) return updated;
  const pushed = await UserModel.findOneAndUpdate({ _id: user._id, tenantId }, { $push: { contexts: entry } }, { new: true, lean: true });
  if (!pushed) throw new Error('user vanished while recording its course');
  return pushed;
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
