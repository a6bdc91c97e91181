import { z } from 'zod';
import type { AnnualReviewSignoffs } from './annual-review';

/**
 * The student's ECAP: the contract between server and client. Each section is saved on its own with a version
 * (optimistic concurrency: a stale version gets 409 with the current section).
 */

// ---------- shared pieces ----------
const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);
/** Calendar date as YYYY-MM-DD (a real date). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real date');
export const GRADE_LEVELS = [6, 7, 8, 9, 10, 11, 12] as const;
const gradeLevel = z.number().int().min(6).max(12);

// ---------- profile ----------
export const CAREER_STAGES = ['awareness', 'exploration', 'immersion'] as const;
export const profileSectionSchema = z
  .object({
    grade: gradeLevel,
    graduationYear: z.number().int().min(2000).max(2100),
    careerStage: z.enum(CAREER_STAGES),
  })
  .strict();
export type ProfileSection = z.infer<typeof profileSectionSchema>;

// ---------- academic ----------
export const SUBJECT_AREAS = ['english', 'math', 'science', 'social_studies', 'cte', 'fine_arts', 'world_language', 'physical_education', 'elective'] as const;
export type SubjectArea = (typeof SUBJECT_AREAS)[number];
export const COURSE_STATUSES = ['planned', 'in_progress', 'completed'] as const;
export const TERMS = ['full_year', 'fall', 'spring', 'summer'] as const;
export const plannedCourseSchema = z
  .object({
    id,
    name: text(120).min(1, 'Enter the course name'),
    subjectArea: z.enum(SUBJECT_AREAS),
    credits: z.number().min(0, 'Credits cannot be negative').max(4),
    gradeLevel,
    term: z.enum(TERMS),
    status: z.enum(COURSE_STATUSES),
    /** Letter grade or mark; only for completed courses. */
    gradeEarned: text(8).optional(),
  })
  .strict()
  .refine((c) => c.status === 'completed' || !c.gradeEarned, { message: 'Only a completed course has a grade', path: ['gradeEarned'] });
export const achievementSchema = z
  .object({ id, title: text(160).min(1, 'Enter the achievement'), date: isoDate.optional(), description: text(1000).optional() })
  .strict();
export const academicSectionSchema = z
  .object({
    courses: z.array(plannedCourseSchema).max(120),
    postsecondaryGoals: text(2000),
    achievements: z.array(achievementSchema).max(100),
  })
  .strict();
export type AcademicSection = z.infer<typeof academicSectionSchema>;
export type PlannedCourse = z.infer<typeof plannedCourseSchema>;

/** Advisor notes on progress and interventions: written by staff, read-only for the student. */
export const advisorNoteSchema = z.object({
  id: z.string(),
  authorName: z.string(),
  text: z.string(),
  intervention: z.boolean(),
  createdAt: z.string(),
});
export type AdvisorNote = z.infer<typeof advisorNoteSchema>;

// ---------- graduation requirements ----------
export const requirementTemplateSchema = z
  .object({
    name: text(120).min(1),
    totalCredits: z.number().min(0).max(60),
    /** Minimum credits per subject area; electives count everything left over. */
    areas: z
      .array(z.object({ area: z.enum(SUBJECT_AREAS), credits: z.number().min(0).max(20), alsoCounts: z.array(z.enum(SUBJECT_AREAS)).max(8).default([]) }).strict())
      .max(12),
  })
  .strict();
export type RequirementTemplate = z.infer<typeof requirementTemplateSchema>;
export const requirementCheckSchema = z.object({
  template: z.string(),
  totalRequired: z.number(),
  totalPlanned: z.number(),
  areas: z.array(z.object({ area: z.enum(SUBJECT_AREAS), required: z.number(), planned: z.number(), completed: z.number(), met: z.boolean() })),
  met: z.boolean(),
  /** Plain messages on what is missing, in the server's language-neutral keys + numbers. */
  gaps: z.array(z.object({ area: z.union([z.enum(SUBJECT_AREAS), z.literal('total')]), missingCredits: z.number() })),
});
export type RequirementCheck = z.infer<typeof requirementCheckSchema>;

// ---------- career ----------
export const RIASEC = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
export type RiasecLetter = (typeof RIASEC)[number];
export const interestInventorySchema = z
  .object({
    /** Item id -> 1 (dislike) .. 5 (like). */
    answers: z.record(z.string().max(16), z.number().int().min(1).max(5)),
  })
  .strict();
export const interestResultSchema = z.object({
  scores: z.record(z.enum(RIASEC), z.number()),
  /** Three-letter Holland code, e.g. "SAE". */
  code: z.string().regex(/^[RIASEC]{3}$/),
  completedAt: z.string(),
});
export type InterestResult = z.infer<typeof interestResultSchema>;
export const careerGoalSchema = z
  .object({
    careerCode: z.string().max(16).optional(),
    title: text(160).min(1, 'Enter the career'),
    educationPath: text(2000).min(1, 'Describe the education this career needs'),
    trainingNeeded: text(2000),
    targetYear: z.number().int().min(2000).max(2100).optional(),
  })
  .strict();
