import type { AcademicSection, CareerSection, ExtracurricularSection, PlanView, PostsecondarySection, ProfileSection } from '../../shared/api/plan';
import { ATTRIBUTE_KEYS, type AttributeKey, type PlanSummary } from '../../shared/api/session';

/**
 * What each ECAP attribute asks for (DESIGN.md "The ECAP itself"), as yes/no checks on the plan. The number of
 * items per attribute is fixed (4, 4, 3, 2), so totals never change as a student works:
 *
 * academic        1. the course plan has a course in every grade from the current one through 12
 *                 2. the course plan meets the district's graduation requirements
 *                 3. postsecondary education goals are written
 *                 4. at least one achievement or award is recorded
 * career          1. the interest inventory is complete (a Holland code is stored)
 *                 2. at least one skill is self-rated
 *                 3. at least one work value is rated
 *                 4. a career goal is saved
 * postsecondary   1. an option explored, with its admission requirements written
 *                 2. an application is tracked
 *                 3. the financial plan is started (FAFSA status set, a cost estimated, or a scholarship listed)
 * extracurricular 1. an activity is logged
 *                 2. a credential is earned, or an activity has a reflection
 */
export function attributeItems(view: PlanView): Record<AttributeKey, boolean[]> {
  const profile = view.sections.profile.data as ProfileSection;
  const academic = view.sections.academic.data as AcademicSection;
  const career = view.sections.career.data as CareerSection;
  const post = view.sections.postsecondary.data as PostsecondarySection;
  const extra = view.sections.extracurricular.data as ExtracurricularSection;
  const gradesPlanned = new Set(academic.courses.map((c) => c.gradeLevel));
  const remainingGrades = Array.from({ length: 12 - profile.grade + 1 }, (_, i) => profile.grade + i);
  const finance = post.financialPlan;
  return {
    academic: [
      academic.courses.length > 0 && remainingGrades.every((g) => gradesPlanned.has(g)),
      view.requirements.met,
      academic.postsecondaryGoals.trim().length > 0,
      academic.achievements.length > 0,
    ],
    career: [
      view.interestResult !== null,
      Object.keys(career.skills).length > 0,
      Object.keys(career.workValues).length > 0,
      career.careerGoal !== null,
    ],
    postsecondary: [
      post.options.some((o) => o.admissionRequirements.trim().length > 0),
      post.applications.length > 0,
      finance.fafsaStatus !== 'not_started' || finance.estimatedAnnualCost !== null || finance.scholarships.length > 0,
    ],
    extracurricular: [
      extra.activities.length > 0,
      extra.credentials.length > 0 || extra.activities.some((a) => a.reflection.trim().length > 0),
    ],
  };
}

/** GET /api/plans/me/summary body: per attribute, how many of its items are done. */
export function planSummary(view: PlanView): PlanSummary {
  const items = attributeItems(view);
  return {
    schoolYear: view.schoolYear,
    attributes: ATTRIBUTE_KEYS.map((key) => ({ key, completed: items[key].filter(Boolean).length, total: items[key].length })),
  };
}
