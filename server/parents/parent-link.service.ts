import { createHash, randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { ParentLinkModel, type ParentLink } from './parent-link.model';
import { authorizePlanRead } from '../plans/plan.service';
import { findUser } from '../users/user.service';
import { UserModel } from '../users/user.model';
import { LaunchModel } from '../lti/launch.model';
import { signSession } from '../session/session-token';
import { trustedTenantId } from '../tenants/tenant-id';
import { forbidden, notFound } from '../http/errors';
import type { Actor } from '../session/authenticate';
import type { AppConfig } from '../config';
import type { CreatedParentLink, ParentLinkCreate, ParentLinkStatus, ParentLinkView } from '../../shared/api/parent-links';

const DAY_MS = 86_400_000;
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** The tool user a link signs in as: one per link, so each link's signature and audit entries are its own. */
const linkSubject = (linkId: Types.ObjectId) => `parent-link:${String(linkId)}`;

function statusOf(link: ParentLink, now: Date): ParentLinkStatus {
  if (link.revokedAt) return 'revoked';
  return link.expiresAt <= now ? 'expired' : 'active';
}

function present(link: ParentLink, now = new Date()): ParentLinkView {
  return {
    id: String(link._id),
    guardianName: link.guardianName,
    locale: link.locale,
    createdByName: link.createdByName,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    lastUsedAt: link.lastUsedAt?.toISOString() ?? null,
    status: statusOf(link, now),
  };
}

/** A new link for the student's parent; the URL (with the only copy of the secret) is in this answer alone. */
export async function createParentLink(actor: Actor, studentId: string, body: ParentLinkCreate, config: AppConfig): Promise<CreatedParentLink> {
  const student = await authorizePlanRead(actor, studentId);
  const creator = await findUser(actor.tenantId, actor.userId);
  if (!creator) throw forbidden();
  const token = randomBytes(32).toString('base64url');
  const link = await ParentLinkModel.create({
    tenantId: actor.tenantId,
    studentId: student._id,
    tokenHash: hashOf(token),
    guardianName: body.guardianName,
    locale: body.locale,
    createdBy: creator._id,
    createdByName: creator.name,
    expiresAt: new Date(Date.now() + body.expiresInDays * DAY_MS),
  });
  return { ...present(link.toObject()), url: `${config.baseUrl}/parent-link/${token}` };
}

export async function listParentLinks(actor: Actor, studentId: string): Promise<ParentLinkView[]> {
  const student = await authorizePlanRead(actor, studentId);
  const links = await ParentLinkModel.find({ tenantId: actor.tenantId, studentId: student._id }).sort({ createdAt: -1 }).lean<ParentLink[]>().exec();
  const now = new Date();
  return links.map((l) => present(l, now));
}

/**
 * Ends a link at once: it no longer opens, and sessions already opened from it lose the child (the link's user
 * keeps no mentee, and every plan read checks the user record).
 */
export async function revokeParentLink(actor: Actor, studentId: string, linkId: string): Promise<ParentLinkView> {
  const student = await authorizePlanRead(actor, studentId);
  const filter = { _id: new Types.ObjectId(linkId), tenantId: actor.tenantId, studentId: student._id };
  const link = await ParentLinkModel.findOneAndUpdate({ ...filter, revokedAt: null }, { $set: { revokedAt: new Date() } }, { new: true, lean: true }).exec();
  const current = link ?? (await ParentLinkModel.findOne(filter).lean<ParentLink>().exec());
  if (!current) throw notFound('No such link for this student.');
  await UserModel.updateOne({ tenantId: actor.tenantId, ltiSubject: linkSubject(current._id) }, { $set: { menteeSubjects: [] } }).exec();
  return present(current);
}

export type OpenedLink = { ok: true; redirect: string; linkId: string } | { ok: false; reason: 'unknown' | 'ended'; locale: ParentLink['locale'] | null };

/**
 * Opening a link: a session as the link's parent user (role parent, the one child as mentee), no longer than the
 * link lives. Unknown, revoked and expired links open nothing.
 */
export async function openParentLink(token: string, config: AppConfig): Promise<OpenedLink> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: 'unknown', locale: null };
  const link = await ParentLinkModel.findOne({ tokenHash: hashOf(token) }).lean<ParentLink>().exec();
  if (!link) return { ok: false, reason: 'unknown', locale: null };
  const now = new Date();
  const tenantId = trustedTenantId(link.tenantId);
  const student = statusOf(link, now) === 'active' ? await findUser(tenantId, String(link.studentId)) : null;
  if (!student) return { ok: false, reason: 'ended', locale: link.locale };

  const user = await UserModel.findOneAndUpdate(
    { tenantId, ltiSubject: linkSubject(link._id) },
    {
      $set: { name: link.guardianName, email: null, locale: link.locale, role: 'parent', ltiRoles: [], menteeSubjects: [student.ltiSubject], lastLaunchAt: now },
      $setOnInsert: { contexts: [] },
    },
    { upsert: true, new: true, lean: true },
  ).exec();
  if (!user) throw new Error('parent link user was not written');
  const launch = await LaunchModel.create({
    tenantId,
    userId: user._id,
    deploymentId: 'parent-link',
    messageType: 'ParentLink',
    context: null,
    resourceLinkId: null,
    targetLinkUri: `${config.baseUrl}/parent-link`,
  });
  await ParentLinkModel.updateOne({ _id: link._id }, { $set: { lastUsedAt: now }, $inc: { uses: 1 } }).exec();
  const secondsLeft = Math.floor((link.expiresAt.getTime() - now.getTime()) / 1000);
  const session = signSession(
    { uid: String(user._id), tid: String(tenantId), role: 'parent', lid: String(launch._id), loc: link.locale },
    config.ltiKey,
    Math.max(1, Math.min(config.sessionTtlSeconds, secondsLeft)),
  );
  return { ok: true, redirect: `/app/?tn=${String(tenantId)}#t=${session}`, linkId: String(link._id) };
}
