import { z } from 'zod';

/** A district's own data (DESIGN.md: "A district can export all its data and delete a student's data on request"). */

/** GET /api/tenant/students?q=: a name (part of it) or the student's LMS user id. */
export const studentSearchQuerySchema = z.object({ q: z.string().trim().min(2, 'Type at least 2 characters').max(120) }).strict();

/** DELETE /api/tenant/students/:studentId body: the student's name typed again, as the confirmation. */
export const studentDeletionSchema = z.object({ confirmName: z.string().trim().min(1, 'Type the student’s name to confirm').max(200) }).strict();
export type StudentDeletion = z.infer<typeof studentDeletionSchema>;

export interface StudentMatch {
  id: string;
  name: string;
  /** The LMS user id (sub). */
  ltiSubject: string;
  courses: string[];
  lastLaunchAt: string | null;
}

/** What a deletion removed, per kind of record. */
export interface StudentDeletionResult {
  studentName: string;
  deleted: Record<string, number>;
}

export interface PrivacyEventView {
  action: 'export' | 'delete_student';
  actorName: string;
  at: string;
  /** For a deletion: the student's name at the time; for an export: null. */
  subjectName: string | null;
  counts: Record<string, number>;
}
