import request from 'supertest';
import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn, type SignedInUser } from '../support/factories';
import { putSection, validSections } from '../plans/support';
import { PlacementModel, type Placement } from '../../server/activities/placement.model';
import { ActivityProgressModel } from '../../server/activities/progress.model';
import { ScoreJobModel } from '../../server/grades/score-job.model';
import type { Tenant } from '../../server/tenants/tenant.model';
import { INTEREST_ITEMS } from '../../shared/career/inventory';

let tool: TestApp;
beforeAll(async () => {
  tool = await startTestApp();
});
afterAll(async () => {
  await tool.close();
});

async function place(tenant: Tenant, activityId: string, points: number, contextId = 'course-1'): Promise<Placement> {
  const doc = await PlacementModel.create({
    tenantId: tenant._id,
    deploymentId: tenant.deployments[0]!.deploymentId,
    contextId,
    contextTitle: 'Advisory 9A',
    activityId,
    title: activityId,
    points,
    createdBy: new Types.ObjectId(),
  });
  return doc.toObject();
}
const progressOf = (placement: Placement, who: SignedInUser) =>
  ActivityProgressModel.findOne({ placementId: placement._id, userId: who.user._id }).lean();
/** The grade outbox job of a student on a placement (one per pair; `revision` counts the scores queued). */
const jobFor = (placement: Placement, who: SignedInUser) => ScoreJobModel.findOne({ placementId: placement._id, userId: who.user._id }).lean();
const fullInventory = () => Object.fromEntries(INTEREST_ITEMS.map((item, i) => [item.id, (i % 5) + 1]));

describe('completion from the student plan', () => {
  it('completes the interest inventory when the career section is scored, and queues a FullyGraded score once', async () => {
    const tenant = await createTenant();
    const student = await signIn(tool.config, tenant, 'student');
    const inventory = await place(tenant, 'interest-inventory', 10);
    const log = await place(tenant, 'extracurricular-log', 10);
    const goal = await place(tenant, 'career-goal', 10);
    const elsewhere = await place(tenant, 'interest-inventory', 10, 'course-2');

    const career = { ...validSections().career, careerGoal: null, savedCareers: [], interestInventory: { answers: { [INTEREST_ITEMS[0]!.id]: 4 } } };
    await putSection(tool, student, 'career', 0, career).expect(200);
    expect(await progressOf(inventory, student)).toMatchObject({ status: 'in_progress' });
    expect(await jobFor(inventory, student)).toBeNull();

    await putSection(tool, student, 'career', 1, { ...career, interestInventory: { answers: fullInventory() } }).expect(200);
    expect(await progressOf(inventory, student)).toMatchObject({ status: 'completed', completedAt: expect.any(Date) });
    expect(await jobFor(inventory, student)).toMatchObject({
      tenantId: tenant._id,
      ltiSubject: student.user.ltiSubject,
      state: 'pending',
      revision: 1,
      score: {
        scoreGiven: 10,
        scoreMaximum: 10,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
        timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      },
    });
    // Untouched parts of the plan leave other activities alone; another course's placement is not the student's.
    expect(await progressOf(log, student)).toBeNull();
    expect(await progressOf(goal, student)).toBeNull();
    expect(await progressOf(elsewhere, student)).toBeNull();

    // Answers changed again (even undone): completed stays, no second score.
    await putSection(tool, student, 'career', 2, { ...career, interestInventory: { answers: {} } }).expect(200);
    expect(await progressOf(inventory, student)).toMatchObject({ status: 'completed' });
    expect((await jobFor(inventory, student))?.revision).toBe(1);
  });

  it('does not queue a score for a placement without points', async () => {
    const tenant = await createTenant();
    const student = await signIn(tool.config, tenant, 'student');
    const log = await place(tenant, 'extracurricular-log', 0);
    const { extracurricular } = validSections();
    const three = ['a', 'b', 'c'].map((id) => ({ ...extracurricular.activities[0]!, id }));
    await putSection(tool, student, 'extracurricular', 0, { ...extracurricular, activities: three }).expect(200);
    expect(await progressOf(log, student)).toMatchObject({ status: 'completed' });
    expect(await jobFor(log, student)).toBeNull();
  });

  it('submits the annual review for the teacher (PendingManual) and returns a revision to submitted only when the review part changes', async () => {
    const tenant = await createTenant();
    const student = await signIn(tool.config, tenant, 'student');
    const review = await place(tenant, 'annual-review', 20);
    await putSection(tool, student, 'reflections', 0, validSections().reflections).expect(200);
    expect(await progressOf(review, student)).toMatchObject({ status: 'in_progress' });

    await request(tool.app).post('/api/plans/me/annual-review').set(...student.auth).send({ reflection: 'A good year.' }).expect(200);
    expect(await progressOf(review, student)).toMatchObject({ status: 'submitted', submittedAt: expect.any(Date) });
    expect(await jobFor(review, student)).toMatchObject({
      ltiSubject: student.user.ltiSubject,
      revision: 1,
      score: { activityProgress: 'Submitted', gradingProgress: 'PendingManual', scoreGiven: null },
    });

    // The teacher asks for a revision (their route, in server/courses, writes this).
    await ActivityProgressModel.updateOne({ placementId: review._id, userId: student.user._id }, { status: 'needs_revision', teacherComment: 'Say more about next steps.' });
    await putSection(tool, student, 'goals', 0, validSections().goals).expect(200);
    expect(await progressOf(review, student)).toMatchObject({ status: 'needs_revision' });
    expect((await jobFor(review, student))?.revision).toBe(1);

    await putSection(tool, student, 'reflections', 1, { ...validSections().reflections, nextSteps: 'Take biology and shadow a nurse.' }).expect(200);
    expect(await progressOf(review, student)).toMatchObject({ status: 'submitted' });
    expect((await jobFor(review, student))?.revision).toBe(2);

    // Approved work never goes back.
    await ActivityProgressModel.updateOne({ placementId: review._id, userId: student.user._id }, { status: 'completed' });
    await putSection(tool, student, 'reflections', 2, validSections().reflections).expect(200);
    expect(await progressOf(review, student)).toMatchObject({ status: 'completed' });
    expect((await jobFor(review, student))?.revision).toBe(2);
  });
});

