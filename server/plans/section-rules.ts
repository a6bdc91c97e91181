import type { AcademicSection, CareerSection, ProfileSection, SectionData, SectionKey } from '../../shared/api/plan';
import { earliestGraduationYear } from './school-year';

/** What the rules need to know of the stored plan. */
export interface PlanFacts {
  schoolYear: string;
  profile: ProfileSection;
}

/**
 * States no schema can catch because they depend on the rest of the plan, and that are impossible, not merely
 * unusual: graduating before finishing grade 12, or having completed a course of a grade not reached yet; and
 * record keys that are not plain ids (they would become field names in MongoDB).
 * Returns field errors keyed like zod's (dotted paths), or null.
 */
/** Keys of the career section's records (item, skill and value ids): plain ids, never `$` operators or dotted paths. */
const SAFE_KEY = /^[A-Za-z0-9_-]+$/;

export function impossibleStates<K extends SectionKey>(key: K, data: SectionData[K], plan: PlanFacts): Record<string, string[]> | null {
  const fields: Record<string, string[]> = {};
  if (key === 'profile') {
    const profile = data as ProfileSection;
    const earliest = earliestGraduationYear(plan.schoolYear, profile.grade);
    if (profile.graduationYear < earliest) {
      fields.graduationYear = [`A student in grade ${profile.grade} in ${plan.schoolYear} graduates in ${earliest} at the earliest`];
    }
  }
  if (key === 'academic') {
    const academic = data as AcademicSection;
    academic.courses.forEach((course, i) => {
      if (course.status === 'completed' && course.gradeLevel > plan.profile.grade) {
        fields[`courses.${i}.status`] = [`A grade ${course.gradeLevel} course cannot be completed before grade ${course.gradeLevel}`];
      }
    });
  }
  if (key === 'career') {
    const career = data as CareerSection;
    const records = { 'interestInventory.answers': career.interestInventory.answers, skills: career.skills, workValues: career.workValues };
    for (const [path, record] of Object.entries(records)) {
      for (const id of Object.keys(record)) {
        if (!SAFE_KEY.test(id)) fields[`${path}.${id}`] = ['Not a valid id'];
      }
    }
  }
  return Object.keys(fields).length ? fields : null;
}
