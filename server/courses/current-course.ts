import { findLaunch } from '../lti/launch.service';
import { badRequest, unauthenticated } from '../http/errors';
import type { Launch } from '../lti/launch.model';
import type { Actor } from '../session/authenticate';

export type CourseLaunch = Launch & { context: { id: string; title: string } };

/** The launch behind the session, when it came from a course (401 without a launch, 400 outside a course). */
export async function currentCourseLaunch(actor: Actor): Promise<CourseLaunch> {
  const launch = await findLaunch(actor.tenantId, actor.launchId);
  if (!launch) throw unauthenticated();
  if (!launch.context) throw badRequest('This launch did not come from a course.');
  return launch as CourseLaunch;
}

/** The tool's public base URL as the platform launched it (for the User-Agent of service calls). */
export function toolBaseUrlOf(launch: Pick<Launch, 'targetLinkUri'>): string | undefined {
  try {
    return new URL(launch.targetLinkUri).origin;
  } catch {
    return undefined;
  }
}
