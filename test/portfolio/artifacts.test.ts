import http from 'node:http';
import request from 'supertest';
import mongoose from 'mongoose';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn, type SignedInUser } from '../support/factories';
import { ARTIFACT_LIMITS, type ArtifactView } from '../../shared/api/plan';
import type { AppRole } from '../../shared/roles';
import type { Tenant } from '../../server/tenants/tenant.model';
import { listArtifacts, MAX_ARTIFACTS_PER_STUDENT } from '../../server/portfolio/artifact.service';
import { safeFilename } from '../../server/portfolio/artifact.upload';
import { trustedTenantId } from '../../server/tenants/tenant-id';

let tool: TestApp;
beforeAll(async () => {
  tool = await startTestApp();
});
afterAll(async () => {
  await tool.close();
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const FILES = {
  pdf: { contentType: 'application/pdf', filename: 'resume.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]) },
  png: { contentType: 'image/png', filename: 'badge.png', bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(700, 7)]) },
  jpeg: { contentType: 'image/jpeg', filename: 'photo.jpg', bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300_000, 9)]) },
  docx: { contentType: DOCX, filename: 'essay.docx', bytes: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(900, 1)]) },
  txt: { contentType: 'text/plain', filename: 'notas.txt', bytes: Buffer.from('¿Quién soy? Soy María López, y me gusta el diseño.\n') },
} as const;
/** A Windows executable: "MZ" header and NUL bytes. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), Buffer.alloc(600, 0)]);

async function student(tenant?: Tenant): Promise<SignedInUser & { tenant: Tenant }> {
  const t = tenant ?? (await createTenant());
  return { ...(await signIn(tool.config, t, 'student')), tenant: t };
}

function upload(who: SignedInUser, file: { contentType: string; filename: string; bytes: Buffer }, fields: Record<string, string> = { type: 'resume', title: 'My resume' }) {
  let req = request(tool.app).post('/api/plans/me/artifacts').set(...who.auth);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', file.bytes, { filename: file.filename, contentType: file.contentType });
}

/** A supertest parser that keeps the body as bytes (superagent's types call its first argument a Response; it is the stream). */
const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => done(null, Buffer.concat(parts)));
};

async function gridfsCounts(): Promise<{ files: number; chunks: number }> {
  const db = mongoose.connection.db!;
  return { files: await db.collection('artifacts.files').countDocuments({}), chunks: await db.collection('artifacts.chunks').countDocuments({}) };
}

