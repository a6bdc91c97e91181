import type { ActivityView, CompletionRule, GradeBand } from '../../shared/api/activities';
import type { Locale } from '../../shared/roles';

/** A built-in ECAP activity: what it asks of the student, where in the plan, and when it is complete. */
export interface BuiltInActivity {
  /** Stable key, used in deep links (custom param ecap_activity) and line item tags. */
  id: string;
  text: Record<Locale, { title: string; description: string }>;
  rule: Exclude<CompletionRule, 'custom'>;
  params: { minEntries?: number; minOptions?: number };
  /** Suggested scope and sequence (a district may place any activity in any grade). */
  gradeBands: GradeBand[];
  reviewRequired: boolean;
  suggestedPoints: number;
  /** Client hash route of the plan screen the activity opens in. */
  planSection: 'career' | 'academic' | 'postsecondary' | 'extracurricular' | 'portfolio' | 'review';
}

const ALL_BANDS: GradeBand[] = ['6-8', '9', '10', '11', '12'];

/** The built-in catalog, in scope-and-sequence order. */
export const BUILT_IN_ACTIVITIES: readonly BuiltInActivity[] = [
  {
    id: 'interest-inventory',
    text: {
      en: { title: 'Interest Inventory', description: 'Answer the career interest inventory to find your three-letter Holland code.' },
      es: { title: 'Inventario de intereses', description: 'Responde el inventario de intereses profesionales para conocer tu código Holland de tres letras.' },
    },
    rule: 'interest_inventory',
    params: {},
    gradeBands: ['6-8', '9'],
    reviewRequired: false,
    suggestedPoints: 10,
    planSection: 'career',
  },
  {
    id: 'career-goal',
    text: {
      en: { title: 'Career Goal', description: 'Choose a career goal and describe the education and training it needs.' },
      es: { title: 'Meta profesional', description: 'Elige una meta profesional y describe la educación y la capacitación que requiere.' },
    },
    rule: 'career_goal',
    params: {},
    gradeBands: ['9', '10'],
    reviewRequired: false,
    suggestedPoints: 10,
    planSection: 'career',
  },
  {
    id: 'four-year-plan',
    text: {
      en: { title: 'Four-Year Plan', description: 'Plan your high school courses so they meet the graduation requirements.' },
      es: { title: 'Plan de cuatro años', description: 'Planifica tus cursos de preparatoria para cumplir los requisitos de graduación.' },
    },
    rule: 'four_year_plan',
    params: {},
    gradeBands: ['9'],
    reviewRequired: false,
    suggestedPoints: 20,
    planSection: 'academic',
  },
  {
    id: 'postsecondary-research',
    text: {
      en: { title: 'Postsecondary Research', description: 'Research at least two options after high school and note their admission requirements.' },
      es: { title: 'Investigación postsecundaria', description: 'Investiga al menos dos opciones después de la preparatoria y anota sus requisitos de admisión.' },
    },
    rule: 'postsecondary_research',
    params: { minOptions: 2 },
    gradeBands: ['10', '11'],
    reviewRequired: false,
    suggestedPoints: 15,
    planSection: 'postsecondary',
  },
  {
    id: 'financial-plan',
    text: {
      en: { title: 'Financial Plan', description: 'Estimate what your plan after high school costs and how you will pay for it (FAFSA, scholarships).' },
      es: { title: 'Plan financiero', description: 'Calcula cuánto cuesta tu plan después de la preparatoria y cómo lo pagarás (FAFSA, becas).' },
    },
    rule: 'financial_plan',
    params: {},
    gradeBands: ['11', '12'],
    reviewRequired: false,
    suggestedPoints: 15,
    planSection: 'postsecondary',
  },
  {
    id: 'extracurricular-log',
    text: {
      en: { title: 'Extracurricular Log', description: 'Log at least three activities: clubs, sports, service, work or work-based learning.' },
      es: { title: 'Registro de actividades extracurriculares', description: 'Registra al menos tres actividades: clubes, deportes, servicio, trabajo o aprendizaje basado en el trabajo.' },
    },
    rule: 'extracurricular_log',
    params: { minEntries: 3 },
    gradeBands: ALL_BANDS,
    reviewRequired: false,
    suggestedPoints: 10,
    planSection: 'extracurricular',
  },
  {
    id: 'resume',
    text: {
      en: { title: 'Resume', description: 'Upload your resume to your portfolio.' },
      es: { title: 'Currículum', description: 'Sube tu currículum a tu portafolio.' },
    },
    rule: 'resume',
    params: {},
    gradeBands: ['11', '12'],
    reviewRequired: false,
    suggestedPoints: 15,
    planSection: 'portfolio',
  },
  {
    id: 'annual-review',
    text: {
      en: { title: 'Annual Reflection and Review', description: 'Reflect on this year and submit your plan for review with your teacher or counselor.' },
      es: { title: 'Reflexión y revisión anual', description: 'Reflexiona sobre este año y envía tu plan para que lo revise tu maestro o consejero.' },
    },
    rule: 'annual_review',
    params: {},
    gradeBands: ALL_BANDS,
    reviewRequired: true,
    suggestedPoints: 20,
    planSection: 'review',
  },
];

const byId = new Map(BUILT_IN_ACTIVITIES.map((a) => [a.id, a]));

export function builtInActivity(id: string): BuiltInActivity | undefined {
  return byId.get(id);
}

export function presentBuiltIn(activity: BuiltInActivity, locale: Locale): ActivityView {
  const text = activity.text[locale];
  return {
    id: activity.id,
    custom: false,
    title: text.title,
    description: text.description,
    gradeBands: [...activity.gradeBands],
    rule: activity.rule,
    params: { ...activity.params },
    reviewRequired: activity.reviewRequired,
    suggestedPoints: activity.suggestedPoints,
    planSection: activity.planSection,
  };
}
