import type { PipelineStage } from 'mongoose';
import type { z } from 'zod';
import { CareerModel, type Career } from './career.model';
import { ensureStarterCatalog } from './starter-catalog';
import { presentCareer } from './career.presenter';
import type { CareerSearchResult, CareerView, careerSearchSchema } from '../../shared/api/plan';
import { escapeRegex } from '../db/query-helpers';

export type CareerSearchQuery = z.infer<typeof careerSearchSchema>;

let seeding: Promise<number> | null = null;

/**
 * Seeds the starter catalog once per process, on the first catalog read (the lead also calls
 * ensureStarterCatalog at start-up). A failed attempt is retried on the next read.
 */
export function ensureCatalogOnce(): Promise<number> {
  seeding ??= ensureStarterCatalog().catch((err: unknown) => {
    seeding = null;
    throw err;
  });
  return seeding;
}

/**
 * The MongoDB expression of shared/career/match.ts riasecFit(): per letter of the student's code, its weight
 * (3, 2, 1) when the career has it at the same position, half when elsewhere, else 0.
 */
function fitExpression(match: string): Record<string, unknown> {
  const weights = [3, 2, 1];
  const terms = [...match].slice(0, 3).map((letter, i) => {
    const weight = weights[i] ?? 0;
    // $indexOfBytes equals the character index here: riasec is validated as ASCII RIASEC letters. (The test
    // stand-in for mongod does not implement $indexOfCP; real MongoDB has both.)
    const at = { $indexOfBytes: ['$riasec', letter] };
    return { $cond: [{ $eq: [at, i] }, weight, { $cond: [{ $gte: [at, 0] }, weight / 2, 0] }] };
  });
  return { $add: terms };
}

type CareerRow = Pick<Career, 'code' | 'title' | 'titleEs' | 'cluster' | 'pathway' | 'riasec' | 'education' | 'medianWage' | 'outlook' | 'description'> & {
  fit?: number;
};

/**
 * GET /careers: case-insensitive substring search on the English and Spanish titles (and on the code), filters
 * by cluster and education, and with `match` sorts by RIASEC fit (best first), then title; otherwise by title.
 */
export async function searchCareers(query: CareerSearchQuery): Promise<CareerSearchResult> {
  await ensureCatalogOnce();
  const filter: Record<string, unknown> = {};
  if (query.q) {
    const pattern = new RegExp(escapeRegex(query.q), 'i');
    filter.$or = [{ title: pattern }, { titleEs: pattern }, { code: pattern }];
  }
  if (query.cluster) filter.cluster = query.cluster;
  if (query.education) filter.education = query.education;

  const { page, pageSize } = query;
  const pipeline: PipelineStage[] = [{ $match: filter }];
  if (query.match) {
    pipeline.push({ $addFields: { fit: fitExpression(query.match) } }, { $sort: { fit: -1, title: 1, code: 1 } });
  } else {
    pipeline.push({ $sort: { title: 1, code: 1 } });
  }
  pipeline.push({
    $facet: {
      items: [{ $skip: (page - 1) * pageSize }, { $limit: pageSize }],
      total: [{ $count: 'n' }],
    },
  });
  const [facet] = await CareerModel.aggregate<{ items: CareerRow[]; total: Array<{ n: number }> }>(pipeline).exec();
  const clusters = await listClusters();
  return {
    total: facet?.total[0]?.n ?? 0,
    page,
    pageSize,
    items: (facet?.items ?? []).map((row) => ({ ...presentCareer(row), fit: query.match ? Number(row.fit ?? 0) : null })),
    clusters,
  };
}

/** Every cluster in the catalog, sorted, for the cluster filter. */
export async function listClusters(): Promise<string[]> {
  const clusters = (await CareerModel.distinct('cluster').exec()) as string[];
  return clusters.sort((a, b) => a.localeCompare(b, 'en'));
}

/** GET /careers/:code: one career, or null. */
export async function getCareer(code: string): Promise<CareerView | null> {
  await ensureCatalogOnce();
  const doc = await CareerModel.findOne({ code }).lean<Career>().exec();
  return doc ? presentCareer(doc) : null;
}
