import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn, type SignedInUser } from '../support/factories';
import { putSection, validSections } from '../plans/support';
import { UserModel } from '../../server/users/user.model';
import { PlanModel } from '../../server/plans/plan.model';
import { PlanSnapshotModel } from '../../server/plans/plan-snapshot.model';
import { PlanAuditModel } from '../../server/plans/plan-audit.model';
import { ParentLinkModel } from '../../server/parents/parent-link.model';
import { LaunchModel } from '../../server/lti/launch.model';
import { RosterCacheModel } from '../../server/roster/roster-cache.model';
import type { Tenant } from '../../server/tenants/tenant.model';
import type { PrivacyEventView, StudentDeletionResult, StudentMatch } from '../../shared/api/privacy';
import mongoose from 'mongoose';

let tool: TestApp;
let tenant: Tenant;
let admin: SignedInUser;
let teacher: SignedInUser;
let lena: SignedInUser;
let omar: SignedInUser;
let foreignStudent: SignedInUser;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 0x20), Buffer.from('\n%%EOF\n')]);

/** A student with a bit of everything: plan, submitted year, a file, a teacher's note and a parent link. */
async function busyStudent(name: string): Promise<SignedInUser> {
  const s = await signIn(tool.config, tenant, 'student', { name });
  await putSection(tool, s, 'goals', 0, validSections().goals).expect(200);
  await request(tool.app).post('/api/plans/me/annual-review').set(...s.auth).send({ reflection: `${name}'s year` }).expect(200);
  await request(tool.app).post('/api/plans/me/artifacts').set(...s.auth).field('type', 'resume').field('title', `${name} resume`).attach('file', PDF, { filename: 'r.pdf', contentType: 'application/pdf' }).expect(201);
  await request(tool.app).post(`/api/plans/${String(s.user._id)}/notes`).set(...teacher.auth).send({ text: `Note for ${name}`, intervention: false }).expect(201);
  await request(tool.app).post(`/api/plans/${String(s.user._id)}/parent-links`).set(...teacher.auth).send({ guardianName: `Parent of ${name}` }).expect(201);
  return s;
}

beforeAll(async () => {
  tool = await startTestApp();
  tenant = await createTenant();
  admin = await signIn(tool.config, tenant, 'admin', { name: 'Dr. Admin', contextId: null });
  teacher = await signIn(tool.config, tenant, 'teacher', { name: 'Ms. Teacher' });
  lena = await busyStudent('Lena Ortiz');
  omar = await busyStudent('Omar Haddad');
  await RosterCacheModel.create({
    tenantId: tenant._id,
    contextId: 'course-1',
    members: [lena, omar].map((s) => ({ ltiSubject: s.user.ltiSubject, name: s.user.name, email: null, roles: ['Learner'] })),
    fetchedAt: new Date(),
  });
  const elsewhere = await createTenant();
  foreignStudent = await signIn(tool.config, elsewhere, 'student', { name: 'Lena Foreign' });
  await putSection(tool, foreignStudent, 'goals', 0, validSections().goals).expect(200);
});
afterAll(() => tool.close());

type Line = { collection?: string; document?: Record<string, unknown>; format?: string; end?: boolean; counts?: Record<string, number> };
async function exportLines(who: SignedInUser): Promise<Line[]> {
  const res = await request(tool.app)
    .get('/api/tenant/export')
    .set(...who.auth)
    .buffer(true)
    .parse((r, cb) => {
      const parts: Buffer[] = [];
      r.on('data', (c: Buffer) => parts.push(c));
      r.on('end', () => cb(null, Buffer.concat(parts)));
    })
    .expect(200);
  expect(res.headers['content-type']).toBe('application/gzip');
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ecap-export-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.ndjson\.gz"$/);
  return gunzipSync(res.body as Buffer).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Line);
}

describe('district export', () => {
  it('gives an admin every record of the district, files included, with a trailer that counts them', async () => {
    const lines = await exportLines(admin);
    expect(lines[0]).toMatchObject({ format: 'ecap-planner-district-export', version: 1, tenantId: String(tenant._id) });
    const trailer = lines.at(-1)!;
    expect(trailer.end).toBe(true);
    const records = lines.slice(1, -1);
    const count = (c: string) => records.filter((l) => l.collection === c).length;
    for (const [c, n] of Object.entries(trailer.counts!)) expect([c, count(c)]).toEqual([c, n]);
    expect(count('plans')).toBe(2);
    expect(count('planSnapshots')).toBe(2);
    expect(count('parentLinks')).toBe(2);
    expect(count('users')).toBe(await UserModel.countDocuments({ tenantId: tenant._id }));
    const files = records.filter((l) => l.collection === 'portfolioFiles');
    expect(files.map((f) => Buffer.from(String(f.document?.contentBase64), 'base64').equals(PDF))).toEqual([true, true]);
    // Nothing of another district, and no secret.
    const text = JSON.stringify(records);
    expect(text).not.toContain('Lena Foreign');
    expect(text).not.toContain(String(foreignStudent.user._id));
    expect(text).not.toContain('tokenHash');
    const events = (await request(tool.app).get('/api/tenant/privacy-events').set(...admin.auth).expect(200)).body as PrivacyEventView[];
    expect(events[0]).toMatchObject({ action: 'export', actorName: 'Dr. Admin', subjectName: null, counts: trailer.counts });
  });

  it('is for district admins only', async () => {
    await request(tool.app).get('/api/tenant/export').set(...teacher.auth).expect(403);
    await request(tool.app).get('/api/tenant/export').set(...lena.auth).expect(403);
    await request(tool.app).get('/api/tenant/privacy-events').set(...teacher.auth).expect(403);
  });
});

