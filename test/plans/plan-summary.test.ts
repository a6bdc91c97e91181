import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn } from '../support/factories';
import { INTEREST_ITEMS } from '../../shared/career/inventory';
import type { PlanSummary } from '../../shared/api/session';
import { putSection, validSections } from './support';

let tool: TestApp;
beforeAll(async () => {
  tool = await startTestApp();
});
afterAll(async () => {
  await tool.close();
});

const progress = (s: PlanSummary) => Object.fromEntries(s.attributes.map((a) => [a.key, [a.completed, a.total]]));

describe('GET /api/plans/me/summary', () => {
  it('starts at zero with stable totals', async () => {
    const tenant = await createTenant();
    const me = await signIn(tool.config, tenant, 'student');
    const res = await request(tool.app).get('/api/plans/me/summary').set(...me.auth).expect(200);
    expect(res.body.schoolYear).toBe('2026-2027');
    expect(progress(res.body)).toEqual({ academic: [0, 4], career: [0, 4], postsecondary: [0, 3], extracurricular: [0, 2] });
  });

  it('counts what the student has done', async () => {
    const tenant = await createTenant();
    const me = await signIn(tool.config, tenant, 'student');
    const s = validSections();
    await putSection(tool, me, 'academic', 0, s.academic).expect(200);
    await putSection(tool, me, 'career', 0, s.career).expect(200);
    await putSection(tool, me, 'extracurricular', 0, { activities: [{ ...s.extracurricular.activities[0]!, reflection: '' }], credentials: [] }).expect(200);
    let res = await request(tool.app).get('/api/plans/me/summary').set(...me.auth).expect(200);
    // Career: skills, values and goal but no complete inventory; extracurricular: an activity without reflection.
    expect(progress(res.body)).toEqual({ academic: [4, 4], career: [3, 4], postsecondary: [0, 3], extracurricular: [1, 2] });

    const answers = Object.fromEntries(INTEREST_ITEMS.map((i) => [i.id, 3]));
    await putSection(tool, me, 'career', 1, { ...s.career, interestInventory: { answers } }).expect(200);
    await putSection(tool, me, 'postsecondary', 0, s.postsecondary).expect(200);
    await putSection(tool, me, 'extracurricular', 1, s.extracurricular).expect(200);
    res = await request(tool.app).get('/api/plans/me/summary').set(...me.auth).expect(200);
    expect(progress(res.body)).toEqual({ academic: [4, 4], career: [4, 4], postsecondary: [3, 3], extracurricular: [2, 2] });
  });

  it('needs courses through grade 12 and met requirements for the course plan items', async () => {
    const tenant = await createTenant();
    const me = await signIn(tool.config, tenant, 'student');
    const s = validSections();
    const withoutGrade12 = s.academic.courses.filter((c) => c.gradeLevel !== 12);
    await putSection(tool, me, 'academic', 0, { courses: withoutGrade12, postsecondaryGoals: '', achievements: [] }).expect(200);
    const res = await request(tool.app).get('/api/plans/me/summary').set(...me.auth).expect(200);
    expect(progress(res.body).academic).toEqual([0, 4]);
  });
});
