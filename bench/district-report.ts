/**
 * District completion report benchmark (DESIGN.md budget: district report over 50,000 students < 2 s).
 * The tool's app runs in this process; MongoDB is its own process (MONGOMS_SYSTEM_BINARY for the stand-in). A
 * district of N students in 20 schools, grades 6-12, is written straight into MongoDB with plan-sized documents:
 * every student has a plan, two thirds submitted last year and half submitted this year (snapshots carry a copy
 * of the plan, as real ones do), with advisor reviews and parent signatures on some.
 * Usage: npx tsx bench/district-report.ts [students=50000] [requests=5]; writes docs/benchmarks/district-report.md.
 */
import os from 'node:os';
import { MongoMemoryServer } from 'mongodb-memory-server';
import { Types } from 'mongoose';
import { writeReport } from './support/tool-process';

const STUDENTS = Number(process.argv[2] ?? 50_000);
const REQUESTS = Number(process.argv[3] ?? 5);
const SCHOOLS = 20;
const BATCH = 2_000;

async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'error';
  const mongod = await MongoMemoryServer.create();
  process.env.ECAP_TEST_MONGO_URI = mongod.getUri();
  const { startTestApp } = await import('../test/support/app-harness');
  const { createTenant, signIn } = await import('../test/support/factories');
  const { validSections } = await import('../test/plans/support');
  const { TenantModel } = await import('../server/tenants/tenant.model');
  const { UserModel } = await import('../server/users/user.model');
  const { PlanModel } = await import('../server/plans/plan.model');
  const { PlanSnapshotModel } = await import('../server/plans/plan-snapshot.model');

  const tool = await startTestApp({ env: { LOG_LEVEL: 'error' } });
  const tenant = await createTenant();
  const schools = Array.from({ length: SCHOOLS }, (_, i) => ({ deploymentId: `school-${i}`, name: `School ${i + 1}`, source: 'manual', addedAt: new Date() }));
  await TenantModel.updateOne({ _id: tenant._id }, { $set: { deployments: schools } });
  const admin = await signIn(tool.config, tenant, 'admin', { contextId: null });

  const sections = validSections();
  const stored = Object.fromEntries(Object.entries(sections).map(([k, data]) => [k, { version: 3, updatedAt: new Date(), data }]));
  const started = performance.now();
  for (let from = 0; from < STUDENTS; from += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, STUDENTS - from) }, () => new Types.ObjectId());
    const n = (k: number) => from + k;
    const schoolOf = (k: number) => `school-${n(k) % SCHOOLS}`;
    const gradeOf = (k: number) => 6 + (n(k) % 7);
    await UserModel.collection.insertMany(
      ids.map((_id, k) => ({
        _id,
        tenantId: tenant._id,
        ltiSubject: `bench-${n(k)}`,
        name: `Student ${n(k)}`,
        email: null,
        locale: 'en',
        role: 'student',
        ltiRoles: [],
        contexts: [{ contextId: `course-${n(k) % 400}`, title: 'Advisory', deploymentId: schoolOf(k), role: 'student', lastLaunchAt: new Date() }],
        menteeSubjects: [],
        caseloadDeploymentIds: [],
        lastLaunchAt: new Date(),
      })),
    );
    const submittedNow = (k: number) => n(k) % 2 === 0;
    await PlanModel.collection.insertMany(
      ids.map((studentId, k) => ({
        tenantId: tenant._id,
        studentId,
        schoolYear: submittedNow(k) ? '2027-2028' : '2026-2027',
        sections: { ...stored, profile: { version: 1, updatedAt: new Date(), data: { grade: gradeOf(k), graduationYear: 2030, careerStage: 'exploration' } } },
        interestResult: null,
        advisorNotes: [],
        annualReview: { schoolYear: '2026-2027', status: submittedNow(k) ? 'submitted' : 'open', submittedAt: null },
      })),
    );
    const snapshot = (k: number, studentId: Types.ObjectId, schoolYear: string, grade: number) => ({
      tenantId: tenant._id,
      studentId,
      schoolYear,
      grade,
      submittedAt: new Date(),
      reflection: 'A year of learning what I like.',
      sections: stored,
      interestResult: null,
      attributesComplete: { academic: true, career: n(k) % 3 !== 0, postsecondary: true, extracurricular: true },
      deploymentIds: [schoolOf(k)],
      advisorReview: n(k) % 4 !== 3 ? { reviewerId: admin.user._id, reviewerName: 'Counselor', reviewedAt: new Date(), comment: '' } : null,
      parentSignatures: n(k) % 5 < 3 ? [{ parentId: new Types.ObjectId(), parentName: 'Parent', typedName: 'Parent', signedAt: new Date() }] : [],
    });
    await PlanSnapshotModel.collection.insertMany([
      ...ids.flatMap((id, k) => (n(k) % 3 !== 2 && gradeOf(k) > 6 ? [snapshot(k, id, '2025-2026', gradeOf(k) - 1)] : [])),
      ...ids.flatMap((id, k) => (submittedNow(k) ? [snapshot(k, id, '2026-2027', gradeOf(k))] : [])),
    ]);
  }
  const seeding = (performance.now() - started) / 1000;

  const get = async () => {
    const t = performance.now();
    const res = await fetch(`${tool.baseUrl}/api/tenant/reports/completion`, { headers: { Authorization: `Bearer ${admin.token}` } });
    const body = (await res.json()) as { years?: Array<{ students: number }> };
    const ms = performance.now() - t;
    if (res.status !== 200 || body.years?.[0]?.students !== STUDENTS) throw new Error(`unexpected answer ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return ms;
  };
  await get(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) times.push(await get());
  times.sort((a, b) => a - b);
  const csvStart = performance.now();
  const csv = await fetch(`${tool.baseUrl}/api/tenant/reports/completion?format=csv`, { headers: { Authorization: `Bearer ${admin.token}` } });
  const csvBytes = (await csv.text()).length;
  const csvMs = performance.now() - csvStart;

  const report = `# District report benchmark

Measured by \`npx tsx bench/district-report.ts ${STUDENTS} ${REQUESTS}\` on ${new Date().toISOString().slice(0, 10)}
(${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}). Two processes share the cores: MongoDB
(the mongod stand-in) and this benchmark, which runs the tool's app (real HTTP on 127.0.0.1).

District: ${STUDENTS} students in ${SCHOOLS} schools, grades 6-12; every student has a plan (full sections), about two thirds
submitted last year and half this year (snapshots with a copy of the plan), some reviewed and signed. Seeding took
${seeding.toFixed(0)} s. Time is one \`GET /api/tenant/reports/completion\` as a district admin, sequential, measured by the
client from request to parsed JSON.

| requests | min ms | median ms | max ms |
|---|---|---|---|
| ${REQUESTS} | ${times[0]?.toFixed(0)} | ${times[Math.floor(times.length / 2)]?.toFixed(0)} | ${times.at(-1)?.toFixed(0)} |

CSV export of the same report: ${csvMs.toFixed(0)} ms, ${(csvBytes / 1024).toFixed(0)} KB.

Budget (DESIGN.md): district report over 50,000 students < 2 s.
`;
  writeReport('district-report', report);
  await tool.close();
  await mongod.stop();
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
  process.exit(1);
});
