import type { Request, Response } from 'express';
import { CLAIM, launchClaimsSchema, type LaunchClaims } from './claims';
import { LaunchModel } from './launch.model';
import type { GuardedLaunch } from './launch-guard';
import { appRoleFor } from '../users/roles';
import { upsertLaunchUser } from '../users/user.service';
import { noteLmsOrigins } from '../tenants/tenant.service';
import { webOrigin } from './login';
import { trustedTenantId } from '../tenants/tenant-id';
import { signSession } from '../session/session-token';
import { LtiError } from '../http/errors';
import { localeFrom } from '../../shared/roles';
import { afterPlacementLaunch, placementForLaunch } from '../activities/placement-launch.command';
import type { AppConfig } from '../config';

/**
 * A launch ltijs has verified: the user is created or refreshed, the launch recorded, and the
 * browser sent to the app with a session token in the URL fragment (never a cookie).
 */
export async function completeLaunch(req: Request, res: Response, config: AppConfig): Promise<void> {
  const guarded = res.locals.ecap as GuardedLaunch | undefined;
  if (!guarded) throw new LtiError(500, 'launch_unguarded', 'internal', 'launch reached the handler without the guard');
  const parsed = launchClaimsSchema.safeParse(guarded.payload);
  if (!parsed.success) {
    throw new LtiError(400, 'invalid_claims', 'invalid_claims', 'launch claims failed the schema', {
      claims: parsed.error.issues.map((i) => i.path.join('.')).join(', '),
    });
  }
  const claims = parsed.data;
  const tenant = guarded.tenant;
  const tenantId = trustedTenantId(tenant._id);
  const mentees = claims[CLAIM.roleScopeMentor] ?? [];
  const role = appRoleFor(claims[CLAIM.roles], mentees.length);
  if (!role) {
    throw new LtiError(403, 'role_not_supported', 'role_not_supported', 'no supported role', {
      roles: claims[CLAIM.roles].join(' ') || '(none)',
    });
  }
  const presentation = claims[CLAIM.launchPresentation];
  const context = claims[CLAIM.context];
  const deploymentId = claims[CLAIM.deploymentId];
  const user = await upsertLaunchUser(tenantId, {
    ltiSubject: claims.sub,
    name: displayName(claims),
    email: claims.email ?? null,
    locale: localeFrom(claims.locale ?? presentation?.locale),
    role,
    ltiRoles: claims[CLAIM.roles],
    menteeSubjects: role === 'parent' ? mentees : [],
    context: context ? { contextId: context.id, title: context.title ?? context.label ?? context.id, deploymentId } : null,
  });
  const dl = claims[CLAIM.deepLinking];
  const ags = claims[CLAIM.ags];
  const nrps = claims[CLAIM.nrps];
  const custom = customParams(claims);
  // A placed ECAP activity (custom ecap_placement, or a known resource link): unknown/deleted -> placement_missing page.
  const placement =
    claims[CLAIM.messageType] === 'LtiResourceLinkRequest'
      ? await placementForLaunch(
          tenantId,
          {
            deploymentId,
            contextId: context?.id ?? null,
            contextTitle: context ? (context.title ?? context.label ?? context.id) : null,
            resourceLinkId: claims[CLAIM.resourceLink]?.id ?? null,
            custom,
            lineItemUrl: ags?.lineitem ?? null,
            lineItemsUrl: ags?.lineitems ?? null,
          },
          user._id,
        )
      : null;
  const launch = await LaunchModel.create({
    tenantId,
    userId: user._id,
    deploymentId,
    messageType: claims[CLAIM.messageType],
    context: context ? { id: context.id, title: context.title ?? context.label ?? context.id } : null,
    resourceLinkId: claims[CLAIM.resourceLink]?.id ?? null,
    targetLinkUri: claims[CLAIM.targetLinkUri] ?? `${config.baseUrl}/lti/launch`,
    custom,
    deepLinking: dl
      ? { returnUrl: dl.deep_link_return_url, acceptTypes: dl.accept_types, acceptMultiple: dl.accept_multiple ?? false, data: dl.data ?? null }
      : null,
    ags: ags ? { lineItems: ags.lineitems ?? null, lineItem: ags.lineitem ?? null, scopes: ags.scope } : null,
    nrps: nrps ? { membershipsUrl: nrps.context_memberships_url } : null,
  });
  await noteLmsOrigins(tenant, [guarded.frameOrigin, webOrigin(req.get('origin')), webOrigin(presentation?.return_url), webOrigin(claims[CLAIM.deepLinking]?.deep_link_return_url)]);

  if (placement) await afterPlacementLaunch(tenantId, placement, { _id: user._id, role });

  const token = signSession(
    { uid: String(user._id), tid: String(tenantId), role, lid: String(launch._id), loc: user.locale },
    config.ltiKey,
    config.sessionTtlSeconds,
  );
  // The client reads `view` from the fragment: activity:<placementId> opens the placed activity.
  const view = placement ? `&view=activity:${String(placement._id)}` : '';
  res.redirect(303, `/app/?tn=${String(tenantId)}#t=${token}${view}`);
}

/** Custom parameters as strings (platforms may send numbers or booleans for substituted values). */
function customParams(claims: LaunchClaims): Record<string, string> {
  return Object.fromEntries(Object.entries(claims[CLAIM.custom] ?? {}).map(([k, v]) => [k, String(v)]));
}

function displayName(claims: LaunchClaims): string {
  const joined = [claims.given_name, claims.family_name].filter(Boolean).join(' ');
  return claims.name?.trim() || joined || claims.email || `User ${claims.sub.slice(0, 8)}`;
}

