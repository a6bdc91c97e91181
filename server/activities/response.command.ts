import { conflict, notFound } from '../http/errors';
import type { User } from '../users/user.model';
import type { TenantId } from '../tenants/tenant-id';
import { builtInActivity } from './catalog';
import { findProgress, transitionProgress } from './placement.service';
import { queuePendingManual } from './completion.command';
import { presentProgress, type ProgressView } from './activity.presenter';
import type { Placement } from './placement.model';

/**
 * A student's answer to a custom activity: stored, the activity goes to "submitted" and the gradebook learns it
 * waits for a teacher (PendingManual). Approved work is final (409); an answer while already submitted replaces
 * the text without a second PendingManual.
 */
export async function submitResponse(tenantId: TenantId, placement: Placement, student: User, text: string): Promise<ProgressView> {
  if (builtInActivity(placement.activityId)) {
    throw notFound('This activity is completed in your plan, not with a written response.');
  }
  const now = new Date();
  const moved = await transitionProgress(tenantId, placement._id, student._id, ['not_started', 'in_progress', 'needs_revision'], {
    status: 'submitted',
    response: text,
    submittedAt: now,
  });
  if (moved) {
    await queuePendingManual(tenantId, placement, student, now);
    return presentProgress(moved);
  }
  const resubmitted = await transitionProgress(tenantId, placement._id, student._id, ['submitted'], { response: text, submittedAt: now });
  if (resubmitted) return presentProgress(resubmitted);
  const current = await findProgress(tenantId, placement._id, student._id);
  if (current?.status === 'completed') throw conflict('Your teacher has already approved this activity.');
  throw conflict('Your response could not be saved. Reload the activity and try again.');
}
