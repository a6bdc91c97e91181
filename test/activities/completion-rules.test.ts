import { evaluate, evidenceFingerprint, isStarted } from '../../server/activities/completion-rules';
import { BUILT_IN_ACTIVITIES, builtInActivity, presentBuiltIn } from '../../server/activities/catalog';
import { gradeBandFromTitle } from '../../server/activities/deep-linking.command';
import { canActivity, type ActivityActor } from '../../server/activities/activity.policies';
import { defaultSections } from '../../server/plans/plan-defaults';
import { ARIZONA_DEFAULT_TEMPLATE, checkRequirements } from '../../server/plans/requirements';
import { INTEREST_ITEMS } from '../../shared/career/inventory';
import { SECTION_KEYS, type ArtifactView, type PlanView, type SectionData } from '../../shared/api/plan';
import { fourYearPlan } from '../plans/support';
import { Types } from 'mongoose';

function plan(change: (s: SectionData) => void = () => undefined, extra: Partial<PlanView> = {}): PlanView {
  const data = defaultSections('2026-2027');
  change(data);
  return {
    studentId: 's1',
    studentName: 'Ana',
    schoolYear: '2026-2027',
    readOnly: true,
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, { version: 1, updatedAt: null, data: data[k] }])) as PlanView['sections'],
    interestResult: null,
    advisorNotes: [],
    requirements: checkRequirements(ARIZONA_DEFAULT_TEMPLATE, data.academic.courses),
    annualReview: { schoolYear: '2026-2027', status: 'open', submittedAt: null },
    ...extra,
  };
}
const artifact = (type: ArtifactView['type']): ArtifactView => ({ id: `a-${type}`, type, title: type, filename: 'f.pdf', contentType: 'application/pdf', size: 1, uploadedAt: '2026-10-01T00:00:00.000Z' });
const option = (id: string, admissionRequirements: string) => ({ id, type: 'two_year' as const, name: `College ${id}`, admissionRequirements });
const activity = (id: string) => ({ id, category: 'club' as const, name: `Club ${id}`, role: '', startDate: '2026-09-01', hours: 1, reflection: '' });

describe('completion rules', () => {
  it('interest inventory: complete when scored, started with any answer', () => {
    const answered = plan((s) => (s.career.interestInventory.answers = { [INTEREST_ITEMS[0]!.id]: 3 }));
    expect(evaluate('interest_inventory', {}, plan(), [])).toBe(false);
    expect(isStarted('interest_inventory', plan(), [])).toBe(false);
    expect(isStarted('interest_inventory', answered, [])).toBe(true);
    expect(evaluate('interest_inventory', {}, answered, [])).toBe(false);
    const scored = plan(undefined, { interestResult: { scores: { R: 1, I: 2, A: 3, S: 4, E: 5, C: 1 }, code: 'ESA', completedAt: '2026-10-01' } });
    expect(evaluate('interest_inventory', {}, scored, [])).toBe(true);
  });

  it('career goal: needs the education path', () => {
    const noPath = plan((s) => (s.career.careerGoal = { title: 'Nurse', educationPath: ' ', trainingNeeded: '' }));
    const full = plan((s) => (s.career.careerGoal = { title: 'Nurse', educationPath: 'ADN', trainingNeeded: '' }));
    expect(evaluate('career_goal', {}, noPath, [])).toBe(false);
    expect(isStarted('career_goal', noPath, [])).toBe(true);
    expect(evaluate('career_goal', {}, full, [])).toBe(true);
  });

  it('four-year plan: passes the requirements check', () => {
    expect(evaluate('four_year_plan', {}, plan(), [])).toBe(false);
    const partial = plan((s) => (s.academic.courses = fourYearPlan().slice(0, 3)));
    const partialView = { ...partial, requirements: checkRequirements(ARIZONA_DEFAULT_TEMPLATE, partial.sections.academic.data.courses) };
    expect(evaluate('four_year_plan', {}, partialView, [])).toBe(false);
    expect(isStarted('four_year_plan', partialView, [])).toBe(true);
    const full = plan((s) => (s.academic.courses = fourYearPlan()));
    expect(evaluate('four_year_plan', {}, { ...full, requirements: checkRequirements(ARIZONA_DEFAULT_TEMPLATE, full.sections.academic.data.courses) }, [])).toBe(true);
  });

  it('postsecondary research: minOptions options with admission requirements', () => {
    const one = plan((s) => (s.postsecondary.options = [option('a', 'Diploma'), option('b', '')]));
    const two = plan((s) => (s.postsecondary.options = [option('a', 'Diploma'), option('b', 'SAT 1100')]));
    expect(evaluate('postsecondary_research', { minOptions: 2 }, one, [])).toBe(false);
    expect(evaluate('postsecondary_research', { minOptions: 2 }, two, [])).toBe(true);
    expect(evaluate('postsecondary_research', { minOptions: 3 }, two, [])).toBe(false);
    expect(evaluate('postsecondary_research', {}, two, [])).toBe(true);
  });

  it('financial plan: a cost with FAFSA under way, or a scholarship', () => {
    const costOnly = plan((s) => (s.postsecondary.financialPlan.estimatedAnnualCost = 5000));
    expect(evaluate('financial_plan', {}, costOnly, [])).toBe(false);
    expect(isStarted('financial_plan', costOnly, [])).toBe(true);
    const withFafsa = plan((s) => Object.assign(s.postsecondary.financialPlan, { estimatedAnnualCost: 5000, fafsaStatus: 'in_progress' }));
    expect(evaluate('financial_plan', {}, withFafsa, [])).toBe(true);
    const scholarship = plan((s) => s.postsecondary.financialPlan.scholarships.push({ id: 's', name: 'Promise', amount: 1, status: 'applied' }));
    expect(evaluate('financial_plan', {}, scholarship, [])).toBe(true);
  });

  it('extracurricular log: minEntries activities', () => {
    const two = plan((s) => (s.extracurricular.activities = [activity('1'), activity('2')]));
    const three = plan((s) => (s.extracurricular.activities = [activity('1'), activity('2'), activity('3')]));
    expect(evaluate('extracurricular_log', { minEntries: 3 }, two, [])).toBe(false);
    expect(isStarted('extracurricular_log', two, [])).toBe(true);
    expect(evaluate('extracurricular_log', { minEntries: 3 }, three, [])).toBe(true);
  });

  it('resume: a resume artifact, not any artifact', () => {
    expect(evaluate('resume', {}, plan(), [artifact('certificate')])).toBe(false);
    expect(isStarted('resume', plan(), [artifact('certificate')])).toBe(true);
    expect(evaluate('resume', {}, plan(), [artifact('resume')])).toBe(true);
  });

  it('annual review: submitted this year; custom never by rule', () => {
    expect(evaluate('annual_review', {}, plan(), [])).toBe(false);
    expect(isStarted('annual_review', plan((s) => (s.reflections.whoAmI = 'Curious')), [])).toBe(true);
    expect(evaluate('annual_review', {}, plan(undefined, { annualReview: { schoolYear: '2026-2027', status: 'submitted', submittedAt: 'x' } }), [])).toBe(true);
    expect(evaluate('custom', {}, plan(), [artifact('resume')])).toBe(false);
  });

  it('fingerprints only the part the rule reads, whatever the key order', () => {
    const a = plan((s) => (s.extracurricular.activities = [activity('1')]));
    const b = plan((s) => {
      s.extracurricular.activities = [activity('1')];
      s.career.savedCareers = ['x'];
    });
    const c = plan((s) => (s.extracurricular.activities = [{ ...activity('1'), hours: 2 }]));
    expect(evidenceFingerprint('extracurricular_log', a, [])).toBe(evidenceFingerprint('extracurricular_log', b, []));
    expect(evidenceFingerprint('extracurricular_log', a, [])).not.toBe(evidenceFingerprint('extracurricular_log', c, []));
  });
});

