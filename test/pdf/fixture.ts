import type { ArtifactView, PlanSnapshotSummary, PlanView, SectionData, SectionKey, VersionedSection } from '../../shared/api/plan';

const v = <K extends SectionKey>(data: SectionData[K]): VersionedSection<K> => ({ version: 3, updatedAt: '2027-03-01T17:00:00.000Z', data });

/** A plan with every section filled, for a grade 11 student with Spanish accents in her name and writing. */
export function buildPlanView(overrides: Partial<PlanView> = {}): PlanView {
  const courses = [9, 10, 11, 12].flatMap((grade) =>
    (
      [
        ['english', `English ${grade}`],
        ['math', grade === 9 ? 'Algebra I' : grade === 10 ? 'Geometry' : grade === 11 ? 'Algebra II' : 'Pre-Calculus'],
        ['science', grade === 12 ? 'Anatomy' : 'Biology'],
        ['social_studies', grade === 11 ? 'U.S. History' : 'World History'],
        ['cte', 'Digital Design'],
        ['elective', 'Español para hispanohablantes'],
      ] as const
    ).map(([subjectArea, name], i) => ({
      id: `c${grade}-${i}`,
      name,
      subjectArea,
      credits: 1,
      gradeLevel: grade,
      term: 'full_year' as const,
      status: grade < 11 ? ('completed' as const) : grade === 11 ? ('in_progress' as const) : ('planned' as const),
      ...(grade < 11 ? { gradeEarned: i % 2 ? 'A' : 'B+' } : {}),
    })),
  );
  return {
    studentId: 'student-1',
    studentName: 'María José López Núñez',
    schoolYear: '2026-2027',
    readOnly: false,
    sections: {
      profile: v<'profile'>({ grade: 11, graduationYear: 2028, careerStage: 'exploration' }),
      academic: v<'academic'>({
        courses,
        postsecondaryGoals: 'Earn a bachelor’s degree in graphic design at Arizona State University; maybe start at Mesa Community College.',
        achievements: [
          { id: 'a1', title: 'Honor Roll', date: '2026-06-01', description: 'Two semesters in a row.' },
          { id: 'a2', title: 'Premio de arte del distrito', description: '¡Primer lugar en diseño digital!' },
        ],
      }),
      career: v<'career'>({
        interestInventory: { answers: { r1: 2, a1: 5, s1: 4 } },
        skills: { communication: 4, problem_solving: 3, teamwork: 4, technology: 2, creativity: 4, math: 1 },
        workValues: { helping_others: 4, creativity: 4, security: 2, independence: 3 },
        savedCareers: ['27-1024.00', '15-1255.00'],
        careerGoal: {
          careerCode: '27-1024.00',
          title: 'Graphic Designer',
          educationPath: "Bachelor's degree in graphic design; portfolio reviews every year.",
          trainingNeeded: 'Adobe certifications; internship at a design studio.',
          targetYear: 2032,
        },
      }),
      postsecondary: v<'postsecondary'>({
        options: [
          { id: 'o1', type: 'four_year', name: 'Arizona State University', admissionRequirements: '16 core courses, 3.0 GPA', notes: 'Herberger Institute' },
          { id: 'o2', type: 'two_year', name: 'Mesa Community College', admissionRequirements: 'Open admission' },
        ],
        applications: [
          {
            id: 'ap1',
            institution: 'Arizona State University',
            type: 'four_year',
            deadline: '2027-11-01',
            status: 'in_progress',
            checklist: [
              { id: 'k1', item: 'Essay', done: true },
              { id: 'k2', item: 'Transcript', done: false },
            ],
          },
          { id: 'ap2', institution: 'Northern Arizona University', type: 'four_year', deadline: '2027-12-01', status: 'researching', checklist: [] },
        ],
        financialPlan: {
          estimatedAnnualCost: 28500,
          fafsaStatus: 'not_started',
          notes: 'Apply for the Arizona Promise Program.',
          scholarships: [{ id: 's1', name: 'Hispanic Scholarship Fund', amount: 5000, deadline: '2028-02-15', status: 'researching' }],
        },
      }),
      extracurricular: v<'extracurricular'>({
        activities: [
          { id: 'x1', category: 'club', name: 'Art Club', role: 'Treasurer', startDate: '2025-08-15', hours: 60, reflection: 'Aprendí a organizar una exposición.' },
          {
            id: 'x2',
            category: 'internship',
            name: 'Summer internship at Sol Design',
            role: 'Intern',
            startDate: '2026-06-01',
            endDate: '2026-07-31',
            hours: 120,
            reflection: 'I designed flyers for real clients.',
            employerAssessment: { employer: 'Sol Design', rating: 4, comments: 'Reliable and creative.' },
          },
          { id: 'x3', category: 'community_service', name: 'Food bank volunteer', role: 'Volunteer', startDate: '2024-11-01', hours: 25, reflection: '' },
        ],
        credentials: [{ id: 'cr1', name: 'Adobe Certified Professional: Photoshop', issuer: 'Adobe', earnedOn: '2026-05-20' }],
      }),
      goals: v<'goals'>({
        shortTerm: [
          { id: 'g1', text: 'Raise my Algebra II grade to a B', status: 'in_progress', targetDate: '2027-05-15' },
          { id: 'g2', text: 'Finish my portfolio website', status: 'achieved' },
        ],
        longTerm: [{ id: 'g3', text: 'Work as a graphic designer', status: 'not_started', targetDate: '2032-06-01' }],
      }),
      reflections: v<'reflections'>({
        whoAmI: '¿Quién soy? Soy creativa, bilingüe y me gusta ayudar a mi comunidad.',
        whereAmIGoing: 'Toward a career in design.',
        whatDoINeed: 'A strong portfolio, good grades in math, and scholarships.',
        nextSteps: 'Talk to my counselor about AP Art and Design.',
      }),
    },
    interestResult: { scores: { R: 8, I: 12, A: 27, S: 24, E: 19, C: 10 }, code: 'ASE', completedAt: '2026-09-10T15:30:00.000Z' },
    advisorNotes: [],
    requirements: {
      template: 'Arizona (22 credits)',
      totalRequired: 22,
      totalPlanned: 24,
      areas: [
        { area: 'english', required: 4, planned: 4, completed: 2, met: true },
        { area: 'math', required: 4, planned: 4, completed: 2, met: true },
        { area: 'science', required: 3, planned: 4, completed: 2, met: true },
        { area: 'social_studies', required: 3, planned: 4, completed: 2, met: true },
        { area: 'cte', required: 1, planned: 4, completed: 2, met: true },
      ],
      met: true,
      gaps: [],
    },
    annualReview: { schoolYear: '2026-2027', status: 'submitted', submittedAt: '2027-04-20T18:00:00.000Z' },
    ...overrides,
  };
}

