import { z } from 'zod';

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  launchPresentation: `${LTI}launch_presentation`,
  roleScopeMentor: `${LTI}role_scope_mentor`,
  toolPlatform: `${LTI}tool_platform`,
  deepLinking: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
} as const;

/** What the guard reads from the id_token before its signature is checked (routing only, never trusted). */
export const unverifiedHeadSchema = z.object({ alg: z.string(), kid: z.string().optional() });
export const unverifiedPayloadSchema = z.object({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string()).nonempty()]),
  azp: z.string().optional(),
  nonce: z.string().optional(),
  [CLAIM.deploymentId]: z.string().optional(),
  locale: z.string().optional(),
  [CLAIM.launchPresentation]: z.object({ locale: z.string().optional() }).optional(),
});

/** The claims of a verified launch that the tool uses; anything else in the token is ignored. */
export const launchClaimsSchema = z.object({
  iss: z.string(),
  sub: z.string().min(1).max(255),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  email: z.string().optional(),
  locale: z.string().optional(),
  [CLAIM.messageType]: z.enum(['LtiResourceLinkRequest', 'LtiDeepLinkingRequest']),
  [CLAIM.deploymentId]: z.string().min(1),
  [CLAIM.targetLinkUri]: z.string().optional(),
  [CLAIM.roles]: z.array(z.string()),
  [CLAIM.resourceLink]: z.object({ id: z.string(), title: z.string().optional() }).optional(),
  [CLAIM.context]: z.object({ id: z.string(), title: z.string().optional(), label: z.string().optional() }).optional(),
  [CLAIM.custom]: z.record(z.string(), z.unknown()).optional(),
  [CLAIM.launchPresentation]: z
    .object({ locale: z.string().optional(), return_url: z.string().optional(), document_target: z.string().optional() })
    .optional(),
  [CLAIM.roleScopeMentor]: z.array(z.string()).optional(),
  [CLAIM.toolPlatform]: z.object({ product_family_code: z.string().optional(), name: z.string().optional() }).optional(),
  [CLAIM.deepLinking]: z
    .object({
      deep_link_return_url: z.string(),
      accept_types: z.array(z.string()),
      accept_presentation_document_targets: z.array(z.string()).optional(),
      accept_multiple: z.boolean().optional(),
      data: z.string().optional(),
    })
    .optional(),
  [CLAIM.ags]: z
    .object({ lineitems: z.string().optional(), lineitem: z.string().optional(), scope: z.array(z.string()).default([]) })
    .optional(),
  [CLAIM.nrps]: z.object({ context_memberships_url: z.string() }).optional(),
});
export type LaunchClaims = z.infer<typeof launchClaimsSchema>;

/** Decodes a compact JWT's header and payload without verifying it; null when it is not a JWT. */
export function decodeJwtUnverified(token: string): { header: unknown; payload: unknown } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const [header, payload] = parts.slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')));
    return { header, payload };
  } catch {
    return null;
  }
}
