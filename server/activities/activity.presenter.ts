import type { ActivityProgress } from './progress.model';
import type { CustomActivity } from './custom-activity.model';
import type { Placement } from './placement.model';
import type { ActivityView, PlacementView, ProgressStatus } from '../../shared/api/activities';

/** Presenters: responses built field by field from stored documents, never sent raw. */

export function presentCustomActivity(doc: CustomActivity): ActivityView {
  return {
    id: String(doc._id),
    custom: true,
    title: doc.title,
    description: doc.prompt,
    gradeBands: [...doc.gradeBands],
    rule: 'custom',
    params: {},
    reviewRequired: true,
    suggestedPoints: doc.suggestedPoints,
    planSection: 'activity',
    prompt: doc.prompt,
    evidence: doc.evidence,
  };
}

export function presentPlacement(doc: Placement): PlacementView {
  return {
    id: String(doc._id),
    activityId: doc.activityId,
    title: doc.title,
    points: doc.points,
    contextId: doc.contextId,
    hasLineItem: doc.lineItemUrl !== null,
  };
}

/** A student's own progress on a placement. */
export interface ProgressView {
  status: ProgressStatus;
  response: string | null;
  teacherComment: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  updatedAt: string;
}

export function presentProgress(doc: ActivityProgress): ProgressView {
  return {
    status: doc.status,
    response: doc.response,
    teacherComment: doc.teacherComment,
    submittedAt: doc.submittedAt ? new Date(doc.submittedAt).toISOString() : null,
    completedAt: doc.completedAt ? new Date(doc.completedAt).toISOString() : null,
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

/** GET /api/activities/placements/:placementId: the placed activity, and for a student their progress. */
export interface PlacementDetailView {
  placement: PlacementView;
  activity: ActivityView;
  progress?: ProgressView;
}
