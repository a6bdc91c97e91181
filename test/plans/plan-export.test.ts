import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn } from '../support/factories';
import { PlanAuditModel } from '../../server/plans/plan-audit.model';
import { pdfFilename } from '../../server/plans/plan-export.command';
import { putSection, validSections } from './support';

let tool: TestApp;
beforeAll(async () => {
  tool = await startTestApp();
});
afterAll(async () => {
  await tool.close();
});

/** Collects the raw response bytes (superagent types the stream as its Response). */
const binary = ((res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}) as unknown as Parameters<request.Test['parse']>[0];

describe('PDF export', () => {
  it('gives the student their plan as a PDF attachment and records the export', async () => {
    const tenant = await createTenant();
    const me = await signIn(tool.config, tenant, 'student', { name: 'Ana Ruíz' });
    await putSection(tool, me, 'goals', 0, validSections().goals).expect(200);
    const res = await request(tool.app).get('/api/plans/me/export.pdf?locale=es').set(...me.auth).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="ecap-ana-ruiz-2026-2027.pdf"');
    expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await PlanAuditModel.countDocuments({ studentId: me.user._id, action: 'export' })).toBe(1);
  });

  it('lets a teacher of the course export a student plan, and nobody else', async () => {
    const tenant = await createTenant();
    const student = await signIn(tool.config, tenant, 'student');
    const teacher = await signIn(tool.config, tenant, 'teacher');
    const stranger = await signIn(tool.config, tenant, 'teacher', { contextId: 'course-7' });
    const classmate = await signIn(tool.config, tenant, 'student');
    const path = `/api/plans/${String(student.user._id)}/export.pdf`;
    const ok = await request(tool.app).get(path).set(...teacher.auth).buffer(true).parse(binary).expect(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    await request(tool.app).get(path).set(...stranger.auth).expect(403);
    await request(tool.app).get(path).set(...classmate.auth).expect(403);
    const adminB = await signIn(tool.config, await createTenant(), 'admin', { contextId: null });
    await request(tool.app).get(path).set(...adminB.auth).expect(404);
    await request(tool.app).get('/api/plans/me/export.pdf?locale=fr').set(...student.auth).expect(400);
  });

  it('makes safe file names', () => {
    expect(pdfFilename({ studentName: '../"Zoë" O\'Brien\r\n', schoolYear: '2026-2027' })).toBe('ecap-zoe-o-brien-2026-2027.pdf');
    expect(pdfFilename({ studentName: '李雷', schoolYear: '2026-2027' })).toBe('ecap-plan-2026-2027.pdf');
  });
});
