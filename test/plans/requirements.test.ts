import { ARIZONA_DEFAULT_TEMPLATE, checkRequirements } from '../../server/plans/requirements';
import { requirementTemplateWriteSchema, type RequirementTemplate } from '../../shared/api/plan';
import { course, fourYearPlan } from './support';

const row = (check: ReturnType<typeof checkRequirements>, area: string) => check.areas.find((a) => a.area === area);

describe('checkRequirements with Arizona default', () => {
  it('approves a four-year plan of 22 credits in the right areas', () => {
    const check = checkRequirements(ARIZONA_DEFAULT_TEMPLATE, fourYearPlan());
    expect(check).toMatchObject({ template: 'Arizona graduation requirements', totalRequired: 22, totalPlanned: 22, met: true, gaps: [] });
    expect(row(check, 'cte')).toEqual({ area: 'cte', required: 1, planned: 1, completed: 0, met: true });
    expect(row(check, 'elective')).toEqual({ area: 'elective', required: 7, planned: 7, completed: 0, met: true });
  });

  it('lists what an empty plan misses', () => {
    const check = checkRequirements(ARIZONA_DEFAULT_TEMPLATE, []);
    expect(check.met).toBe(false);
    expect(check.gaps).toEqual([
      { area: 'english', missingCredits: 4 },
      { area: 'math', missingCredits: 4 },
      { area: 'science', missingCredits: 3 },
      { area: 'social_studies', missingCredits: 3 },
      { area: 'cte', missingCredits: 1 },
      { area: 'elective', missingCredits: 7 },
      { area: 'total', missingCredits: 22 },
    ]);
  });

  it('does not let extra credits in one area make up for a missing area', () => {
    const courses = fourYearPlan().filter((c) => c.subjectArea !== 'science');
    courses.push(course('math', 11), course('math', 12), course('math', 12));
    const check = checkRequirements(ARIZONA_DEFAULT_TEMPLATE, courses);
    expect(check.totalPlanned).toBe(22);
    expect(check.met).toBe(false);
    expect(check.gaps).toEqual([{ area: 'science', missingCredits: 3 }]);
    expect(row(check, 'math')?.planned).toBe(7);
    expect(row(check, 'elective')?.planned).toBe(10);
  });

  it('counts fine arts toward CTE once, and the rest of it as electives', () => {
    const courses = fourYearPlan().filter((c) => c.subjectArea !== 'fine_arts' && c.subjectArea !== 'elective');
    courses.push(course('fine_arts', 9), course('fine_arts', 10, { credits: 0.5 }));
    const check = checkRequirements(ARIZONA_DEFAULT_TEMPLATE, courses);
    expect(row(check, 'cte')?.planned).toBe(1);
    expect(row(check, 'elective')?.planned).toBe(0.5);
    expect(check.gaps).toEqual([
      { area: 'elective', missingCredits: 6.5 },
      { area: 'total', missingCredits: 6.5 },
    ]);
  });

  it('counts planned, in-progress and completed as planned, and completed on its own', () => {
    const courses = [course('english', 9, { status: 'completed', gradeEarned: 'A' }), course('english', 10, { status: 'in_progress' }), course('english', 11), course('math', 9, { status: 'completed', credits: 0.5 })];
    const check = checkRequirements(ARIZONA_DEFAULT_TEMPLATE, courses);
    expect(row(check, 'english')).toMatchObject({ planned: 3, completed: 1, met: false });
    expect(row(check, 'math')).toMatchObject({ planned: 0.5, completed: 0.5 });
    expect(check.totalPlanned).toBe(3.5);
  });

  it('follows an edited template', () => {
    const template: RequirementTemplate = { name: 'Small', totalCredits: 3, areas: [{ area: 'math', credits: 1, alsoCounts: [] }] };
    expect(checkRequirements(template, [course('math', 9), course('cte', 9), course('elective', 9)]).met).toBe(true);
    expect(checkRequirements(template, [course('cte', 9), course('cte', 9), course('elective', 9)]).gaps).toEqual([{ area: 'math', missingCredits: 1 }]);
  });
});

describe('requirementTemplateWriteSchema', () => {
  it('accepts the Arizona default', () => {
    expect(requirementTemplateWriteSchema.safeParse(ARIZONA_DEFAULT_TEMPLATE).success).toBe(true);
  });

  it('refuses duplicate areas, a listed elective area and minimums above the total', () => {
    const result = requirementTemplateWriteSchema.safeParse({
      name: 'Bad',
      totalCredits: 5,
      areas: [
        { area: 'math', credits: 4 },
        { area: 'math', credits: 1 },
        { area: 'elective', credits: 1 },
      ],
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['areas.1.area', 'areas.2.area', 'totalCredits']);
  });
});
