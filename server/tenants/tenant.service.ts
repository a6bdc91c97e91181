import { TenantModel, type Deployment, type Tenant } from './tenant.model';
import type { TenantId } from './tenant-id';
import { schoolYearOf } from './school-year';
import { conflict, notFound } from '../http/errors';
import type { TenantSettings, TenantView } from '../../shared/api/session';

const MAX_LMS_ORIGINS = 20;

export interface RegistrationInput {
  issuer: string;
  clientId: string;
  product: string;
  name: string;
  deployment?: { deploymentId: string; name: string; source: Deployment['source'] };
}

/** Creates the district for a registration, or updates it when the platform registers again. */
export async function upsertTenantForRegistration(input: RegistrationInput): Promise<Tenant> {
  const origin = new URL(input.issuer).origin;
  const tenant = await TenantModel.findOneAndUpdate(
    { issuer: input.issuer, clientId: input.clientId },
    {
      $set: { product: input.product },
      // No $addToSet here: mongoose's insert defaults would touch the same paths and conflict.
      $setOnInsert: {
        deployments: [],
        lmsOrigins: [origin],
        'settings.name': input.name,
        'settings.schoolYear': schoolYearOf(),
        // gradeSpan and languages come from the schema defaults (mongoose adds them on insert).
      },
    },
    { upsert: true, new: true, lean: true },
  );
  if (!tenant) throw new Error('upsert returned no document');
  if (input.deployment && !tenant.deployments.some((d) => d.deploymentId === input.deployment?.deploymentId)) {
    return addDeployment(tenant._id as TenantId, input.deployment);
  }
  return tenant;
}

export function findTenantByRegistration(issuer: string, clientId: string): Promise<Tenant | null> {
  return TenantModel.findOne({ issuer, clientId }).lean<Tenant>().exec();
}

export function findTenantsByIssuer(issuer: string): Promise<Tenant[]> {
  return TenantModel.find({ issuer }).lean<Tenant[]>().exec();
}

export async function getTenant(tenantId: TenantId): Promise<Tenant> {
  const tenant = await TenantModel.findById(tenantId).lean<Tenant>().exec();
  if (!tenant) throw notFound('This district is no longer registered.');
  return tenant;
}

export function hasDeployment(tenant: Tenant, deploymentId: string): boolean {
  return tenant.deployments.some((d) => d.deploymentId === deploymentId);
}

export async function addDeployment(
  tenantId: TenantId,
  deployment: { deploymentId: string; name: string; source: Deployment['source'] },
): Promise<Tenant> {
  const updated = await TenantModel.findOneAndUpdate(
    { _id: tenantId, 'deployments.deploymentId': { $ne: deployment.deploymentId } },
    { $push: { deployments: { ...deployment, addedAt: new Date() } } },
    { new: true, lean: true },
  );
  if (!updated) {
    await getTenant(tenantId);
    throw conflict(`Deployment ${deployment.deploymentId} is already registered for this district.`);
  }
  return updated;
}

/**
 * Remembers origins the LMS framed the tool from (seen on verified launches), for the CSP frame-ancestors:
 * Canvas cloud's issuer is canvas.instructure.com while courses live on the district's own domain.
 */
export async function noteLmsOrigins(tenant: Tenant, origins: Array<string | null>): Promise<void> {
  const fresh = [...new Set(origins.filter((o): o is string => !!o && !tenant.lmsOrigins.includes(o)))];
  const room = MAX_LMS_ORIGINS - tenant.lmsOrigins.length;
  if (!fresh.length || room <= 0) return;
  await TenantModel.updateOne({ _id: tenant._id }, { $addToSet: { lmsOrigins: { $each: fresh.slice(0, room) } } }).exec();
}

export async function updateTenantSettings(tenantId: TenantId, settings: TenantSettings): Promise<Tenant> {
  const updated = await TenantModel.findByIdAndUpdate(tenantId, { $set: { settings } }, { new: true, lean: true });
  if (!updated) throw notFound('This district is no longer registered.');
  return updated;
}

export function presentTenant(tenant: Tenant): TenantView {
  return {
    id: String(tenant._id),
    settings: {
      name: tenant.settings.name,
      schoolYear: tenant.settings.schoolYear,
      gradeSpan: { from: tenant.settings.gradeSpan.from, to: tenant.settings.gradeSpan.to },
      languages: [...tenant.settings.languages],
    },
    platform: { issuer: tenant.issuer, clientId: tenant.clientId, product: tenant.product },
    deployments: tenant.deployments.map((d) => ({ deploymentId: d.deploymentId, name: d.name })),
  };
}
