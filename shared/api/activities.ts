import { z } from 'zod';

/**
 * ECAP activities teachers place in courses (Deep Linking), their completion by students and the grade that
 * goes back to the LMS (AGS). The contract between server and client.
 */

/** A district's scope and sequence: which grades an activity suits. */
export const GRADE_BANDS = ['6-8', '9', '10', '11', '12'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

/** How the tool decides an activity is complete, from the student's plan. */
export const COMPLETION_RULES = [
  'interest_inventory', // interest inventory scored
  'career_goal', // a career goal with its education path saved
  'four_year_plan', // course plan passes the requirements check
  'postsecondary_research', // >= params.minOptions options, each with admission requirements
  'financial_plan', // estimated cost set and FAFSA status other than not_started, or a scholarship
  'extracurricular_log', // >= params.minEntries activities logged
  'resume', // a resume artifact in the portfolio
  'annual_review', // this year's annual review submitted
  'custom', // the student submits a response to the prompt; a teacher reviews it
] as const;
export type CompletionRule = (typeof COMPLETION_RULES)[number];

export interface ActivityView {
  /** Built-in key (e.g. "interest-inventory") or a custom activity's id. */
  id: string;
  custom: boolean;
  title: string;
  description: string;
  gradeBands: GradeBand[];
  rule: CompletionRule;
  params: { minEntries?: number; minOptions?: number };
  /** Teacher approval needed before FullyGraded (PendingManual until then). */
  reviewRequired: boolean;
  suggestedPoints: number;
  /** Plan screen the activity opens in (client hash route), e.g. "career". */
  planSection: string;
  /** Custom activities: the prompt and the evidence required. */
  prompt?: string;
  evidence?: string;
}

/** GET /api/activities?gradeBand= */
export const activityListQuerySchema = z.object({ gradeBand: z.enum(GRADE_BANDS).optional() }).strict();

/** POST /api/activities/custom (district admin). */
export const customActivitySchema = z
  .object({
    title: z.string().trim().min(1, 'Enter a title').max(120),
    prompt: z.string().trim().min(1, 'Write the prompt students answer').max(4000),
    evidence: z.string().trim().min(1, 'Say what evidence is required').max(1000),
    gradeBands: z.array(z.enum(GRADE_BANDS)).min(1, 'Choose at least one grade band'),
    suggestedPoints: z.number().min(0).max(1000),
  })
  .strict();

/** POST /api/deep-linking/response: the teacher's selection from the picker. */
export const deepLinkSelectionSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            activityId: z.string().min(1).max(64),
            /** Points for the gradebook column; 0 means no grade column. */
            points: z.number().min(0, 'Points cannot be negative').max(1000, 'At most 1000 points'),
          })
          .strict(),
      )
      .min(1, 'Choose at least one activity')
      .max(20),
  })
  .strict();
/** Answer: the form the client posts to the platform's deep_link_return_url. */
export interface DeepLinkFormView {
  action: string;
  fields: { JWT: string };
}
/** GET /api/deep-linking/settings: what the platform accepts for this deep linking launch. */
export interface DeepLinkSettingsView {
  acceptMultiple: boolean;
  acceptsLtiResourceLink: boolean;
  /** Suggested grade band from the course, if known. */
  gradeBand: GradeBand | null;
}

/** Progress of one student on one placed activity. */
export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'submitted', 'needs_revision', 'completed'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
/** Grade sync state of one student's score on one placement. */
export const SYNC_STATES = ['none', 'pending', 'synced', 'retrying', 'failed'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export interface PlacementView {
  id: string;
  activityId: string;
  title: string;
  points: number;
  contextId: string;
  hasLineItem: boolean;
}

/** GET /api/courses/current/dashboard: the class view. */
export interface ClassDashboardView {
  context: { id: string; title: string };
  placements: PlacementView[];
  students: Array<{
    /** The tool's user id when the student has launched, else null. */
    userId: string | null;
    ltiSubject: string;
    name: string;
    email: string | null;
    launched: boolean;
    lastActivityAt: string | null;
    progress: Record<string, { status: ProgressStatus; sync: SyncState; syncError: string | null; updatedAt: string | null }>;
  }>;
  roster: { source: 'nrps' | 'launches'; fetchedAt: string | null; error: string | null };
}

/** POST /api/placements/:placementId/students/:userId/review (teacher). */
export const reviewDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'request_revision']),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((d) => d.decision === 'approve' || (d.comment ?? '').length > 0, { message: 'Say what needs revision', path: ['comment'] });

/** POST /api/activities/:placementId/response (student, custom activities): the student's answer. */
export const activityResponseSchema = z.object({ text: z.string().trim().min(1, 'Write your response').max(8000) }).strict();

/**
 * GET /api/placements/:placementId/students/:userId/progress (teacher of the placement's course, or an admin of
 * its district): one student's progress on a placed activity, with what they submitted, for the review.
 * A student who never opened the activity is `not_started` with nulls (`updatedAt` null: no progress yet).
 */
export interface StudentProgressView {
  status: ProgressStatus;
  /** Custom activities: the student's response (null for built-in activities, whose evidence is the plan). */
  response: string | null;
  /** The teacher's comment with the last approve / request revision. */
  teacherComment: string | null;
  submittedAt: string | null;
  completedAt: string | null;
  updatedAt: string | null;
}

/**
 * DELETE /api/placements/:placementId (teacher of the course, or an admin of its district): the placement is
 * removed from ECAP Planner (soft delete; progress and grade jobs are kept). The LMS link stays in the course.
 */
export interface PlacementRemovedView {
  id: string;
  title: string;
  removedAt: string;
}
