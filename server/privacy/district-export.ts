import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { PassThrough, type Writable } from 'node:stream';
import type { FilterQuery, Model } from 'mongoose';
import { TenantModel } from '../tenants/tenant.model';
import { UserModel } from '../users/user.model';
import { PlanModel } from '../plans/plan.model';
import { PlanSnapshotModel } from '../plans/plan-snapshot.model';
import { PlanAuditModel } from '../plans/plan-audit.model';
import { RequirementTemplateModel } from '../plans/requirement-template.model';
import { PlacementModel } from '../activities/placement.model';
import { ActivityProgressModel } from '../activities/progress.model';
import { CustomActivityModel } from '../activities/custom-activity.model';
import { ScoreJobModel } from '../grades/score-job.model';
import { RosterCacheModel } from '../roster/roster-cache.model';
import { ParentLinkModel } from '../parents/parent-link.model';
import { LaunchModel } from '../lti/launch.model';
import { PrivacyEventModel } from './privacy-event.model';
import { findDistrictArtifacts, openArtifactDownload } from '../portfolio/artifact.store';
import type { TenantId } from '../tenants/tenant-id';

export const EXPORT_FORMAT = 'ecap-planner-district-export';

type Rows = (tenantId: TenantId, projection: Record<string, 0>) => AsyncIterable<unknown>;
/** A model's documents of one district, as plain objects, from a cursor. */
const of =
  <T>(model: Model<T>): Rows =>
  (tenantId, projection) =>
    model.find({ tenantId } as FilterQuery<T>, projection).lean().cursor();

/** Every tenant-scoped collection, in the order of the file; fields left out are secrets, not the district's data. */
const COLLECTIONS: ReadonlyArray<{ name: string; rows: Rows; omit?: string[] }> = [
  { name: 'users', rows: of(UserModel) },
  { name: 'plans', rows: of(PlanModel) },
  { name: 'planSnapshots', rows: of(PlanSnapshotModel) },
  { name: 'planAudits', rows: of(PlanAuditModel) },
  { name: 'requirementTemplates', rows: of(RequirementTemplateModel) },
  { name: 'placements', rows: of(PlacementModel) },
  { name: 'activityProgress', rows: of(ActivityProgressModel) },
  { name: 'customActivities', rows: of(CustomActivityModel) },
  { name: 'scoreJobs', rows: of(ScoreJobModel) },
  { name: 'rosterCaches', rows: of(RosterCacheModel) },
  { name: 'parentLinks', rows: of(ParentLinkModel), omit: ['tokenHash'] },
  { name: 'launches', rows: of(LaunchModel) },
  { name: 'privacyEvents', rows: of(PrivacyEventModel) },
];

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

/** Writes respecting backpressure, so a large district streams through a small buffer. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.isBuffer(part) ? part : Buffer.from(part as string));
  return Buffer.concat(parts);
}

/**
 * All of a district's data as gzipped NDJSON: a header line, one `{ collection, document }` line per record
 * (portfolio files with their bytes in base64), and a trailer with the count per collection, so a reader can tell a
 * complete file from a cut one. Streams from MongoDB cursors; one file is in memory at a time (at most 10 MB).
 */
export async function writeDistrictExport(tenantId: TenantId, out: Writable): Promise<Record<string, number>> {
  const ndjson = new PassThrough();
  const done = pipeline(ndjson, createGzip(), out);
  const counts: Record<string, number> = {};
  const tenant = await TenantModel.findById(tenantId).lean().exec();
  await write(ndjson, line({ format: EXPORT_FORMAT, version: 1, tenantId: String(tenantId), exportedAt: new Date().toISOString() }));
  await write(ndjson, line({ collection: 'tenant', document: tenant }));
  counts.tenant = tenant ? 1 : 0;
  for (const { name, rows, omit } of COLLECTIONS) {
    counts[name] = 0;
    const projection: Record<string, 0> = Object.fromEntries((omit ?? []).map((f) => [f, 0 as const]));
    for await (const doc of rows(tenantId, projection)) {
      await write(ndjson, line({ collection: name, document: doc }));
      counts[name] += 1;
    }
  }
  counts.portfolioFiles = 0;
  for (const file of await findDistrictArtifacts(tenantId)) {
    const bytes = await readAll(await openArtifactDownload(file));
    await write(ndjson, line({ collection: 'portfolioFiles', document: { ...file, contentBase64: bytes.toString('base64') } }));
    counts.portfolioFiles += 1;
  }
  await write(ndjson, line({ end: true, counts }));
  ndjson.end();
  await done;
  return counts;
}