export const careerSectionSchema = z
  .object({
    interestInventory: interestInventorySchema,
    /** Skill id -> 1..4 self rating. */
    skills: z.record(z.string().max(32), z.number().int().min(1).max(4)),
    /** Work value id -> 1..4 importance. */
    workValues: z.record(z.string().max(32), z.number().int().min(1).max(4)),
    savedCareers: z.array(z.string().max(16)).max(50),
    careerGoal: careerGoalSchema.nullable(),
  })
  .strict();
export type CareerSection = z.infer<typeof careerSectionSchema>;

// ---------- postsecondary ----------
export const OPTION_TYPES = ['four_year', 'two_year', 'technical', 'apprenticeship', 'military', 'workforce'] as const;
export const APPLICATION_STATUSES = ['researching', 'in_progress', 'submitted', 'accepted', 'waitlisted', 'denied', 'enrolled'] as const;
export const FAFSA_STATUSES = ['not_started', 'in_progress', 'submitted', 'completed', 'not_applicable'] as const;
export const optionSchema = z
  .object({
    id,
    type: z.enum(OPTION_TYPES),
    name: text(160).min(1, 'Enter the school, program or employer'),
    admissionRequirements: text(2000),
    notes: text(2000).optional(),
  })
  .strict();
export const applicationSchema = z
  .object({
    id,
    institution: text(160).min(1, 'Enter the institution'),
    type: z.enum(OPTION_TYPES),
    deadline: isoDate,
    status: z.enum(APPLICATION_STATUSES),
    checklist: z.array(z.object({ id, item: text(200).min(1), done: z.boolean() }).strict()).max(30),
  })
  .strict();
export const scholarshipSchema = z
  .object({
    id,
    name: text(160).min(1, 'Enter the scholarship'),
    amount: z.number().min(0, 'Amount cannot be negative').max(1_000_000),
    deadline: isoDate.optional(),
    status: z.enum(['researching', 'applied', 'awarded', 'denied']),
  })
  .strict();
export const postsecondarySectionSchema = z
  .object({
    options: z.array(optionSchema).max(50),
    applications: z.array(applicationSchema).max(50),
    financialPlan: z
      .object({
        estimatedAnnualCost: z.number().min(0, 'Cost cannot be negative').max(1_000_000).nullable(),
        fafsaStatus: z.enum(FAFSA_STATUSES),
        scholarships: z.array(scholarshipSchema).max(50),
        notes: text(2000),
      })
      .strict(),
  })
  .strict();
export type PostsecondarySection = z.infer<typeof postsecondarySectionSchema>;

// ---------- extracurricular ----------
export const ACTIVITY_CATEGORIES = [
  'club',
  'ctso',
  'leadership',
  'athletics',
  'fine_arts',
  'community_service',
  'work_experience',
  'internship',
  'job_shadow',
  'other',
] as const;
/** Work-based learning: these can carry an employer's assessment. */
export const WORK_BASED = ['work_experience', 'internship', 'job_shadow'] as const;
export const activitySchema = z
  .object({
    id,
    category: z.enum(ACTIVITY_CATEGORIES),
    name: text(160).min(1, 'Enter the activity'),
    role: text(120),
    startDate: isoDate,
    endDate: isoDate.optional(),
    hours: z.number().min(0, 'Hours cannot be negative').max(10_000),
    reflection: text(4000),
    employerAssessment: z
      .object({ employer: text(160).min(1), rating: z.number().int().min(1).max(4), comments: text(2000) })
      .strict()
      .optional(),
  })
  .strict()
  .refine((a) => !a.endDate || a.endDate >= a.startDate, { message: 'The end date is before the start date', path: ['endDate'] })
  .refine((a) => !a.employerAssessment || (WORK_BASED as readonly string[]).includes(a.category), {
    message: 'Only work-based learning has an employer assessment',
    path: ['employerAssessment'],
  });
export const credentialSchema = z
  .object({ id, name: text(160).min(1, 'Enter the credential'), issuer: text(160), earnedOn: isoDate })
  .strict();
export const extracurricularSectionSchema = z
  .object({ activities: z.array(activitySchema).max(200), credentials: z.array(credentialSchema).max(100) })
  .strict();
export type ExtracurricularSection = z.infer<typeof extracurricularSectionSchema>;
export type Activity = z.infer<typeof activitySchema>;

// ---------- goals and reflections ----------
export const GOAL_STATUSES = ['not_started', 'in_progress', 'achieved', 'revised'] as const;
export const goalSchema = z
  .object({ id, text: text(500).min(1, 'Write the goal'), status: z.enum(GOAL_STATUSES), targetDate: isoDate.optional() })
  .strict();
export const goalsSectionSchema = z
  .object({ shortTerm: z.array(goalSchema).max(30), longTerm: z.array(goalSchema).max(30) })
  .strict();
export type GoalsSection = z.infer<typeof goalsSectionSchema>;
export const reflectionsSectionSchema = z
  .object({ whoAmI: text(4000), whereAmIGoing: text(4000), whatDoINeed: text(4000), nextSteps: text(4000) })
  .strict();
export type ReflectionsSection = z.infer<typeof reflectionsSectionSchema>;