/** A multipart body sent with Transfer-Encoding: chunked (no Content-Length), in 64 KB writes. */
function chunkedUpload(token: string, fileBytes: Buffer, contentType = 'application/pdf'): Promise<{ status: number; body: { error?: string } }> {
  const boundary = 'ecapBoundary7MA4YWxkTrZu0gW';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nwork_sample\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBig one\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const body = Buffer.concat([head, fileBytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const url = new URL('/api/plans/me/artifacts', tool.baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` } }, (res) => {
      binary(res, (_e, buf) => resolve({ status: res.statusCode ?? 0, body: JSON.parse(buf.toString('utf8') || '{}') }));
    });
    req.on('error', reject);
    expect(req.getHeader('content-length')).toBeUndefined();
    let offset = 0;
    const pump = () => {
      while (offset < body.length) {
        const slice = body.subarray(offset, offset + 64 * 1024);
        offset += slice.length;
        if (!req.write(slice)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('uploading portfolio artifacts', () => {
  it.each(Object.entries(FILES))('stores a %s file and returns the artifact', async (_kind, file) => {
    const me = await student();
    const res = await upload(me, file, { type: 'work_sample', title: `  Sample ${file.filename}  ` }).expect(201);
    const view = res.body as ArtifactView;
    expect(view).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      type: 'work_sample',
      title: `Sample ${file.filename}`,
      filename: file.filename,
      contentType: file.contentType,
      size: file.bytes.length,
      uploadedAt: expect.any(String),
    });
    const download = await request(tool.app).get(`/api/plans/me/artifacts/${view.id}/download`).set(...me.auth).buffer(true).parse(binary as never).expect(200);
    expect(Buffer.compare(download.body as Buffer, file.bytes)).toBe(0);
    expect(download.headers['content-type']).toBe(file.contentType);
  });

  it('accepts a file of exactly the size limit', async () => {
    const me = await student();
    const bytes = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(ARTIFACT_LIMITS.maxBytes - 5, 0x41)]);
    const res = await upload(me, { contentType: 'application/pdf', filename: 'max.pdf', bytes }).expect(201);
    expect(res.body.size).toBe(ARTIFACT_LIMITS.maxBytes);
  });

  it('refuses a file over the limit with 413 when the Content-Length says so up front, storing nothing', async () => {
    const me = await student();
    const before = await gridfsCounts();
    const bytes = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(ARTIFACT_LIMITS.maxBytes + 100_000, 0x41)]);
    const res = await upload(me, { contentType: 'application/pdf', filename: 'huge.pdf', bytes }).expect(413);
    expect(res.body).toMatchObject({ error: 'payload_too_large', message: expect.stringContaining('10 MB') });
    expect(await gridfsCounts()).toEqual(before);
  });

  it('refuses a file one byte over the limit while streaming (Content-Length within the multipart slack) and deletes the partial file', async () => {
    const me = await student();
    const before = await gridfsCounts();
    const bytes = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(ARTIFACT_LIMITS.maxBytes - 4, 0x41)]);
    const res = await upload(me, { contentType: 'application/pdf', filename: 'over.pdf', bytes }).expect(413);
    expect(res.body.error).toBe('payload_too_large');
    expect(await gridfsCounts()).toEqual(before);
  });

  it('refuses a chunked upload (no Content-Length) over the limit with 413 and deletes the partial file', async () => {
    const me = await student();
    const before = await gridfsCounts();
    const res = await chunkedUpload(me.token, Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(ARTIFACT_LIMITS.maxBytes + 3 * 1024 * 1024, 0x41)]));
    expect(res).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
    expect(await gridfsCounts()).toEqual(before);
    // A chunked upload within the limit is fine.
    const ok = await chunkedUpload(me.token, Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(200_000, 0x41)]));
    expect(ok.status).toBe(201);
  });

  it.each([
    ['a type not on the list', { contentType: 'image/gif', filename: 'a.gif', bytes: Buffer.from('GIF89a....') }],
    ['an executable', { contentType: 'application/x-msdownload', filename: 'setup.exe', bytes: EXE }],
    ['an executable renamed to .pdf', { contentType: 'application/pdf', filename: 'resume.pdf', bytes: EXE }],
    ['an executable sent as text', { contentType: 'text/plain', filename: 'notes.txt', bytes: EXE }],
    ['a PNG that claims to be a JPEG', { contentType: 'image/jpeg', filename: 'x.jpg', bytes: FILES.png.bytes }],
    ['a zip that claims to be text', { contentType: 'text/plain', filename: 'x.txt', bytes: FILES.docx.bytes }],
  ])('refuses %s with 415 and stores nothing', async (_name, file) => {
    const me = await student();
    const before = await gridfsCounts();
    const res = await upload(me, file).expect(415);
    expect(res.body).toMatchObject({ error: 'unsupported_media_type', message: expect.any(String) });
    expect(await gridfsCounts()).toEqual(before);
  });

  it('refuses a request that is not multipart with 415', async () => {
    const me = await student();
    const json = await request(tool.app).post('/api/plans/me/artifacts').set(...me.auth).send({ type: 'resume', title: 'x' }).expect(415);
    expect(json.body.error).toBe('unsupported_media_type');
    await request(tool.app).post('/api/plans/me/artifacts').set(...me.auth).set('Content-Type', 'application/pdf').send(FILES.pdf.bytes.toString('latin1')).expect(415);
  });

  it('answers 400 with field errors for bad fields, a missing or empty file, or the file before the fields', async () => {
    const me = await student();
    const before = await gridfsCounts();
    const badFields = await upload(me, FILES.pdf, { type: 'diploma', title: 'x'.repeat(161) }).expect(400);
    expect(Object.keys(badFields.body.fields).sort()).toEqual(['title', 'type']);
    const noTitle = await upload(me, FILES.pdf, { type: 'resume', title: '   ' }).expect(400);
    expect(noTitle.body.fields.title).toEqual(['Enter a title']);

    const noFile = await request(tool.app).post('/api/plans/me/artifacts').set(...me.auth).field('type', 'resume').field('title', 'Resume').expect(400);
    expect(noFile.body).toMatchObject({ error: 'validation_error', fields: { file: ['Choose a file to upload'] } });

    const empty = await upload(me, { contentType: 'text/plain', filename: 'e.txt', bytes: Buffer.alloc(0) }).expect(400);
    expect(empty.body.fields.file).toEqual(['The file is empty']);

    const fileFirst = await request(tool.app)
      .post('/api/plans/me/artifacts')
      .set(...me.auth)
      .attach('file', FILES.pdf.bytes, { filename: 'r.pdf', contentType: 'application/pdf' })
      .field('type', 'resume')
      .field('title', 'Resume')
      .expect(400);
    expect(fileFirst.body.fields.type).toBeDefined();

    const twoFiles = await upload(me, FILES.pdf).attach('other', FILES.txt.bytes, { filename: 'b.txt', contentType: 'text/plain' }).expect(400);
    expect(twoFiles.body.fields.file).toBeDefined();

    const unknownField = await upload(me, FILES.pdf, { type: 'resume', title: 'R', owner: 'someone-else' }).expect(400);
    expect(unknownField.body.fields.owner).toEqual(['Unknown field']);

    const broken = await request(tool.app).post('/api/plans/me/artifacts').set(...me.auth).set('Content-Type', 'multipart/form-data; boundary=xyz').send('--xyz\r\nContent-Disposition: form-data; name="type"\r\n\r\nres').expect(400);
    expect(broken.body.error).toBe('validation_error');
    const cutMidFile = await request(tool.app)
      .post('/api/plans/me/artifacts')
      .set(...me.auth)
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send(
        '--xyz\r\nContent-Disposition: form-data; name="type"\r\n\r\nresume\r\n--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nR\r\n' +
          `--xyz\r\nContent-Disposition: form-data; name="file"; filename="r.txt"\r\nContent-Type: text/plain\r\n\r\n${'cut short '.repeat(200)}`,
      )
      .expect(400);
    expect(cutMidFile.body.error).toBe('validation_error');
    expect(await gridfsCounts()).toEqual(before);
  });

  it(`holds at most ${MAX_ARTIFACTS_PER_STUDENT} artifacts per student (409 beyond)`, async () => {
    const me = await student();
    for (let i = 0; i < MAX_ARTIFACTS_PER_STUDENT; i++) await upload(me, FILES.txt, { type: 'other', title: `Note ${i}` }).expect(201);
    const res = await upload(me, FILES.txt, { type: 'other', title: 'One too many' }).expect(409);
    expect(res.body.error).toBe('conflict');
    expect(await listArtifacts(trustedTenantId(me.tenant._id), String(me.user._id))).toHaveLength(MAX_ARTIFACTS_PER_STUDENT);
  });
});

describe('listing, downloading and deleting', () => {
  it('lists newest first, downloads as an attachment with nosniff, and deletes', async () => {
    const me = await student();
    const first = (await upload(me, { ...FILES.pdf, filename: 'Currículum López; 100% (final).pdf' }, { type: 'resume', title: 'Currículum' }).expect(201)).body as ArtifactView;
    const second = (await upload(me, FILES.png, { type: 'certificate', title: 'CPR' }).expect(201)).body as ArtifactView;

    const list = await request(tool.app).get('/api/plans/me/artifacts').set(...me.auth).expect(200);
    expect((list.body as ArtifactView[]).map((a) => a.id)).toEqual([second.id, first.id]);
    expect(list.body[1]).toEqual(first);
    expect(await listArtifacts(trustedTenantId(me.tenant._id), String(me.user._id))).toEqual(list.body);

    const dl = await request(tool.app).get(`/api/plans/me/artifacts/${first.id}/download`).set(...me.auth).buffer(true).parse(binary as never).expect(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="Curriculum Lopez_ 100_ (final).pdf"; filename*=UTF-8''Curr%C3%ADculum%20L%C3%B3pez%3B%20100%25%20%28final%29.pdf`,
    );
    expect(Number(dl.headers['content-length'])).toBe(FILES.pdf.bytes.length);

    await request(tool.app).delete(`/api/plans/me/artifacts/${first.id}`).set(...me.auth).expect(204);
    await request(tool.app).delete(`/api/plans/me/artifacts/${first.id}`).set(...me.auth).expect(404);
    await request(tool.app).get(`/api/plans/me/artifacts/${first.id}/download`).set(...me.auth).expect(404);
    const after = await request(tool.app).get('/api/plans/me/artifacts').set(...me.auth).expect(200);
    expect(after.body).toEqual([second]);
    const db = mongoose.connection.db!;
    expect(await db.collection('artifacts.chunks').countDocuments({ files_id: new mongoose.Types.ObjectId(first.id) })).toBe(0);
  });

  it('keeps a path and control characters out of the stored file name', async () => {
    const me = await student();
    const res = await upload(me, { ...FILES.txt, filename: 'C:\\fakepath\\..\\evil.txt' }).expect(201);
    expect(res.body.filename).toBe('evil.txt');
    expect(safeFilename('../a/\u0007b<c>.pdf', 'application/pdf')).toBe('bc.pdf');
    expect(safeFilename('...', 'image/png')).toBe('artifact.png');
    expect(safeFilename(undefined, 'text/plain')).toBe('artifact.txt');
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    const me = await student();
    const bad = await request(tool.app).get('/api/plans/me/artifacts/not-an-id/download').set(...me.auth).expect(400);
    expect(bad.body.fields.id).toBeDefined();
    await request(tool.app).delete('/api/plans/me/artifacts/%7B%22%24ne%22%3Anull%7D').set(...me.auth).expect(400);
    await request(tool.app).get(`/api/plans/me/artifacts/${new mongoose.Types.ObjectId().toHexString()}/download`).set(...me.auth).expect(404);
    await request(tool.app).delete(`/api/plans/me/artifacts/${new mongoose.Types.ObjectId().toHexString()}`).set(...me.auth).expect(404);
  });
});

