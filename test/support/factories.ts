import { randomBytes } from 'node:crypto';
import { TenantModel, type Tenant } from '../../server/tenants/tenant.model';
import { UserModel, type User } from '../../server/users/user.model';
import { LaunchModel } from '../../server/lti/launch.model';
import { signSession } from '../../server/session/session-token';
import type { AppConfig } from '../../server/config';
import type { AppRole, Locale } from '../../shared/roles';

const uid = () => randomBytes(4).toString('hex');

/** A fresh district per call, so no test depends on another's data. */
export async function createTenant(overrides: Partial<Pick<Tenant, 'issuer' | 'clientId'>> = {}): Promise<Tenant> {
  const doc = await TenantModel.create({
    issuer: overrides.issuer ?? `https://lms-${uid()}.example`,
    clientId: overrides.clientId ?? `client-${uid()}`,
    product: 'canvas',
    deployments: [{ deploymentId: `dep-${uid()}`, name: 'Central High', source: 'manual', addedAt: new Date() }],
    lmsOrigins: [],
    settings: { name: `District ${uid()}`, schoolYear: '2026-2027', gradeSpan: { from: 6, to: 12 }, languages: ['en', 'es'] },
  });
  return doc.toObject();
}

export interface SignedInUser {
  user: User;
  token: string;
  auth: [string, string];
}

/** A user of a role in a tenant, launched from a course, with a session token as after a real launch. */
export async function signIn(
  config: AppConfig,
  tenant: Tenant,
  role: AppRole,
  opts: { contextId?: string | null; locale?: Locale; menteeSubjects?: string[]; name?: string } = {},
): Promise<SignedInUser> {
  const contextId = opts.contextId === undefined ? 'course-1' : opts.contextId;
  const deploymentId = tenant.deployments[0]?.deploymentId ?? 'dep';
  const user = (
    await UserModel.create({
      tenantId: tenant._id,
      ltiSubject: `sub-${uid()}`,
      name: opts.name ?? `${role} ${uid()}`,
      email: null,
      locale: opts.locale ?? 'en',
      role,
      ltiRoles: [],
      contexts: contextId ? [{ contextId, title: 'Advisory 9A', deploymentId, role, lastLaunchAt: new Date() }] : [],
      menteeSubjects: opts.menteeSubjects ?? [],
      lastLaunchAt: new Date(),
    })
  ).toObject();
  const launch = await LaunchModel.create({
    tenantId: tenant._id,
    userId: user._id,
    deploymentId,
    messageType: 'LtiResourceLinkRequest',
    context: contextId ? { id: contextId, title: 'Advisory 9A' } : null,
    resourceLinkId: 'link-1',
    targetLinkUri: `${config.baseUrl}/lti/launch`,
  });
  const token = signSession(
    { uid: String(user._id), tid: String(tenant._id), role, lid: String(launch._id), loc: user.locale },
    config.ltiKey,
    3600,
  );
  return { user, token, auth: ['Authorization', `Bearer ${token}`] };
}
