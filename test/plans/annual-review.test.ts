import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn } from '../support/factories';
import { TenantModel } from '../../server/tenants/tenant.model';
import { PlanAuditModel } from '../../server/plans/plan-audit.model';
import type { PlanSnapshotSummary, PlanSnapshotView, PlanView } from '../../shared/api/plan';
import { myPlan, putSection, validSections } from './support';

let tool: TestApp;
beforeAll(async () => {
  tool = await startTestApp();
});
afterAll(async () => {
  await tool.close();
});

const submit = (auth: [string, string], body: object) => request(tool.app).post('/api/plans/me/annual-review').set(...auth).send(body);

describe('POST /api/plans/me/annual-review', () => {
  it('freezes the year, starts the next one from it, and refuses a second submission', async () => {
    const tenant = await createTenant();
    const me = await signIn(tool.config, tenant, 'student');
    const sections = validSections();
    await putSection(tool, me, 'profile', 0, { grade: 10, graduationYear: 2029, careerStage: 'exploration' }).expect(200);
    await putSection(tool, me, 'goals', 0, sections.goals).expect(200);
    await putSection(tool, me, 'academic', 0, sections.academic).expect(200);

    const res = await submit(me.auth, { reflection: 'I found out I like science.' }).expect(200);
    const next = res.body as PlanView;
    expect(next.schoolYear).toBe('2027-2028');
    expect(next.sections.profile).toMatchObject({ version: 2, data: { grade: 11, graduationYear: 2029, careerStage: 'exploration' } });
    expect(next.sections.goals).toMatchObject({ version: 1, data: sections.goals });
    expect(next.sections.academic.data).toEqual(sections.academic);
    expect(next.annualReview).toEqual({ schoolYear: '2026-2027', status: 'submitted', submittedAt: expect.any(String) });

    const list = await request(tool.app).get('/api/plans/me/snapshots').set(...me.auth).expect(200);
    expect(list.body as PlanSnapshotSummary[]).toEqual([
      { schoolYear: '2026-2027', grade: 10, submittedAt: next.annualReview.submittedAt, advisorReview: null, parentSignatures: [] },
    ]);
    const snap = await request(tool.app).get('/api/plans/me/snapshots/2026-2027').set(...me.auth).expect(200);
    expect(snap.body as PlanSnapshotView).toEqual({
      schoolYear: '2026-2027',
      grade: 10,
      submittedAt: next.annualReview.submittedAt,
      reflection: 'I found out I like science.',
      sections: expect.objectContaining({
        profile: { grade: 10, graduationYear: 2029, careerStage: 'exploration' },
        goals: sections.goals,
        academic: sections.academic,
        reflections: { whoAmI: '', whereAmIGoing: '', whatDoINeed: '', nextSteps: '' },
      }),
      interestResult: null,
    });

    // The new year goes on from the carried-over versions; the snapshot does not move.
    await putSection(tool, me, 'goals', 1, { ...sections.goals, longTerm: [] }).expect(200);
    const frozen = await request(tool.app).get('/api/plans/me/snapshots/2026-2027').set(...me.auth).expect(200);
    expect(frozen.body.sections.goals).toEqual(sections.goals);

    const again = await submit(me.auth, { reflection: 'Twice' }).expect(409);
    expect(again.body.error).toBe('conflict');
    expect(await PlanAuditModel.countDocuments({ studentId: me.user._id, action: 'submit' })).toBe(1);
  });

  it('opens the next review when the district starts the next school year', async () => {
    const tenant = await createTenant();
    const me = await signIn(tool.config, tenant, 'student');
    await submit(me.auth, { reflection: 'Year one' }).expect(200);
    await TenantModel.updateOne({ _id: tenant._id }, { $set: { 'settings.schoolYear': '2027-2028' } });
    const view = await myPlan(tool, me);
    expect(view.annualReview).toEqual({ schoolYear: '2027-2028', status: 'open', submittedAt: null });
    const second = await submit(me.auth, { reflection: 'Year two' }).expect(200);
    expect(second.body.schoolYear).toBe('2028-2029');
    expect(second.body.sections.profile.data.grade).toBe(11);
    const list = await request(tool.app).get('/api/plans/me/snapshots').set(...me.auth).expect(200);
    expect(list.body.map((s: PlanSnapshotSummary) => [s.schoolYear, s.grade])).toEqual([
      ['2027-2028', 10],
      ['2026-2027', 9],
    ]);
  });

  it('keeps grade 12 at 12', async () => {
    const tenant = await createTenant();
    const me = await signIn(tool.config, tenant, 'student');
    await putSection(tool, me, 'profile', 0, { grade: 12, graduationYear: 2027, careerStage: 'immersion' }).expect(200);
    const res = await submit(me.auth, { reflection: 'Senior year' }).expect(200);
    expect(res.body.sections.profile.data.grade).toBe(12);
  });

  it('lets only one of two simultaneous submissions through', async () => {
    const tenant = await createTenant();
    const me = await signIn(tool.config, tenant, 'student');
    await myPlan(tool, me);
    const [a, b] = await Promise.all([submit(me.auth, { reflection: 'A' }), submit(me.auth, { reflection: 'B' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const view = await myPlan(tool, me);
    expect(view.schoolYear).toBe('2027-2028');
    expect(view.sections.profile.data.grade).toBe(10);
  });

  it('validates the reflection and the snapshot year', async () => {
    const tenant = await createTenant();
    const me = await signIn(tool.config, tenant, 'student');
    const res = await submit(me.auth, { reflection: '   ' }).expect(400);
    expect(res.body.fields).toHaveProperty('reflection');
    await submit(me.auth, { reflection: 'ok', grade: 12 }).expect(400);
    await submit(me.auth, { reflection: 'x'.repeat(4001) }).expect(400);
    await request(tool.app).get('/api/plans/me/snapshots/2026').set(...me.auth).expect(400);
    await request(tool.app).get('/api/plans/me/snapshots/2020-2021').set(...me.auth).expect(404);
  });

  it('is for students, and snapshots are each student own', async () => {
    const tenant = await createTenant();
    const teacher = await signIn(tool.config, tenant, 'teacher');
    await submit(teacher.auth, { reflection: 'x' }).expect(403);
    const a = await signIn(tool.config, tenant, 'student');
    const b = await signIn(tool.config, tenant, 'student');
    await submit(a.auth, { reflection: 'A year' }).expect(200);
    await request(tool.app).get('/api/plans/me/snapshots/2026-2027').set(...b.auth).expect(404);
    expect((await request(tool.app).get('/api/plans/me/snapshots').set(...b.auth).expect(200)).body).toEqual([]);
  });
});