describe('who may touch an artifact', () => {
  it('never shows, serves or deletes a file for another student, in the same tenant or another', async () => {
    const owner = await student();
    const file = (await upload(owner, FILES.pdf).expect(201)).body as ArtifactView;
    const sameTenant = await student(owner.tenant);
    const otherTenant = await student();
    for (const other of [sameTenant, otherTenant]) {
      expect((await request(tool.app).get('/api/plans/me/artifacts').set(...other.auth).expect(200)).body).toEqual([]);
      const dl = await request(tool.app).get(`/api/plans/me/artifacts/${file.id}/download`).set(...other.auth).expect(404);
      expect(dl.body.error).toBe('not_found');
      await request(tool.app).delete(`/api/plans/me/artifacts/${file.id}`).set(...other.auth).expect(404);
    }
    expect(await listArtifacts(trustedTenantId(otherTenant.tenant._id), String(owner.user._id))).toEqual([]);
    expect((await request(tool.app).get('/api/plans/me/artifacts').set(...owner.auth).expect(200)).body).toEqual([file]);
  });

  it.each(['teacher', 'admin', 'parent'] as AppRole[])('answers 403 to a %s on every artifact route', async (role) => {
    const owner = await student();
    const file = (await upload(owner, FILES.pdf).expect(201)).body as ArtifactView;
    const staff = await signIn(tool.config, owner.tenant, role);
    const before = await gridfsCounts();
    await request(tool.app).get('/api/plans/me/artifacts').set(...staff.auth).expect(403);
    await upload(staff, FILES.pdf).expect(403);
    await request(tool.app).get(`/api/plans/me/artifacts/${file.id}/download`).set(...staff.auth).expect(403);
    await request(tool.app).delete(`/api/plans/me/artifacts/${file.id}`).set(...staff.auth).expect(403);
    expect(await gridfsCounts()).toEqual(before);
  });

  it('answers 401 without a session', async () => {
    await request(tool.app).get('/api/plans/me/artifacts').expect(401);
  });
});