describe('custom activities', () => {
  const custom = { title: 'Informational interview', prompt: 'Interview someone in a career you like.', evidence: 'Five questions and answers', gradeBands: ['10', '11'], suggestedPoints: 15 };

  it('an admin adds one; teachers see it in the catalog; students answer it and it waits for review', async () => {
    const tenant = await createTenant();
    const admin = await signIn(tool.config, tenant, 'admin', { contextId: null });
    const teacher = await signIn(tool.config, tenant, 'teacher', { locale: 'es' });
    const student = await signIn(tool.config, tenant, 'student');

    const bad = await request(tool.app).post('/api/activities/custom').set(...admin.auth).send({ ...custom, title: ' ', gradeBands: [] }).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['gradeBands', 'title']);
    const created = await request(tool.app).post('/api/activities/custom').set(...admin.auth).send(custom).expect(201);
    expect(created.body).toMatchObject({ custom: true, rule: 'custom', reviewRequired: true, prompt: custom.prompt, evidence: custom.evidence, suggestedPoints: 15 });

    const list = await request(tool.app).get('/api/activities').set(...teacher.auth).expect(200);
    expect(list.body[0]).toMatchObject({ id: 'interest-inventory', title: 'Inventario de intereses' });
    expect(list.body.at(-1)).toMatchObject({ id: created.body.id, title: custom.title });
    const grade9 = await request(tool.app).get('/api/activities?gradeBand=9').set(...teacher.auth).expect(200);
    expect(grade9.body.map((a: { id: string }) => a.id)).not.toContain(created.body.id);
    await request(tool.app).get('/api/activities?gradeBand=13').set(...teacher.auth).expect(400);

    const placement = await place(tenant, created.body.id, 15);
    const opened = await request(tool.app).get(`/api/activities/placements/${String(placement._id)}`).set(...student.auth).expect(200);
    expect(opened.body).toMatchObject({ activity: { id: created.body.id, prompt: custom.prompt }, progress: { status: 'in_progress', response: null } });

    await request(tool.app).post(`/api/activities/${String(placement._id)}/response`).set(...student.auth).send({ text: ' ' }).expect(400);
    const answered = await request(tool.app).post(`/api/activities/${String(placement._id)}/response`).set(...student.auth).send({ text: 'I interviewed a nurse.' }).expect(200);
    expect(answered.body).toMatchObject({ status: 'submitted', response: 'I interviewed a nurse.' });
    expect(await jobFor(placement, student)).toMatchObject({ revision: 1, score: { activityProgress: 'Submitted', gradingProgress: 'PendingManual', scoreGiven: null } });

    // Edits while waiting replace the text without another PendingManual; after a revision request it goes back to submitted.
    await request(tool.app).post(`/api/activities/${String(placement._id)}/response`).set(...student.auth).send({ text: 'Edited.' }).expect(200);
    expect((await jobFor(placement, student))?.revision).toBe(1);
    await ActivityProgressModel.updateOne({ placementId: placement._id, userId: student.user._id }, { status: 'needs_revision' });
    await request(tool.app).post(`/api/activities/${String(placement._id)}/response`).set(...student.auth).send({ text: 'Revised.' }).expect(200);
    expect(await progressOf(placement, student)).toMatchObject({ status: 'submitted', response: 'Revised.' });
    expect((await jobFor(placement, student))?.revision).toBe(2);
    await ActivityProgressModel.updateOne({ placementId: placement._id, userId: student.user._id }, { status: 'completed' });
    await request(tool.app).post(`/api/activities/${String(placement._id)}/response`).set(...student.auth).send({ text: 'Late edit.' }).expect(409);

    // Built-in activities are answered in the plan, not here.
    const builtIn = await place(tenant, 'resume', 5);
    await request(tool.app).post(`/api/activities/${String(builtIn._id)}/response`).set(...student.auth).send({ text: 'x' }).expect(404);
  });
});