/** A plan as a new student has it: nothing filled in. */
export function emptyPlanView(): PlanView {
  return {
    ...buildPlanView(),
    studentName: 'Test Student',
    sections: {
      profile: { version: 0, updatedAt: null, data: { grade: 9, graduationYear: 2030, careerStage: 'awareness' } },
      academic: { version: 0, updatedAt: null, data: { courses: [], postsecondaryGoals: '', achievements: [] } },
      career: { version: 0, updatedAt: null, data: { interestInventory: { answers: {} }, skills: {}, workValues: {}, savedCareers: [], careerGoal: null } },
      postsecondary: {
        version: 0,
        updatedAt: null,
        data: { options: [], applications: [], financialPlan: { estimatedAnnualCost: null, fafsaStatus: 'not_started', scholarships: [], notes: '' } },
      },
      extracurricular: { version: 0, updatedAt: null, data: { activities: [], credentials: [] } },
      goals: { version: 0, updatedAt: null, data: { shortTerm: [], longTerm: [] } },
      reflections: { version: 0, updatedAt: null, data: { whoAmI: '', whereAmIGoing: '', whatDoINeed: '', nextSteps: '' } },
    },
    interestResult: null,
    requirements: { template: 'Arizona (22 credits)', totalRequired: 22, totalPlanned: 0, areas: [], met: false, gaps: [{ area: 'total', missingCredits: 22 }] },
    annualReview: { schoolYear: '2026-2027', status: 'open', submittedAt: null },
  };
}

export const FIXTURE_ARTIFACTS: ArtifactView[] = [
  { id: '65f0c0ffee0000000000000a', type: 'resume', title: 'Currículum 2027', filename: 'curriculum.pdf', contentType: 'application/pdf', size: 182_000, uploadedAt: '2027-02-01T10:00:00.000Z' },
  { id: '65f0c0ffee0000000000000b', type: 'certificate', title: 'Photoshop certificate', filename: 'photoshop.png', contentType: 'image/png', size: 2_400_000, uploadedAt: '2026-05-21T10:00:00.000Z' },
];
export const FIXTURE_CAREER_TITLES: Record<string, string> = { '27-1024.00': 'Graphic Designers', '15-1255.00': 'Web and Digital Interface Designers' };

/** Two submitted years: the newer reviewed and signed, the older reviewed only. */
export const FIXTURE_ANNUAL_REVIEWS: PlanSnapshotSummary[] = [
  {
    schoolYear: '2026-2027',
    grade: 10,
    submittedAt: '2027-04-20T15:00:00Z',
    advisorReview: { reviewerName: 'Ms. Rivera', reviewedAt: '2027-04-21T15:00:00Z', comment: 'Great year' },
    parentSignatures: [{ parentName: 'Ana López', typedName: 'Ana López', signedAt: '2027-04-21T16:00:00Z', mine: false }],
  },
  {
    schoolYear: '2025-2026',
    grade: 9,
    submittedAt: '2026-05-01T15:00:00Z',
    advisorReview: { reviewerName: 'Mr. Okafor', reviewedAt: '2026-05-03T15:00:00Z', comment: '' },
    parentSignatures: [],
  },
];
