import { z } from 'zod';
import { APP_ROLES, LOCALES } from '../roles';

/** GET /api/session: who is signed in through the current launch, and what they may do. */
export const sessionSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    role: z.enum(APP_ROLES),
    locale: z.enum(LOCALES),
  }),
  tenant: z.object({ id: z.string(), name: z.string() }),
  /** The course (LTI context) the launch came from; null for account-level launches. */
  context: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** LTI message the session started from. */
  messageType: z.enum(['LtiResourceLinkRequest', 'LtiDeepLinkingRequest', 'ParentLink']),
  abilities: z.object({
    editOwnPlan: z.boolean(),
    viewCourse: z.boolean(),
    manageTenant: z.boolean(),
    viewMentees: z.boolean(),
    /** A counselor: a district admin gave this teacher or admin a school caseload. */
    viewCaseload: z.boolean(),
  }),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

/** GET /api/plans/me/summary: the student's four ECAP attributes with progress. */
export const ATTRIBUTE_KEYS = ['academic', 'career', 'postsecondary', 'extracurricular'] as const;
export type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];
export const planSummarySchema = z.object({
  schoolYear: z.string(),
  attributes: z.array(
    z.object({ key: z.enum(ATTRIBUTE_KEYS), completed: z.number().int().min(0), total: z.number().int().min(1) }),
  ),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** GET /api/courses/current: the launch course's placements and roster (teacher home). */
export const courseOverviewSchema = z.object({
  context: z.object({ id: z.string(), title: z.string() }),
  placements: z.array(z.object({ id: z.string(), title: z.string(), points: z.number().nullable() })),
  /** Students who launched from this course so far; the full NRPS roster arrives with the class dashboard. */
  roster: z.array(z.object({ id: z.string(), name: z.string(), lastLaunchAt: z.string() })),
});
export type CourseOverview = z.infer<typeof courseOverviewSchema>;

/** GET/PATCH /api/tenant: district settings (admin home). */
export const GRADES = [6, 7, 8, 9, 10, 11, 12] as const;
export const tenantSettingsSchema = z.object({
  name: z.string().trim().min(1).max(120),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'Use the form 2026-2027'),
  gradeSpan: z
    .object({ from: z.number().int().min(6).max(12), to: z.number().int().min(6).max(12) })
    .refine((s) => s.from <= s.to, { message: 'The first grade must not be after the last grade' }),
  languages: z.array(z.enum(LOCALES)).min(1),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;
export const tenantViewSchema = z.object({
  id: z.string(),
  settings: tenantSettingsSchema,
  platform: z.object({ issuer: z.string(), clientId: z.string(), product: z.string() }),
  deployments: z.array(z.object({ deploymentId: z.string(), name: z.string() })),
});
export type TenantView = z.infer<typeof tenantViewSchema>;
export const addDeploymentSchema = z.object({
  deploymentId: z.string().trim().min(1).max(255),
  name: z.string().trim().min(1).max(120),
});

/** GET /api/mentees: a parent's children (from role_scope_mentor). */
export const menteesSchema = z.object({
  mentees: z.array(z.object({ id: z.string().nullable(), ltiSubject: z.string(), name: z.string().nullable() })),
});
export type Mentees = z.infer<typeof menteesSchema>;

/** Error body of every API failure. */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
  referenceId: z.string().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