describe('authorization', () => {
  it('students cannot create custom activities, list the catalog or place activities; teachers cannot add custom ones', async () => {
    const tenant = await createTenant();
    const student = await signIn(tool.config, tenant, 'student');
    const teacher = await signIn(tool.config, tenant, 'teacher');
    const body = { title: 'x', prompt: 'x', evidence: 'x', gradeBands: ['9'], suggestedPoints: 1 };
    await request(tool.app).post('/api/activities/custom').set(...student.auth).send(body).expect(403);
    await request(tool.app).post('/api/activities/custom').set(...student.auth).send({ junk: true }).expect(403);
    await request(tool.app).post('/api/activities/custom').set(...teacher.auth).send(body).expect(403);
    await request(tool.app).get('/api/activities').set(...student.auth).expect(403);
    await request(tool.app).post('/api/deep-linking/response').set(...student.auth).send({ items: [{ activityId: 'resume', points: 1 }] }).expect(403);
    await request(tool.app).get('/api/activities').expect(401);
  });

  it("hides other districts' placements (404) and other courses' placements (403)", async () => {
    const home = await createTenant();
    const other = await createTenant();
    const student = await signIn(tool.config, home, 'student');
    const teacherElsewhere = await signIn(tool.config, home, 'teacher', { contextId: 'course-9' });
    const foreign = await place(other, 'resume', 5);
    const otherCourse = await place(home, 'resume', 5, 'course-2');
    const mine = await place(home, 'resume', 5);

    await request(tool.app).get(`/api/activities/placements/${String(foreign._id)}`).set(...student.auth).expect(404);
    await request(tool.app).post(`/api/activities/${String(foreign._id)}/response`).set(...student.auth).send({ text: 'x' }).expect(404);
    await request(tool.app).get(`/api/activities/placements/${String(otherCourse._id)}`).set(...student.auth).expect(403);
    await request(tool.app).get(`/api/activities/placements/${String(mine._id)}`).set(...teacherElsewhere.auth).expect(403);
    await request(tool.app).get('/api/activities/placements/not-an-id').set(...student.auth).expect(400);
    await PlacementModel.updateOne({ _id: mine._id }, { deletedAt: new Date() });
    await request(tool.app).get(`/api/activities/placements/${String(mine._id)}`).set(...student.auth).expect(404);
  });
});
