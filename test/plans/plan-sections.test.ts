import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn } from '../support/factories';
import { PlanAuditModel } from '../../server/plans/plan-audit.model';
import { INTEREST_ITEMS } from '../../shared/career/inventory';
import { SECTION_KEYS, type CareerSection, type SectionConflict } from '../../shared/api/plan';
import { course, myPlan, putSection, validSections } from './support';

let tool: TestApp;
beforeAll(async () => {
  tool = await startTestApp();
});
afterAll(async () => {
  await tool.close();
});

async function student(opts: Parameters<typeof signIn>[3] = {}) {
  const tenant = await createTenant();
  return signIn(tool.config, tenant, 'student', opts);
}

describe('GET /api/plans/me', () => {
  it('creates the plan on first read with the default sections', async () => {
    const me = await student({ name: 'Ana Ruiz' });
    const view = await myPlan(tool, me);
    expect(view).toMatchObject({ studentId: String(me.user._id), studentName: 'Ana Ruiz', schoolYear: '2026-2027', readOnly: false, interestResult: null, advisorNotes: [] });
    expect(Object.keys(view.sections)).toEqual(SECTION_KEYS);
    expect(view.sections.profile).toEqual({ version: 0, updatedAt: null, data: { grade: 9, graduationYear: 2030, careerStage: 'awareness' } });
    expect(view.sections.postsecondary.data.financialPlan).toEqual({ estimatedAnnualCost: null, fafsaStatus: 'not_started', scholarships: [], notes: '' });
    expect(view.sections.career.data).toEqual({ interestInventory: { answers: {} }, skills: {}, workValues: {}, savedCareers: [], careerGoal: null });
    expect(view.requirements).toMatchObject({ totalRequired: 22, totalPlanned: 0, met: false });
    expect(view.annualReview).toEqual({ schoolYear: '2026-2027', status: 'open', submittedAt: null });
    // A second read finds the same plan.
    expect((await myPlan(tool, me)).sections.profile.version).toBe(0);
  });

  it('is for students only', async () => {
    const tenant = await createTenant();
    const teacher = await signIn(tool.config, tenant, 'teacher');
    await request(tool.app).get('/api/plans/me').set(...teacher.auth).expect(403);
    await request(tool.app).put('/api/plans/me/sections/goals').set(...teacher.auth).send({ version: 0, data: validSections().goals }).expect(403);
  });
});

