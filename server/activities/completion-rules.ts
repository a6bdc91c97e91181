import { createHash } from 'node:crypto';
import type { ActivityView, CompletionRule } from '../../shared/api/activities';
import type { ArtifactView, PlanView } from '../../shared/api/plan';

/**
 * Completion rules: pure functions over the student's plan and portfolio. No I/O, no clock; the listener in
 * completion.command.ts turns their answers into progress and grades.
 */
export type RuleParams = ActivityView['params'];

export const DEFAULT_MIN_OPTIONS = 2;
export const DEFAULT_MIN_ENTRIES = 3;

const filled = (s: string | null | undefined) => (s ?? '').trim().length > 0;

/** Postsecondary options that name their admission requirements. */
const researchedOptions = (plan: PlanView) => plan.sections.postsecondary.data.options.filter((o) => filled(o.admissionRequirements));

/** true when the plan meets the activity's rule. `custom` activities are never complete by rule (a teacher reviews). */
export function evaluate(rule: CompletionRule, params: RuleParams, plan: PlanView, artifacts: readonly ArtifactView[]): boolean {
  const s = plan.sections;
  switch (rule) {
    case 'interest_inventory':
      return plan.interestResult !== null;
    case 'career_goal': {
      const goal = s.career.data.careerGoal;
      return goal !== null && filled(goal.title) && filled(goal.educationPath);
    }
    case 'four_year_plan':
      return s.academic.data.courses.length > 0 && plan.requirements.met;
    case 'postsecondary_research':
      return researchedOptions(plan).length >= (params.minOptions ?? DEFAULT_MIN_OPTIONS);
    case 'financial_plan': {
      const f = s.postsecondary.data.financialPlan;
      return (f.estimatedAnnualCost !== null && f.fafsaStatus !== 'not_started') || f.scholarships.length > 0;
    }
    case 'extracurricular_log':
      return s.extracurricular.data.activities.length >= (params.minEntries ?? DEFAULT_MIN_ENTRIES);
    case 'resume':
      return artifacts.some((a) => a.type === 'resume');
    case 'annual_review':
      return plan.annualReview.status === 'submitted';
    case 'custom':
      return false;
  }
}

/** true when the student has begun the part of the plan the rule looks at (progress "in_progress"). */
export function isStarted(rule: CompletionRule, plan: PlanView, artifacts: readonly ArtifactView[]): boolean {
  const s = plan.sections;
  switch (rule) {
    case 'interest_inventory':
      return Object.keys(s.career.data.interestInventory.answers).length > 0;
    case 'career_goal':
      return s.career.data.careerGoal !== null || s.career.data.savedCareers.length > 0;
    case 'four_year_plan':
      return s.academic.data.courses.length > 0;
    case 'postsecondary_research':
      return s.postsecondary.data.options.length > 0;
    case 'financial_plan': {
      const f = s.postsecondary.data.financialPlan;
      return f.estimatedAnnualCost !== null || f.fafsaStatus !== 'not_started' || f.scholarships.length > 0 || filled(f.notes);
    }
    case 'extracurricular_log':
      return s.extracurricular.data.activities.length > 0;
    case 'resume':
      return artifacts.length > 0;
    case 'annual_review':
      return Object.values(s.reflections.data).some((v) => filled(v));
    case 'custom':
      return false;
  }
}

/** The part of the plan a rule reads: a revision counts only when this part changed. */
function relevantPart(rule: CompletionRule, plan: PlanView, artifacts: readonly ArtifactView[]): unknown {
  const s = plan.sections;
  switch (rule) {
    case 'interest_inventory':
      return s.career.data.interestInventory;
    case 'career_goal':
      return s.career.data.careerGoal;
    case 'four_year_plan':
      return s.academic.data.courses;
    case 'postsecondary_research':
      return s.postsecondary.data.options;
    case 'financial_plan':
      return s.postsecondary.data.financialPlan;
    case 'extracurricular_log':
      return s.extracurricular.data.activities;
    case 'resume':
      return artifacts.filter((a) => a.type === 'resume').map((a) => a.id);
    case 'annual_review':
      return { review: plan.annualReview, reflections: s.reflections.data };
    case 'custom':
      return null;
  }
}

/** A stable fingerprint of the part of the plan the rule reads (key order does not matter). */
export function evidenceFingerprint(rule: CompletionRule, plan: PlanView, artifacts: readonly ArtifactView[]): string {
  return createHash('sha256').update(stableJson(relevantPart(rule, plan, artifacts))).digest('base64url');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
