import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { PlatformSimulator, type ToolRegistration } from '../support/platform-simulator';
import { startTestApp, type TestApp } from '../support/app-harness';
import { registerToolManually } from '../support/lti-flow';
import { TenantModel, type Tenant } from '../../server/tenants/tenant.model';
import { PlacementModel, type Placement } from '../../server/activities/placement.model';
import { UserModel, type User } from '../../server/users/user.model';
import { trustedTenantId, type TenantId } from '../../server/tenants/tenant-id';
import type { DrainOptions } from '../../server/grades/grade-worker';

const uid = () => randomBytes(4).toString('hex');

export interface GradeEnv {
  tool: TestApp;
  sim: PlatformSimulator;
  reg: ToolRegistration;
  tenant: Tenant;
  tenantId: TenantId;
}

/** The app, the platform simulator and the tool registered with it (the district this file's tests use). */
export async function startGradeEnv(): Promise<GradeEnv> {
  const tool = await startTestApp();
  const sim = await PlatformSimulator.start({ product: 'canvas' });
  const reg = await registerToolManually(tool, sim);
  const tenant = await TenantModel.findOne({ issuer: sim.issuer, clientId: reg.clientId }).lean<Tenant>().exec();
  if (!tenant) throw new Error('registration made no tenant');
  return { tool, sim, reg, tenant, tenantId: trustedTenantId(tenant._id) };
}

/** A placement in a fresh course of the env's district; the course's AGS container lives on the simulator. */
export async function createPlacement(env: GradeEnv, overrides: Partial<Placement> = {}): Promise<Placement> {
  const contextId = overrides.contextId ?? `course-${uid()}`;
  const doc = await PlacementModel.create({
    tenantId: env.tenant._id,
    deploymentId: env.reg.deploymentId,
    contextId,
    contextTitle: 'Advisory 9A',
    activityId: 'career-goal',
    title: 'Career Goal',
    points: 10,
    resourceLinkId: null,
    lineItemUrl: null,
    lineItemsUrl: `${env.sim.issuer}/ags/${encodeURIComponent(contextId)}/lineitems`,
    createdBy: new Types.ObjectId(),
    ...overrides,
  });
  return doc.toObject();
}

export async function createStudent(env: GradeEnv, contextId = 'course-1'): Promise<User> {
  const doc = await UserModel.create({
    tenantId: env.tenant._id,
    ltiSubject: `sub-${uid()}`,
    name: `Student ${uid()}`,
    email: null,
    locale: 'en',
    role: 'student',
    ltiRoles: [],
    contexts: [{ contextId, title: 'Advisory 9A', deploymentId: env.reg.deploymentId, role: 'student', lastLaunchAt: new Date() }],
    menteeSubjects: [],
    lastLaunchAt: new Date(),
  });
  return doc.toObject();
}

/** Worker options for tests: tiny backoff, the app's base URL for the User-Agent. */
export function fastWorker(env: GradeEnv, extra: DrainOptions = {}): DrainOptions {
  return { baseUrl: env.tool.baseUrl, concurrency: 4, retry: { baseDelayMs: 5 }, pollMs: 20, ...extra };
}

export async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Scores the simulator received for one student on one line item. */
export function scoresOf(sim: PlatformSimulator, lineItemId: string, sub: string) {
  return sim.scores.filter((s) => s.lineItemId === lineItemId && s.score.userId === sub);
}