describe("deleting a student's data on request", () => {
  it('finds students by name or LMS user id, within the district only', async () => {
    const byName = (await request(tool.app).get('/api/tenant/students?q=lena').set(...admin.auth).expect(200)).body as StudentMatch[];
    expect(byName).toEqual([{ id: String(lena.user._id), name: 'Lena Ortiz', ltiSubject: lena.user.ltiSubject, courses: ['Advisory 9A'], lastLaunchAt: expect.any(String) }]);
    const bySub = (await request(tool.app).get(`/api/tenant/students?q=${omar.user.ltiSubject}`).set(...admin.auth).expect(200)).body as StudentMatch[];
    expect(bySub.map((s) => s.name)).toEqual(['Omar Haddad']);
    await request(tool.app).get('/api/tenant/students?q=(.*').set(...admin.auth).expect(200); // a regex character is text
    await request(tool.app).get('/api/tenant/students?q=a').set(...admin.auth).expect(400);
    await request(tool.app).get('/api/tenant/students?q=lena').set(...teacher.auth).expect(403);
  });

  it('refuses without the student’s name typed again, and deletes nothing', async () => {
    const res = await request(tool.app).delete(`/api/tenant/students/${String(lena.user._id)}`).set(...admin.auth).send({ confirmName: 'Lena' }).expect(400);
    expect(res.body.fields).toEqual({ confirmName: ['Type the student’s name exactly as shown.'] });
    await request(tool.app).delete(`/api/tenant/students/${String(lena.user._id)}`).set(...admin.auth).send({}).expect(400);
    await request(tool.app).delete(`/api/tenant/students/${String(lena.user._id)}`).set(...teacher.auth).send({ confirmName: 'Lena Ortiz' }).expect(403);
    const foreignAdmin = await signIn(tool.config, await createTenant(), 'admin');
    await request(tool.app).delete(`/api/tenant/students/${String(lena.user._id)}`).set(...foreignAdmin.auth).send({ confirmName: 'Lena Ortiz' }).expect(404);
    expect(await PlanModel.countDocuments({ studentId: lena.user._id })).toBe(1);
  });

  it('removes every record of the student and only theirs, and records that it did', async () => {
    const id = lena.user._id;
    const res = await request(tool.app).delete(`/api/tenant/students/${String(id)}`).set(...admin.auth).send({ confirmName: ' lena ortiz ' }).expect(200);
    const result = res.body as StudentDeletionResult;
    expect(result.studentName).toBe('Lena Ortiz');
    expect(result.deleted).toMatchObject({ portfolioFiles: 1, planSnapshots: 1, plans: 1, parentLinks: 1, rosterEntries: 1, users: 1 });
    expect(result.deleted.auditEntries).toBeGreaterThan(0);
    expect(result.deleted.launches).toBeGreaterThan(0);

    expect(await UserModel.countDocuments({ _id: id })).toBe(0);
    expect(await PlanModel.countDocuments({ studentId: id })).toBe(0);
    expect(await PlanSnapshotModel.countDocuments({ studentId: id })).toBe(0);
    expect(await PlanAuditModel.countDocuments({ studentId: id })).toBe(0);
    expect(await ParentLinkModel.countDocuments({ studentId: id })).toBe(0);
    expect(await LaunchModel.countDocuments({ userId: id })).toBe(0);
    const files = mongoose.connection.db!.collection('artifacts.files');
    expect(await files.countDocuments({ 'metadata.studentId': String(id) })).toBe(0);
    const roster = await RosterCacheModel.findOne({ tenantId: tenant._id }).lean();
    expect(roster?.members.map((m) => m.name)).toEqual(['Omar Haddad']);
    // The other student is untouched; the old session no longer reaches anything.
    expect(await PlanModel.countDocuments({ studentId: omar.user._id })).toBe(1);
    expect(await files.countDocuments({ 'metadata.studentId': String(omar.user._id) })).toBe(1);
    await request(tool.app).get('/api/session').set(...lena.auth).expect(401);

    const events = (await request(tool.app).get('/api/tenant/privacy-events').set(...admin.auth).expect(200)).body as PrivacyEventView[];
    expect(events[0]).toMatchObject({ action: 'delete_student', actorName: 'Dr. Admin', subjectName: 'Lena Ortiz', counts: result.deleted });
    await request(tool.app).delete(`/api/tenant/students/${String(id)}`).set(...admin.auth).send({ confirmName: 'Lena Ortiz' }).expect(404);
  });
});
