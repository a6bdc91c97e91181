import { z } from 'zod';
import type { ProviderInstance } from 'ltijs';
import { upsertTenantForRegistration } from '../tenants/tenant.service';
import type { Deployment, Tenant } from '../tenants/tenant.model';

const httpUrl = z.url({ protocol: /^https?$/, message: 'Enter a full http(s) address' });

/** A platform registration entered by hand (CLI, admin API, the manual registration form). */
export const manualRegistrationSchema = z.object({
  name: z.string().trim().min(1, 'Enter the district name').max(120),
  product: z.enum(['canvas', 'moodle', 'schoology', 'other']).default('other'),
  issuer: httpUrl,
  clientId: z.string().trim().min(1, 'Enter the client ID').max(255),
  authEndpoint: httpUrl,
  tokenEndpoint: httpUrl,
  jwksUrl: httpUrl,
  deploymentId: z.string().trim().max(255).optional().transform((v) => v || undefined),
});
export type ManualRegistration = z.infer<typeof manualRegistrationSchema>;

export interface PlatformRegistrationInput {
  name: string;
  product: string;
  issuer: string;
  clientId: string;
  authEndpoint: string;
  tokenEndpoint: string;
  jwksUrl: string;
  /** Audience for client-credentials assertions when it is not the token endpoint (Canvas, some Moodles). */
  authorizationServer?: string;
  deployment?: { deploymentId: string; name: string; source: Deployment['source'] };
}

/** Registers (or updates) a platform in ltijs and the district that goes with it. */
export async function registerPlatform(lti: ProviderInstance, input: PlatformRegistrationInput): Promise<Tenant> {
  await lti.registerPlatform({
    url: input.issuer,
    name: input.name,
    clientId: input.clientId,
    authenticationEndpoint: input.authEndpoint,
    accesstokenEndpoint: input.tokenEndpoint,
    ...(input.authorizationServer ? { authorizationServer: input.authorizationServer } : {}),
    authConfig: { method: 'JWK_SET', key: input.jwksUrl },
  });
  return upsertTenantForRegistration({
    issuer: input.issuer,
    clientId: input.clientId,
    product: input.product,
    name: input.name,
    deployment: input.deployment,
  });
}

export function registerManually(lti: ProviderInstance, input: ManualRegistration): Promise<Tenant> {
  return registerPlatform(lti, {
    ...input,
    deployment: input.deploymentId ? { deploymentId: input.deploymentId, name: 'Default deployment', source: 'manual' } : undefined,
  });
}
