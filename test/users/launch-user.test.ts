import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant } from '../support/factories';
import { upsertLaunchUser, type LaunchIdentity } from '../../server/users/user.service';
import { UserModel } from '../../server/users/user.model';
import type { TenantId } from '../../server/tenants/tenant-id';

let tool: TestApp;
let tenantId: TenantId;
beforeAll(async () => {
  tool = await startTestApp();
  tenantId = (await createTenant())._id as TenantId;
});
afterAll(() => tool.close());

const identity = (sub: string, contextId: string | null, name = 'Rosa Diaz'): LaunchIdentity => ({
  ltiSubject: sub,
  name,
  email: `${sub}@school.example`,
  locale: 'en',
  role: 'student',
  ltiRoles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
  menteeSubjects: [],
  context: contextId ? { contextId, title: `Course ${contextId}`, deploymentId: 'dep-1' } : null,
});

describe('the user of a launch', () => {
  it('is created on the first launch, refreshed on the next, and lists each course once', async () => {
    const first = await upsertLaunchUser(tenantId, identity('u1', 'math'));
    expect(first.contexts.map((c) => c.contextId)).toEqual(['math']);
    await upsertLaunchUser(tenantId, identity('u1', 'advisory'));
    const again = await upsertLaunchUser(tenantId, identity('u1', 'math', 'Rosa Díaz'));
    expect(again._id).toEqual(first._id);
    expect(again.name).toBe('Rosa Díaz');
    expect(again.contexts.map((c) => c.contextId)).toEqual(['math', 'advisory']);
    const noCourse = await upsertLaunchUser(tenantId, identity('u1', null));
    expect(noCourse.contexts).toHaveLength(2);
  });

  it('stays one record with every course when first launches from two courses race', async () => {
    await Promise.all([
      upsertLaunchUser(tenantId, identity('u2', 'science')),
      upsertLaunchUser(tenantId, identity('u2', 'history')),
      upsertLaunchUser(tenantId, identity('u2', 'science')),
    ]);
    const users = await UserModel.find({ tenantId, ltiSubject: 'u2' }).lean();
    expect(users).toHaveLength(1);
    expect(users[0]!.contexts.map((c) => c.contextId).sort()).toEqual(['history', 'science']);
  });
});
