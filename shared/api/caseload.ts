import { z } from 'zod';

/**
 * Counselor caseloads (DESIGN.md: a counselor is an Instructor or Administrator "granted a school caseload in the
 * tool", who can do what a teacher can for every student of their schools and runs the annual review cycle).
 */

/** Where a student's annual review for the district's current school year stands. */
export const REVIEW_STAGES = ['not_submitted', 'needs_review', 'needs_signature', 'complete'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export interface CaseloadStudent {
  id: string;
  name: string;
  /** The grade in the student's plan, when the plan exists. */
  grade: number | null;
  /** Names of the caseload's schools the student launched from. */
  schools: string[];
  stage: ReviewStage;
  lastLaunchAt: string | null;
}

/** GET /api/caseload. */
export interface CaseloadView {
  schoolYear: string;
  schools: Array<{ deploymentId: string; name: string }>;
  students: CaseloadStudent[];
}

/** GET /api/tenant/staff?q= (district admins): staff who launched, with their caseload. */
export const staffSearchQuerySchema = z.object({ q: z.string().trim().min(2, 'Type at least 2 characters').max(120) }).strict();

export interface StaffMember {
  id: string;
  name: string;
  email: string | null;
  caseloadDeploymentIds: string[];
}

/** PUT /api/tenant/staff/:userId/caseload body: the schools (deployment ids of the district); empty removes it. */
export const caseloadWriteSchema = z.object({ deploymentIds: z.array(z.string().min(1).max(255)).max(200) }).strict();
export type CaseloadWrite = z.infer<typeof caseloadWriteSchema>;
