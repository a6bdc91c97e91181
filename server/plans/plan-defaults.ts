import type { SectionData } from '../../shared/api/plan';
import { earliestGraduationYear } from './school-year';

const DEFAULT_GRADE = 9;

/** Sections of a new plan: nothing written yet; the profile starts in grade 9 and the awareness stage. */
export function defaultSections(schoolYear: string): SectionData {
  return {
    profile: { grade: DEFAULT_GRADE, graduationYear: earliestGraduationYear(schoolYear, DEFAULT_GRADE), careerStage: 'awareness' },
    academic: { courses: [], postsecondaryGoals: '', achievements: [] },
    career: { interestInventory: { answers: {} }, skills: {}, workValues: {}, savedCareers: [], careerGoal: null },
    postsecondary: {
      options: [],
      applications: [],
      financialPlan: { estimatedAnnualCost: null, fafsaStatus: 'not_started', scholarships: [], notes: '' },
    },
    extracurricular: { activities: [], credentials: [] },
    goals: { shortTerm: [], longTerm: [] },
    reflections: { whoAmI: '', whereAmIGoing: '', whatDoINeed: '', nextSteps: '' },
  };
}
