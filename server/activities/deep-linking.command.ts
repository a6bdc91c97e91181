import { Types } from 'mongoose';
import type { z } from 'zod';
import { findLaunch } from '../lti/launch.service';
import type { Launch } from '../lti/launch.model';
import { LTI_RESOURCE_LINK, signDeepLinkingResponse, type LtiResourceLinkItem } from '../lti/deep-linking';
import { getTenant } from '../tenants/tenant.service';
import { AppError, badRequest, unauthenticated } from '../http/errors';
import type { Actor } from '../session/authenticate';
import { findActivity } from './activity.service';
import { insertPlacements, placementsOfLaunch, removePlacements } from './placement.service';
import type { Placement } from './placement.model';
import type { ActivityView, DeepLinkFormView, DeepLinkSettingsView, GradeBand, deepLinkSelectionSchema } from '../../shared/api/activities';

export type DeepLinkSelection = z.infer<typeof deepLinkSelectionSchema>;
type DeepLinkingLaunch = Launch & { deepLinking: NonNullable<Launch['deepLinking']> };

/** Custom parameters of the placed link: they come back on every launch of it. */
export const CUSTOM_PLACEMENT = 'ecap_placement';
export const CUSTOM_ACTIVITY = 'ecap_activity';

const notDeepLinking = () =>
  new AppError(409, 'not_deep_linking', 'This page opens from your course\'s "add activity" or assignment picker. Open it from there to place activities.');

/** The caller's current launch when it is a deep linking request with settings. */
async function deepLinkingLaunch(actor: Actor): Promise<DeepLinkingLaunch> {
  const launch = await findLaunch(actor.tenantId, actor.launchId);
  if (!launch) throw unauthenticated();
  if (launch.messageType !== 'LtiDeepLinkingRequest' || !launch.deepLinking) throw notDeepLinking();
  return launch as DeepLinkingLaunch;
}

/** A grade band guessed from the course title ("Advisory 9A", "Grade 11 Seminar", "7th Grade AVID"); null if none. */
export function gradeBandFromTitle(title: string | null | undefined): GradeBand | null {
  const m = /(?:^|\D)(1[0-2]|[6-9])(?!\d)/.exec(title ?? '');
  if (!m?.[1]) return null;
  const grade = Number(m[1]);
  return grade <= 8 ? '6-8' : (String(grade) as GradeBand);
}

export async function deepLinkSettings(actor: Actor): Promise<DeepLinkSettingsView> {
  const launch = await deepLinkingLaunch(actor);
  return {
    acceptMultiple: launch.deepLinking.acceptMultiple,
    acceptsLtiResourceLink: launch.deepLinking.acceptTypes.includes(LTI_RESOURCE_LINK),
    gradeBand: gradeBandFromTitle(launch.context?.title),
  };
}

/**
 * Answers the platform's deep linking request with the teacher's selection: checks it against what the platform
 * accepts, records one placement per item in the launch's course, and signs the LtiDeepLinkingResponse the
 * client posts to the deep_link_return_url. One answer per request: a second one is refused (409).
 */
export async function answerDeepLink(actor: Actor, selection: DeepLinkSelection, toolLaunchUrl: (launch: Launch) => string): Promise<DeepLinkFormView> {
  const launch = await deepLinkingLaunch(actor);
  const dl = launch.deepLinking;
  if (!dl.acceptTypes.includes(LTI_RESOURCE_LINK)) {
    throw badRequest(
      `This part of your LMS cannot add ECAP activities: it accepts ${dl.acceptTypes.join(', ') || 'no content types'}, not LTI activity links. ` +
        'Add ECAP Planner as an assignment or module item (Canvas: Assignments or Modules; Moodle: "Add an activity") instead.',
      { items: ['The LMS does not accept LTI activity links here'] },
    );
  }
  if (!dl.acceptMultiple && selection.items.length > 1) {
    throw badRequest('Your LMS accepts one activity at a time here. Choose one activity, or add the others separately.', {
      items: ['Choose only one activity'],
    });
  }
  if (!launch.context) throw badRequest('This launch did not come from a course, so there is nowhere to place activities.');

  const activities: ActivityView[] = [];
  const unknown: Record<string, string[]> = {};
  for (const [i, item] of selection.items.entries()) {
    const activity = await findActivity(actor.tenantId, item.activityId, actor.locale);
    if (activity) activities.push(activity);
    else unknown[`items.${i}.activityId`] = ['No such activity'];
  }
  if (Object.keys(unknown).length) throw badRequest('Some of the chosen activities do not exist.', unknown);
  if ((await placementsOfLaunch(actor.tenantId, launch._id)).length) {
    throw new AppError(409, 'deep_link_answered', 'These activities were already sent to your course. Open the picker again from your course to add more.');
  }

  const placements = await insertPlacements(
    actor.tenantId,
    selection.items.map((item, i) => ({
      deploymentId: launch.deploymentId,
      contextId: launch.context!.id,
      contextTitle: launch.context!.title,
      activityId: item.activityId,
      title: activities[i]!.title,
      points: item.points,
      resourceLinkId: null,
      lineItemUrl: null,
      lineItemsUrl: launch.ags?.lineItems ?? null,
      createdBy: new Types.ObjectId(actor.userId),
      sourceLaunchId: launch._id,
    })),
  );

  try {
    const tenant = await getTenant(actor.tenantId);
    const url = toolLaunchUrl(launch);
    const jwt = await signDeepLinkingResponse({
      issuer: tenant.issuer,
      clientId: tenant.clientId,
      deploymentId: launch.deploymentId,
      data: dl.data,
      contentItems: placements.map((p, i) => contentItem(p, activities[i]!, url)),
    });
    return { action: dl.returnUrl, fields: { JWT: jwt } };
  } catch (err) {
    await removePlacements(actor.tenantId, placements.map((p) => p._id));
    throw err;
  }
}

function contentItem(placement: Placement, activity: ActivityView, url: string): LtiResourceLinkItem {
  const id = String(placement._id);
  return {
    type: LTI_RESOURCE_LINK,
    url,
    title: placement.title,
    text: activity.description.slice(0, 1000),
    custom: { [CUSTOM_PLACEMENT]: id, [CUSTOM_ACTIVITY]: placement.activityId },
    ...(placement.points > 0
      ? { lineItem: { scoreMaximum: placement.points, label: placement.title, resourceId: `ecap:${id}`, tag: placement.activityId } }
      : {}),
  };
}
