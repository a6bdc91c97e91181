import request from 'supertest';
import type { TestApp } from '../support/app-harness';
import type { SignedInUser } from '../support/factories';
import type { PlannedCourse, PlanView, SectionData, SectionKey } from '../../shared/api/plan';

/** GET /api/plans/me as the user. */
export async function myPlan(tool: TestApp, who: SignedInUser): Promise<PlanView> {
  const res = await request(tool.app).get('/api/plans/me').set(...who.auth).expect(200);
  return res.body as PlanView;
}

/** PUT a section; returns the raw supertest response (status not asserted). */
export function putSection<K extends SectionKey>(tool: TestApp, who: SignedInUser, section: K | string, version: number, data: SectionData[K] | unknown) {
  return request(tool.app).put(`/api/plans/me/sections/${section}`).set(...who.auth).send({ version, data });
}

let n = 0;
const nextId = () => `c${++n}`;

export function course(subjectArea: PlannedCourse['subjectArea'], gradeLevel: number, extra: Partial<PlannedCourse> = {}): PlannedCourse {
  return { id: nextId(), name: `${subjectArea} ${gradeLevel}`, subjectArea, credits: 1, gradeLevel, term: 'full_year', status: 'planned', ...extra };
}

/** A four-year (grades 9-12) plan that meets Arizona's 22 credits. */
export function fourYearPlan(): PlannedCourse[] {
  const courses: PlannedCourse[] = [];
  for (const g of [9, 10, 11, 12]) courses.push(course('english', g), course('math', g));
  for (const g of [9, 10, 11]) courses.push(course('science', g), course('social_studies', g));
  courses.push(course('fine_arts', 10));
  for (const g of [9, 10, 11, 12, 12, 11, 12]) courses.push(course('elective', g));
  return courses;
}

/** Valid data for every section, different from the defaults. */
export function validSections(): SectionData {
  return {
    profile: { grade: 9, graduationYear: 2030, careerStage: 'exploration' },
    academic: { courses: fourYearPlan(), postsecondaryGoals: 'Community college, then a nursing degree.', achievements: [{ id: 'a1', title: 'Honor roll', date: '2026-12-15' }] },
    career: {
      interestInventory: { answers: {} },
      skills: { teamwork: 3 },
      workValues: { helping: 4 },
      savedCareers: ['29-1141.00'],
      careerGoal: { title: 'Registered nurse', educationPath: 'Associate degree in nursing', trainingNeeded: 'NCLEX-RN' },
    },
    postsecondary: {
      options: [{ id: 'o1', type: 'two_year', name: 'Mesa Community College', admissionRequirements: 'High school diploma' }],
      applications: [{ id: 'ap1', institution: 'Mesa Community College', type: 'two_year', deadline: '2029-03-01', status: 'researching', checklist: [] }],
      financialPlan: { estimatedAnnualCost: 4000, fafsaStatus: 'in_progress', scholarships: [{ id: 's1', name: 'Promise', amount: 1000, status: 'researching' }], notes: '' },
    },
    extracurricular: {
      activities: [
        { id: 'x1', category: 'community_service', name: 'Food bank', role: 'Volunteer', startDate: '2026-09-01', endDate: '2026-12-01', hours: 20, reflection: 'I like helping.' },
      ],
      credentials: [{ id: 'cr1', name: 'CPR', issuer: 'Red Cross', earnedOn: '2026-10-10' }],
    },
    goals: { shortTerm: [{ id: 'g1', text: 'Pass algebra', status: 'in_progress' }], longTerm: [{ id: 'g2', text: 'Become a nurse', status: 'not_started' }] },
    reflections: { whoAmI: 'Curious', whereAmIGoing: 'Nursing', whatDoINeed: 'Science credits', nextSteps: 'Take biology' },
  };
}