// ---------- sections ----------
export const SECTION_SCHEMAS = {
  profile: profileSectionSchema,
  academic: academicSectionSchema,
  career: careerSectionSchema,
  postsecondary: postsecondarySectionSchema,
  extracurricular: extracurricularSectionSchema,
  goals: goalsSectionSchema,
  reflections: reflectionsSectionSchema,
} as const;
export type SectionKey = keyof typeof SECTION_SCHEMAS;
export const SECTION_KEYS = Object.keys(SECTION_SCHEMAS) as SectionKey[];
export type SectionData = { [K in SectionKey]: z.infer<(typeof SECTION_SCHEMAS)[K]> };

/** PUT /api/plans/me/sections/:section body. */
export const sectionWriteSchema = z.object({ version: z.number().int().min(0), data: z.unknown() }).strict();
/** A section as the server returns it. */
export interface VersionedSection<K extends SectionKey = SectionKey> {
  version: number;
  updatedAt: string | null;
  data: SectionData[K];
}
/** 409 body: the section as it is now, so the client can show or merge it. */
export interface SectionConflict<K extends SectionKey = SectionKey> {
  error: 'version_conflict';
  message: string;
  current: VersionedSection<K>;
}

/** GET /api/plans/me and GET /api/plans/:studentId. */
export interface PlanView {
  studentId: string;
  studentName: string;
  schoolYear: string;
  /** true when viewed by someone else than the student (teacher, parent, admin). */
  readOnly: boolean;
  sections: { [K in SectionKey]: VersionedSection<K> };
  interestResult: InterestResult | null;
  advisorNotes: AdvisorNote[];
  requirements: RequirementCheck;
  annualReview: { schoolYear: string; status: 'open' | 'submitted'; submittedAt: string | null };
}

/** POST /api/plans/me/annual-review. */
export const annualReviewSubmitSchema = z.object({ reflection: text(4000).min(1, 'Write your reflection on this year') }).strict();
/** A submitted school year, with who reviewed and signed it (GET /api/plans/me/snapshots and /:studentId/snapshots). */
export interface PlanSnapshotSummary extends AnnualReviewSignoffs {
  schoolYear: string;
  submittedAt: string;
  grade: number;
}

// ---------- portfolio ----------
export const ARTIFACT_TYPES = ['resume', 'certificate', 'work_sample', 'other'] as const;
export const ARTIFACT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  mimeTypes: ['application/pdf', 'image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/plain'],
} as const;
export interface ArtifactView {
  id: string;
  type: (typeof ARTIFACT_TYPES)[number];
  title: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

// ---------- careers ----------
export const EDUCATION_LEVELS = ['high_school', 'certificate', 'associate', 'bachelor', 'master', 'doctoral'] as const;
export const OUTLOOKS = ['bright', 'average', 'below_average'] as const;
export interface CareerView {
  code: string;
  title: string;
  /** Spanish title where the catalog has one. */
  titleEs?: string | null;
  cluster: string;
  pathway: string;
  riasec: string;
  education: (typeof EDUCATION_LEVELS)[number];
  medianWage: number | null;
  outlook: (typeof OUTLOOKS)[number] | null;
  description: string | null;
}
export const careerSearchSchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    cluster: z.string().max(100).optional(),
    education: z.enum(EDUCATION_LEVELS).optional(),
    /** Match against this code (e.g. the student's "SAE"); sorts by fit. */
    match: z.string().regex(/^[RIASEC]{1,3}$/).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export interface CareerSearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: Array<CareerView & { fit: number | null }>;
  clusters: string[];
}

// ---------- additions for the plan API (server/plans) ----------
/** PUT /api/tenant/graduation-requirements body: the template plus the rules a district cannot break. */
export const requirementTemplateWriteSchema = requirementTemplateSchema.superRefine((t, ctx) => {
  const seen = new Set<string>();
  t.areas.forEach((a, i) => {
    if (a.area === 'elective') {
      ctx.addIssue({ code: 'custom', path: ['areas', i, 'area'], message: 'Electives are what is left of the total; do not list them' });
    }
    if (seen.has(a.area)) ctx.addIssue({ code: 'custom', path: ['areas', i, 'area'], message: 'This subject area is listed twice' });
    seen.add(a.area);
  });
  const minimums = t.areas.reduce((sum, a) => sum + a.credits, 0);
  if (minimums > t.totalCredits) {
    ctx.addIssue({ code: 'custom', path: ['totalCredits'], message: 'The total is less than the credits the subject areas require' });
  }
});

/** POST /api/plans/:studentId/notes body: an advisor's note on progress, optionally an intervention. */
export const advisorNoteCreateSchema = z
  .object({ text: z.string().trim().min(1, 'Write the note').max(2000), intervention: z.boolean() })
  .strict();
export type AdvisorNoteCreate = z.infer<typeof advisorNoteCreateSchema>;

/** GET /api/plans/me/snapshots/:schoolYear: a submitted year, read-only. */
export interface PlanSnapshotView {
  schoolYear: string;
  grade: number;
  submittedAt: string;
  reflection: string;
  sections: SectionData;
  interestResult: InterestResult | null;
}
