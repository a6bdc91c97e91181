import { z } from 'zod';

/**
 * District completion report (DESIGN.md: "% of students with a complete ECAP, by school and grade, year over
 * year; export them"). A student's ECAP for a school year is complete when the annual review was submitted with
 * all four attributes complete (every checklist item of plan-progress.ts), an advisor reviewed it and a parent
 * or guardian signed it.
 */

/** GET /api/tenant/reports/completion query. */
export const completionReportQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();

export interface CompletionCounts {
  /** Students with a plan in that school year (submitted, or still working on it). */
  students: number;
  submitted: number;
  /** Submitted with all four attributes complete. */
  allAttributes: number;
  advisorReviewed: number;
  parentSigned: number;
  complete: number;
}

export interface CompletionRow extends CompletionCounts {
  schoolYear: string;
  /** Deployment id; null for students who launched without one. */
  schoolId: string | null;
  schoolName: string;
  /** null: students who never opened their plan (no grade known). */
  grade: number | null;
}

export interface CompletionReport {
  generatedAt: string;
  currentSchoolYear: string;
  /** Newest first. */
  schoolYears: string[];
  /** One per (year, school, grade) with students; a student of two schools counts in both. */
  rows: CompletionRow[];
  /** District totals per year (each student once), newest first. */
  years: Array<CompletionCounts & { schoolYear: string }>;
}