describe('PUT /api/plans/me/sections/:section', () => {
  it.each(SECTION_KEYS)('saves valid %s data and bumps the version', async (key) => {
    const me = await student();
    const data = validSections()[key];
    const res = await putSection(tool, me, key, 0, data).expect(200);
    expect(res.body).toEqual({ version: 1, updatedAt: expect.any(String), data });
    const view = await myPlan(tool, me);
    expect(view.sections[key]).toEqual(res.body);
  });

  it('shows the requirements check of the saved course plan', async () => {
    const me = await student();
    await putSection(tool, me, 'academic', 0, validSections().academic).expect(200);
    const view = await myPlan(tool, me);
    expect(view.requirements).toMatchObject({ met: true, totalPlanned: 22, gaps: [] });
  });

  it.each([
    ['profile', 'grade', { grade: 13, graduationYear: 2030, careerStage: 'awareness' }],
    ['profile', 'careerStage', { grade: 9, graduationYear: 2030, careerStage: 'dreaming' }],
    ['academic', 'courses.2.credits', { ...validSections().academic, courses: [course('math', 9), course('math', 9), { ...course('math', 9), credits: -1 }] }],
    ['academic', 'courses.0.gradeEarned', { ...validSections().academic, courses: [{ ...course('math', 9), gradeEarned: 'A' }] }],
    ['academic', 'achievements.0.date', { ...validSections().academic, achievements: [{ id: 'a', title: 'x', date: '2026-02-30' }] }],
    ['career', 'skills.teamwork', { ...validSections().career, skills: { teamwork: 9 } }],
    ['career', 'careerGoal.title', { ...validSections().career, careerGoal: { title: '', educationPath: 'x', trainingNeeded: '' } }],
    ['postsecondary', 'applications.0.deadline', { ...validSections().postsecondary, applications: [{ ...validSections().postsecondary.applications[0], deadline: '2026-13-45' }] }],
    ['postsecondary', 'financialPlan.estimatedAnnualCost', { ...validSections().postsecondary, financialPlan: { ...validSections().postsecondary.financialPlan, estimatedAnnualCost: -5 } }],
    ['extracurricular', 'activities.0.hours', { activities: [{ ...validSections().extracurricular.activities[0], hours: -3 }], credentials: [] }],
    ['extracurricular', 'activities.0.endDate', { activities: [{ ...validSections().extracurricular.activities[0], startDate: '2026-09-01', endDate: '2026-08-01' }], credentials: [] }],
    [
      'extracurricular',
      'activities.0.employerAssessment',
      { activities: [{ ...validSections().extracurricular.activities[0], employerAssessment: { employer: 'Bank', rating: 3, comments: '' } }], credentials: [] },
    ],
    ['goals', 'shortTerm.0.status', { shortTerm: [{ id: 'g', text: 'x', status: 'done' }], longTerm: [] }],
    ['reflections', 'whoAmI', { ...validSections().reflections, whoAmI: 'x'.repeat(4001) }],
    ['reflections', '_', { ...validSections().reflections, secret: 'x' }],
  ] as const)('refuses bad %s data at %s', async (key, field, data) => {
    const me = await student();
    const res = await putSection(tool, me, key, 0, data).expect(400);
    expect(res.body).toMatchObject({ error: 'validation_error', fields: { [field]: expect.any(Array) } });
    const view = await myPlan(tool, me);
    expect(view.sections[key].version).toBe(0);
  });

  it('refuses unknown fields in the body and in section data', async () => {
    const me = await student();
    await request(tool.app).put('/api/plans/me/sections/goals').set(...me.auth).send({ version: 0, data: validSections().goals, extra: 1 }).expect(400);
    const res = await putSection(tool, me, 'goals', 0, { ...validSections().goals, hidden: true }).expect(400);
    expect(res.body.fields._[0]).toMatch(/hidden/);
    const nested = await putSection(tool, me, 'goals', 0, { shortTerm: [{ id: 'g', text: 'x', status: 'achieved', $where: '1' }], longTerm: [] }).expect(400);
    expect(Object.keys(nested.body.fields)).toEqual(['shortTerm.0']);
  });

  it('refuses a bad section key, a missing or negative version', async () => {
    const me = await student();
    const res = await putSection(tool, me, 'secrets', 0, {}).expect(400);
    expect(res.body.fields).toHaveProperty('section');
    await request(tool.app).put('/api/plans/me/sections/goals').set(...me.auth).send({ data: validSections().goals }).expect(400);
    await putSection(tool, me, 'goals', -1, validSections().goals).expect(400);
  });

  it('refuses a graduation year before the student can finish grade 12', async () => {
    const me = await student();
    const res = await putSection(tool, me, 'profile', 0, { grade: 10, graduationYear: 2028, careerStage: 'exploration' }).expect(400);
    expect(res.body.fields.graduationYear[0]).toContain('2029');
    await putSection(tool, me, 'profile', 0, { grade: 10, graduationYear: 2029, careerStage: 'exploration' }).expect(200);
  });

  it('refuses a completed course of a grade the student has not reached', async () => {
    const me = await student();
    const academic = { ...validSections().academic, courses: [course('math', 9, { status: 'completed' }), course('math', 11, { status: 'completed', gradeEarned: 'B' })] };
    const res = await putSection(tool, me, 'academic', 0, academic).expect(400);
    expect(Object.keys(res.body.fields)).toEqual(['courses.1.status']);
  });

  it('answers a stale version with 409 and the current section', async () => {
    const me = await student();
    const saved = await putSection(tool, me, 'reflections', 0, validSections().reflections).expect(200);
    const res = await putSection(tool, me, 'reflections', 0, { ...validSections().reflections, whoAmI: 'stale' }).expect(409);
    const body = res.body as SectionConflict<'reflections'>;
    expect(body).toMatchObject({ error: 'version_conflict', message: expect.any(String) });
    expect(body.current).toEqual(saved.body);
    await putSection(tool, me, 'reflections', 7, validSections().reflections).expect(409);
  });

  it('keeps the first of two tabs writing the same version, and lets the second retry on the current one', async () => {
    const me = await student();
    const base = validSections().goals;
    const tabA = { ...base, shortTerm: [{ id: 'a', text: 'From tab A', status: 'in_progress' as const }] };
    const tabB = { ...base, shortTerm: [{ id: 'b', text: 'From tab B', status: 'in_progress' as const }] };
    const [a, b] = await Promise.all([putSection(tool, me, 'goals', 0, tabA), putSection(tool, me, 'goals', 0, tabB)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect(loser.body.current).toEqual(winner.body);
    const stored = await myPlan(tool, me);
    expect(stored.sections.goals).toEqual(winner.body);
    // The second tab merges onto the current version; both goals survive.
    const merged = { ...base, shortTerm: [...winner.body.data.shortTerm, ...(loser === b ? tabB : tabA).shortTerm] };
    const retried = await putSection(tool, me, 'goals', loser.body.current.version, merged).expect(200);
    expect(retried.body.version).toBe(2);
    expect((await myPlan(tool, me)).sections.goals.data.shortTerm.map((g) => g.text).sort()).toEqual(['From tab A', 'From tab B']);
  });

  it('versions each section on its own', async () => {
    const me = await student();
    await putSection(tool, me, 'goals', 0, validSections().goals).expect(200);
    await putSection(tool, me, 'reflections', 0, validSections().reflections).expect(200);
    const view = await myPlan(tool, me);
    expect(view.sections.goals.version).toBe(1);
    expect(view.sections.reflections.version).toBe(1);
    expect(view.sections.profile.version).toBe(0);
  });

  it('records every write in the audit log', async () => {
    const me = await student();
    await putSection(tool, me, 'goals', 0, validSections().goals).expect(200);
    await putSection(tool, me, 'goals', 0, validSections().goals).expect(409);
    const audit = await PlanAuditModel.find({ studentId: me.user._id }).lean();
    expect(audit).toEqual([expect.objectContaining({ actorId: me.user._id, actorRole: 'student', action: 'write', section: 'goals' })]);
  });
});

describe('interest inventory result', () => {
  const allAnswers = (rating: (letter: string) => number) => Object.fromEntries(INTEREST_ITEMS.map((i) => [i.id, rating(i.letter)]));
  const career = (answers: Record<string, number>): CareerSection => ({ ...validSections().career, interestInventory: { answers } });

  it('stores the result when the answers are complete, keeps completedAt while the code holds, clears it when incomplete', async () => {
    expect(INTEREST_ITEMS.length).toBeGreaterThanOrEqual(30);
    const me = await student();
    const partial = allAnswers(() => 3);
    delete partial[INTEREST_ITEMS[0]!.id];
    await putSection(tool, me, 'career', 0, career(partial)).expect(200);
    expect((await myPlan(tool, me)).interestResult).toBeNull();

    const sae = (l: string) => ({ S: 5, A: 4, E: 3 })[l] ?? 1;
    await putSection(tool, me, 'career', 1, career(allAnswers(sae))).expect(200);
    const first = (await myPlan(tool, me)).interestResult;
    expect(first).toMatchObject({ code: 'SAE', scores: { S: 5, A: 4, E: 3, R: 1 } });

    await putSection(tool, me, 'career', 2, career({ ...allAnswers(sae), [INTEREST_ITEMS.find((i) => i.letter === 'R')!.id]: 2 })).expect(200);
    const same = (await myPlan(tool, me)).interestResult;
    expect(same?.code).toBe('SAE');
    expect(same?.completedAt).toBe(first?.completedAt);

    await putSection(tool, me, 'career', 3, career(allAnswers((l) => (l === 'R' ? 5 : l === 'I' ? 4 : l === 'C' ? 3 : 1)))).expect(200);
    expect((await myPlan(tool, me)).interestResult?.code).toBe('RIC');

    await putSection(tool, me, 'career', 4, career(partial)).expect(200);
    expect((await myPlan(tool, me)).interestResult).toBeNull();
  });

  it('refuses ids that are not plain ids (no operators or dotted paths as field names)', async () => {
    const me = await student();
    const res = await putSection(tool, me, 'career', 0, { ...validSections().career, skills: { $inc: 1, 'a.b': 2 } }).expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['skills.$inc', 'skills.a.b']);
  });

  it('refuses answers out of range', async () => {
    const me = await student();
    const res = await putSection(tool, me, 'career', 0, career({ r1: 6 })).expect(400);
    expect(res.body.fields).toHaveProperty(['interestInventory.answers.r1']);
  });
});
