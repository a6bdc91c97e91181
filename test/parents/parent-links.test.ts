import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn, type SignedInUser } from '../support/factories';
import { ParentLinkModel } from '../../server/parents/parent-link.model';
import { PlanAuditModel } from '../../server/plans/plan-audit.model';
import type { Tenant } from '../../server/tenants/tenant.model';
import type { CreatedParentLink, ParentLinkView } from '../../shared/api/parent-links';
import type { PlanSnapshotSummary } from '../../shared/api/plan';

let tool: TestApp;
let tenant: Tenant;
let student: SignedInUser;
let teacher: SignedInUser;

beforeAll(async () => {
  tool = await startTestApp();
  tenant = await createTenant();
  student = await signIn(tool.config, tenant, 'student', { name: 'Diego Luna' });
  teacher = await signIn(tool.config, tenant, 'teacher', { name: 'Ms. Park' });
  await request(tool.app).post('/api/plans/me/annual-review').set(...student.auth).send({ reflection: 'My year.' }).expect(200);
});
afterAll(() => tool.close());

const sid = () => String(student.user._id);
const create = (who: SignedInUser, body: object, studentId = sid()) =>
  request(tool.app).post(`/api/plans/${studentId}/parent-links`).set(...who.auth).send(body);
const pathOf = (url: string) => new URL(url).pathname;
/** Opens a link as the parent's browser does; returns the session token from the redirect. */
async function open(url: string): Promise<string> {
  const res = await request(tool.app).get(pathOf(url)).expect(303);
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  const token = /#t=([^&]+)$/.exec(res.headers.location ?? '')?.[1];
  if (!token) throw new Error(`no session in ${res.headers.location}`);
  return token;
}
const as = (token: string) => ['Authorization', `Bearer ${token}`] as const;

describe('parent links (parents without an LMS account)', () => {
  it('lets a teacher make a link that opens the child’s plan as a parent, who can sign the annual review', async () => {
    const res = await create(teacher, { guardianName: '  Ana Luna ', locale: 'es', expiresInDays: 7 }).expect(201);
    const link = res.body as CreatedParentLink;
    expect(link).toMatchObject({ guardianName: 'Ana Luna', locale: 'es', createdByName: 'Ms. Park', status: 'active', revokedAt: null, lastUsedAt: null });
    expect(link.url).toMatch(new RegExp(`^${tool.config.baseUrl}/parent-link/[A-Za-z0-9_-]{43}$`));
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    // Only a hash of the secret is stored.
    const stored = await ParentLinkModel.findById(link.id).lean();
    expect(JSON.stringify(stored)).not.toContain(pathOf(link.url).split('/').pop());

    const session = await open(link.url);
    const me = await request(tool.app).get('/api/session').set(...as(session)).expect(200);
    expect(me.body).toMatchObject({ user: { name: 'Ana Luna', role: 'parent', locale: 'es' }, messageType: 'ParentLink', context: null });
    const mentees = await request(tool.app).get('/api/mentees').set(...as(session)).expect(200);
    expect(mentees.body.mentees).toEqual([{ id: sid(), ltiSubject: student.user.ltiSubject, name: 'Diego Luna' }]);
    await request(tool.app).get(`/api/plans/${sid()}`).set(...as(session)).expect(200);
    const signed = await request(tool.app)
      .post(`/api/plans/${sid()}/snapshots/2026-2027/signatures`)
      .set(...as(session))
      .send({ typedName: 'Ana Luna', confirm: true })
      .expect(201);
    expect((signed.body as PlanSnapshotSummary).parentSignatures).toEqual([expect.objectContaining({ parentName: 'Ana Luna', mine: true })]);
    expect(await PlanAuditModel.countDocuments({ studentId: student.user._id, actorRole: 'parent', action: 'sign' })).toBe(1);

    const list = (await request(tool.app).get(`/api/plans/${sid()}/parent-links`).set(...teacher.auth).expect(200)).body as ParentLinkView[];
    expect(list).toEqual([expect.objectContaining({ id: link.id, status: 'active', lastUsedAt: expect.any(String) })]);
    expect(JSON.stringify(list)).not.toContain('/parent-link/');
  });

  it('gives a link’s parent this child only: no other student, no staff or student actions', async () => {
    const link = (await create(teacher, { guardianName: 'Only Diego' }).expect(201)).body as CreatedParentLink;
    const session = await open(link.url);
    const other = await signIn(tool.config, tenant, 'student');
    await request(tool.app).get(`/api/plans/${String(other.user._id)}`).set(...as(session)).expect(403);
    await request(tool.app).get('/api/plans/me').set(...as(session)).expect(403);
    await request(tool.app).post(`/api/plans/${sid()}/notes`).set(...as(session)).send({ text: 'hi', intervention: false }).expect(403);
    await create({ ...teacher, auth: [...as(session)] }, { guardianName: 'X' }).expect(403);
  });

  it('stops working when revoked, for the link and for a session already opened from it', async () => {
    const link = (await create(teacher, { guardianName: 'Revoked Parent' }).expect(201)).body as CreatedParentLink;
    const session = await open(link.url);
    const revoked = await request(tool.app).delete(`/api/plans/${sid()}/parent-links/${link.id}`).set(...teacher.auth).expect(200);
    expect(revoked.body).toMatchObject({ id: link.id, status: 'revoked', revokedAt: expect.any(String) });
    const page = await request(tool.app).get(pathOf(link.url)).expect(410);
    expect(page.text).toContain('This link has expired');
    await request(tool.app).get(`/api/plans/${sid()}`).set(...as(session)).expect(403);
  });

  it('ends on its own at the expiry, and answers unknown links in the browser’s language', async () => {
    const link = (await create(teacher, { guardianName: 'Late Parent', locale: 'es' }).expect(201)).body as CreatedParentLink;
    await ParentLinkModel.updateOne({ _id: link.id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const ended = await request(tool.app).get(pathOf(link.url)).expect(410);
    expect(ended.text).toContain('Este enlace ya venció');
    const unknown = await request(tool.app).get('/parent-link/not-a-real-link-at-all-0123456789abcdefghijk').set('Accept-Language', 'es').expect(404);
    expect(unknown.text).toContain('Este enlace no funciona');
    await request(tool.app).get(`/parent-link/${'A'.repeat(43)}`).expect(404);
  });

  it('validates what staff send and who they send it for', async () => {
    const bad = await create(teacher, { guardianName: '', expiresInDays: 61, locale: 'fr' }).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['expiresInDays', 'guardianName', 'locale']);
    await create(teacher, { guardianName: 'A', extra: true }).expect(400);
    await create(student, { guardianName: 'Self' }).expect(403);
    const otherTeacher = await signIn(tool.config, tenant, 'teacher', { contextId: 'course-elsewhere' });
    await create(otherTeacher, { guardianName: 'Nope' }).expect(403);
    await request(tool.app).get(`/api/plans/${sid()}/parent-links`).set(...otherTeacher.auth).expect(403);
    const foreign = await signIn(tool.config, await createTenant(), 'admin');
    await create(foreign, { guardianName: 'Nope' }).expect(404);
    await request(tool.app).delete(`/api/plans/${sid()}/parent-links/${'0'.repeat(24)}`).set(...teacher.auth).expect(404);
  });
});