describe('catalog', () => {
  it('has English and Spanish text, a plan section and a sensible scope and sequence', () => {
    for (const a of BUILT_IN_ACTIVITIES) {
      expect(a.text.en.title).not.toBe(a.text.es.title);
      expect(a.gradeBands.length).toBeGreaterThan(0);
      expect(['career', 'academic', 'postsecondary', 'extracurricular', 'portfolio', 'review']).toContain(a.planSection);
    }
    expect(builtInActivity('postsecondary-research')?.params).toEqual({ minOptions: 2 });
    expect(builtInActivity('extracurricular-log')?.gradeBands).toEqual(['6-8', '9', '10', '11', '12']);
    expect(builtInActivity('annual-review')?.reviewRequired).toBe(true);
    expect(presentBuiltIn(builtInActivity('resume')!, 'es')).toMatchObject({ id: 'resume', title: 'Currículum', custom: false, rule: 'resume' });
  });

  it('guesses a grade band from the course title', () => {
    expect(gradeBandFromTitle('Advisory 9A')).toBe('9');
    expect(gradeBandFromTitle('Grade 11 Seminar')).toBe('11');
    expect(gradeBandFromTitle('7th Grade AVID')).toBe('6-8');
    expect(gradeBandFromTitle('Class of 2027')).toBeNull();
    expect(gradeBandFromTitle('Algebra 1')).toBeNull();
    expect(gradeBandFromTitle(undefined)).toBeNull();
  });
});

describe('activity policies', () => {
  const tenantId = new Types.ObjectId();
  const actor = (role: ActivityActor['role'], contexts: ActivityActor['contexts'] = []): ActivityActor => ({ tenantId, role, contexts });
  const placement = { tenantId, contextId: 'course-1' };

  it('lets staff list and place activities and only admins add custom ones', () => {
    expect(canActivity(actor('teacher'), 'activity:list')).toBe(true);
    expect(canActivity(actor('student'), 'activity:list')).toBe(false);
    expect(canActivity(actor('teacher'), 'placement:create')).toBe(true);
    expect(canActivity(actor('student'), 'placement:create')).toBe(false);
    expect(canActivity(actor('admin'), 'activity:create_custom')).toBe(true);
    expect(canActivity(actor('teacher'), 'activity:create_custom')).toBe(false);
    expect(canActivity(actor('parent'), 'activity:list')).toBe(false);
  });

  it('opens a placement to students and teachers of its course, and admins of its district', () => {
    expect(canActivity(actor('student', [{ contextId: 'course-1', role: 'student' }]), 'placement:view', placement)).toBe(true);
    expect(canActivity(actor('student', [{ contextId: 'course-2', role: 'student' }]), 'placement:view', placement)).toBe(false);
    expect(canActivity(actor('teacher', [{ contextId: 'course-1', role: 'teacher' }]), 'placement:view', placement)).toBe(true);
    expect(canActivity(actor('teacher', [{ contextId: 'course-1', role: 'student' }]), 'placement:view', placement)).toBe(false);
    expect(canActivity(actor('admin'), 'placement:view', placement)).toBe(true);
    expect(canActivity(actor('admin'), 'placement:view', { tenantId: new Types.ObjectId(), contextId: 'course-1' })).toBe(false);
    expect(canActivity(actor('teacher', [{ contextId: 'course-1', role: 'teacher' }]), 'placement:respond', placement)).toBe(false);
    expect(canActivity(actor('student', [{ contextId: 'course-1', role: 'student' }]), 'placement:respond', placement)).toBe(true);
  });
});
