import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AnyBulkWriteOperation } from 'mongoose';
import { CareerModel, ONET_SOC_CODE, type Career, type EducationLevel } from './career.model';
import { ensureStarterCatalog, UNCLASSIFIED } from './starter-catalog';
import { RIASEC, type RiasecLetter } from '../../shared/api/plan';

/*
 * Importer for the public O*NET database, text edition (https://www.onetcenter.org/database.html, e.g.
 * db_29_1_text.zip): UTF-8, tab-separated, one header row. Files and columns used, per the O*NET data
 * dictionary (https://www.onetcenter.org/dictionary/29.1/text/):
 *   Occupation Data.txt  O*NET-SOC Code, Title, Description                                    (required)
 *   Interests.txt        O*NET-SOC Code, Element ID, Element Name, Scale ID, Data Value, Date, Domain Source
 *                        Scale OI: level of each RIASEC interest (elements 1.B.1.a-f, Realistic..Conventional);
 *                        Scale IH: First/Second/Third Interest High-Point (1.B.1.g-i), 1=R .. 6=C, 0 = none
 *   Job Zones.txt        O*NET-SOC Code, Job Zone, Date, Domain Source
 * Career clusters are not part of the O*NET database; an optional crosswalk file whose name contains
 * "career cluster" (e.g. the CSV O*NET OnLine exports from its Career Clusters page) with columns
 * Code, Career Cluster and Career Pathway (or Sub-Cluster), tab- or comma-separated, sets cluster and pathway.
 */

export const OCCUPATION_FILE = 'Occupation Data.txt';
export const INTERESTS_FILE = 'Interests.txt';
export const JOB_ZONES_FILE = 'Job Zones.txt';

/** A problem that stops the import before anything is written (the CLI exits with 2). */
export class OnetImportError extends Error {}

export interface SkippedRow {
  file: string;
  /** 1-based line in the file (the header is line 1). */
  line: number;
  code: string | null;
  reason: string;
}

export interface ImportReport {
  /** Occupation rows read from Occupation Data.txt. */
  read: number;
  inserted: number;
  updated: number;
  /** Occupations already in the catalog exactly as the files describe them. */
  unchanged: number;
  skipped: SkippedRow[];
  /** Whole-file remarks: an optional file missing, unknown columns in an optional file. */
  notes: string[];
  /** Careers the starter catalog added first (the catalog was empty). */
  starterSeeded: number;
}

export interface ImportOptions {
  /** Seed the starter catalog first when the collection is empty, so its clusters and facts are kept. Default true. */
  seedStarter?: boolean;
  /** Called as occupation rows are processed. */
  onProgress?: (done: number, total: number) => void;
  /** Writes per bulk request. */
  batchSize?: number;
}

// ---------- parsing ----------

export interface Table {
  file: string;
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

/** Splits one CSV line with double-quote quoting (RFC 4180, no embedded newlines). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Parses a delimited text file with a header row (tab, or comma when the header has no tab and `csv` is allowed). */
export function parseTable(file: string, text: string, opts: { csv?: boolean } = {}): Table {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines[0] ?? '';
  const csv = Boolean(opts.csv) && !headerLine.includes('\t');
  const split = csv ? splitCsvLine : (l: string) => l.split('\t');
  const header = split(headerLine).map((h) => h.trim());
  const rows: Table['rows'] = [];
  lines.slice(1).forEach((l, i) => {
    if (l.trim() !== '') rows.push({ line: i + 2, cells: split(l).map((c) => c.trim()) });
  });
  return { file, header, rows };
}

/** Column positions by name (case-insensitive); null when a required column is absent. */
function columns<K extends string>(table: Table, wanted: Record<K, RegExp>): Record<K, number> | null {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(wanted) as K[]) {
    const at = table.header.findIndex((h) => wanted[key].test(h));
    if (at < 0) return null;
    out[key] = at;
  }
  return out;
}

const CODE_COLUMN = /^o\*net-soc code$/i;

// ---------- mapping ----------

/** O*NET Job Zone -> education level: 1-2 high school, 3 associate (vocational school / associate), 4 bachelor, 5 master. */
export function jobZoneToEducation(zone: number): EducationLevel | null {
  switch (zone) {
    case 1:
    case 2:
      return 'high_school';
    case 3:
      return 'associate';
    case 4:
      return 'bachelor';
    case 5:
      return 'master';
    default:
      return null;
  }
}

const OI_ELEMENTS: Record<string, RiasecLetter> = {
  '1.B.1.a': 'R',
  '1.B.1.b': 'I',
  '1.B.1.c': 'A',
  '1.B.1.d': 'S',
  '1.B.1.e': 'E',
  '1.B.1.f': 'C',
};
const OI_NAMES: Record<string, RiasecLetter> = {
  realistic: 'R',
  investigative: 'I',
  artistic: 'A',
  social: 'S',
  enterprising: 'E',
  conventional: 'C',
};
const IH_ELEMENTS: Record<string, number> = { '1.B.1.g': 0, '1.B.1.h': 1, '1.B.1.i': 2 };
const IH_NAMES: Record<string, number> = { 'first interest high-point': 0, 'second interest high-point': 1, 'third interest high-point': 2 };

export interface InterestProfile {
  /** OI level per letter. */
  levels: Partial<Record<RiasecLetter, number>>;
  /** IH high points by position (1..6, 0 = none). */
  highPoints: Array<number | undefined>;
}

/**
 * The occupation's Holland code: O*NET's own high-point codes (IH) when present, else the three highest OI levels
 * (ties in R-I-A-S-E-C order). Null when there is no usable interest data.
 */
export function riasecCode(profile: InterestProfile): string | null {
  const fromHighPoints = profile.highPoints
    .map((v) => (v !== undefined && v >= 1 && v <= 6 ? RIASEC[Math.round(v) - 1] : undefined))
    .filter((l): l is RiasecLetter => l !== undefined);
  if ((profile.highPoints[0] ?? 0) >= 1 && fromHighPoints.length > 0) {
    return [...new Set(fromHighPoints)].slice(0, 3).join('');
  }
  const rated = RIASEC.filter((l) => profile.levels[l] !== undefined);
  if (rated.length < RIASEC.length) return null;
  return [...rated]
    .sort((a, b) => (profile.levels[b] ?? 0) - (profile.levels[a] ?? 0) || RIASEC.indexOf(a) - RIASEC.indexOf(b))
    .slice(0, 3)
    .join('');
}

// ---------- reading the directory ----------

interface OccupationRow {
  line: number;
  code: string;
  title: string;
  description: string | null;
}

interface ParsedDirectory {
  occupations: OccupationRow[];
  read: number;
  interests: Map<string, InterestProfile>;
  jobZones: Map<string, number>;
  clusters: Map<string, { cluster: string; pathway: string }> | null;
  skipped: SkippedRow[];
  notes: string[];
}

function readTable(dir: string, file: string, opts?: { csv?: boolean }): Table | null {
  const full = path.join(dir, file);
  if (!existsSync(full)) return null;
  return parseTable(file, readFileSync(full, 'utf8'), opts);
}

/** Reads and checks the files of DIR; throws OnetImportError when the import cannot start. */
export function readOnetDirectory(dir: string): ParsedDirectory {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new OnetImportError(`No such directory: ${dir}`);
  const occupationTable = readTable(dir, OCCUPATION_FILE);
  if (!occupationTable) {
    throw new OnetImportError(`${OCCUPATION_FILE} is not in ${dir}. Unzip the O*NET database (text files) and pass the folder that holds it.`);
  }
  const skipped: SkippedRow[] = [];
  const notes: string[] = [];

  const oc = columns(occupationTable, { code: CODE_COLUMN, title: /^title$/i, description: /^description$/i });
  if (!oc) {
    throw new OnetImportError(
      `${OCCUPATION_FILE}: unknown file columns (${occupationTable.header.join(', ')}); expected O*NET-SOC Code, Title, Description.`,
    );
  }
  const seen = new Set<string>();
  const occupations: OccupationRow[] = [];
  for (const { line, cells } of occupationTable.rows) {
    const code = cells[oc.code] ?? '';
    const title = cells[oc.title] ?? '';
    const skip = (reason: string) => skipped.push({ file: OCCUPATION_FILE, line, code: code || null, reason });
    if (!ONET_SOC_CODE.test(code)) skip('malformed code');
    else if (!title) skip('missing title');
    else if (title.length > 200) skip('title too long');
    else if (seen.has(code)) skip('duplicate code');
    else {
      seen.add(code);
      const description = (cells[oc.description] ?? '').slice(0, 4000);
      occupations.push({ line, code, title, description: description || null });
    }
  }

  const interests = new Map<string, InterestProfile>();
  const interestTable = readTable(dir, INTERESTS_FILE);
  if (!interestTable) notes.push(`${INTERESTS_FILE} not found: RIASEC codes of existing careers are kept; new careers without one are skipped.`);
  else {
    const ic = columns(interestTable, { code: CODE_COLUMN, element: /^element id$/i, name: /^element name$/i, scale: /^scale id$/i, value: /^data value$/i });
    if (!ic) notes.push(`${INTERESTS_FILE}: unknown file columns (${interestTable.header.join(', ')}); file ignored.`);
    else {
      for (const { line, cells } of interestTable.rows) {
        const code = cells[ic.code] ?? '';
        const value = Number(cells[ic.value]);
        if (!ONET_SOC_CODE.test(code)) {
          skipped.push({ file: INTERESTS_FILE, line, code: code || null, reason: 'malformed code' });
          continue;
        }
        if (cells[ic.value] === undefined || cells[ic.value] === '' || !Number.isFinite(value)) {
          skipped.push({ file: INTERESTS_FILE, line, code, reason: 'malformed data value' });
          continue;
        }
        const element = cells[ic.element] ?? '';
        const name = (cells[ic.name] ?? '').toLowerCase();
        const profile = interests.get(code) ?? { levels: {}, highPoints: [] };
        interests.set(code, profile);
        const scale = (cells[ic.scale] ?? '').toUpperCase();
        if (scale === 'OI') {
          const letter = OI_ELEMENTS[element] ?? OI_NAMES[name];
          if (letter) profile.levels[letter] = value;
        } else if (scale === 'IH') {
          const position = IH_ELEMENTS[element] ?? IH_NAMES[name];
          if (position !== undefined) profile.highPoints[position] = value;
        }
      }
    }
  }

  const jobZones = new Map<string, number>();
  const zoneTable = readTable(dir, JOB_ZONES_FILE);
  if (!zoneTable) notes.push(`${JOB_ZONES_FILE} not found: education of existing careers is kept; new careers without one are skipped.`);
  else {
    const zc = columns(zoneTable, { code: CODE_COLUMN, zone: /^job zone$/i });
    if (!zc) notes.push(`${JOB_ZONES_FILE}: unknown file columns (${zoneTable.header.join(', ')}); file ignored.`);
    else {
      for (const { line, cells } of zoneTable.rows) {
        const code = cells[zc.code] ?? '';
        const zone = Number(cells[zc.zone]);
        if (!ONET_SOC_CODE.test(code)) skipped.push({ file: JOB_ZONES_FILE, line, code: code || null, reason: 'malformed code' });
        else if (!Number.isInteger(zone) || !jobZoneToEducation(zone)) skipped.push({ file: JOB_ZONES_FILE, line, code, reason: 'job zone not 1-5' });
        else jobZones.set(code, zone);
      }
    }
  }

  const clusters = readClusterCrosswalk(dir, skipped, notes);
  return { occupations, read: occupationTable.rows.length, interests, jobZones, clusters, skipped, notes };
}

function readClusterCrosswalk(dir: string, skipped: SkippedRow[], notes: string[]): ParsedDirectory['clusters'] {
  const file = readdirSync(dir).find((f) => /career[ _-]?clusters?/i.test(f) && /\.(txt|csv|tsv)$/i.test(f));
  if (!file) {
    notes.push('No career clusters file: clusters and pathways of existing careers are kept; new careers are "Unclassified".');
    return null;
  }
  const table = readTable(dir, file, { csv: true });
  if (!table) return null;
  const cc = columns(table, {
    code: /^(o\*net-soc )?code$/i,
    cluster: /^(career )?cluster$/i,
    pathway: /^((career )?pathway|sub-cluster)$/i,
  });
  if (!cc) {
    notes.push(`${file}: unknown file columns (${table.header.join(', ')}); expected Code, Career Cluster, Career Pathway. File ignored.`);
    return null;
  }
  const map = new Map<string, { cluster: string; pathway: string }>();
  for (const { line, cells } of table.rows) {
    const code = cells[cc.code] ?? '';
    const cluster = cells[cc.cluster] ?? '';
    const pathway = cells[cc.pathway] || cluster;
    if (!ONET_SOC_CODE.test(code)) skipped.push({ file, line, code: code || null, reason: 'malformed code' });
    else if (!cluster) skipped.push({ file, line, code, reason: 'missing cluster' });
    else if (!map.has(code)) map.set(code, { cluster: cluster.slice(0, 100), pathway: pathway.slice(0, 120) });
  }
  return map;
}

// ---------- writing ----------

type Fields = Pick<Career, 'title' | 'description' | 'riasec' | 'education' | 'cluster' | 'pathway'> & { jobZone: number | null };
const COMPARED: Array<keyof Fields> = ['title', 'description', 'riasec', 'education', 'cluster', 'pathway', 'jobZone'];

/**
 * Imports an O*NET text database directory into the career catalog. Upserts by code and is idempotent (a second
 * run inserts and updates nothing). It never touches medianWage, outlook or titleEs, keeps the source of existing
 * careers, and keeps the education of starter careers (BLS typical entry education is finer than a Job Zone).
 */
export async function importOnet(dir: string, options: ImportOptions = {}): Promise<ImportReport> {
  const parsed = readOnetDirectory(dir);
  const starterSeeded = options.seedStarter === false ? 0 : await ensureStarterCatalog();
  const report: ImportReport = { read: parsed.read, inserted: 0, updated: 0, unchanged: 0, skipped: parsed.skipped, notes: parsed.notes, starterSeeded };

  const existing = new Map<string, Career>();
  const codes = parsed.occupations.map((o) => o.code);
  for (let i = 0; i < codes.length; i += 1000) {
    const docs = await CareerModel.find({ code: { $in: codes.slice(i, i + 1000) } }).lean<Career[]>().exec();
    for (const d of docs) existing.set(d.code, d);
  }

  const batchSize = options.batchSize ?? 500;
  let batch: Array<AnyBulkWriteOperation<Career>> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await CareerModel.bulkWrite(batch, { ordered: false });
    batch = [];
  };

  const total = parsed.occupations.length;
  let done = 0;
  for (const occ of parsed.occupations) {
    const before = existing.get(occ.code);
    const skip = (reason: string) => report.skipped.push({ file: OCCUPATION_FILE, line: occ.line, code: occ.code, reason });
    const profile = parsed.interests.get(occ.code);
    const riasec = (profile && riasecCode(profile)) ?? before?.riasec ?? null;
    const zone = parsed.jobZones.get(occ.code) ?? before?.jobZone ?? null;
    const education = before?.source === 'starter' ? before.education : ((zone && jobZoneToEducation(zone)) ?? before?.education ?? null);
    const placed = parsed.clusters?.get(occ.code) ?? (before ? { cluster: before.cluster, pathway: before.pathway } : { cluster: UNCLASSIFIED, pathway: UNCLASSIFIED });
    if (!riasec) skip('no RIASEC interest data');
    else if (!education) skip('no job zone');
    else {
      const fields: Fields = { title: occ.title, description: occ.description, riasec, education, jobZone: zone, ...placed };
      if (!before) {
        batch.push({ insertOne: { document: { code: occ.code, ...fields, titleEs: null, medianWage: null, outlook: null, source: 'onet' } as Career } });
        report.inserted++;
      } else {
        const changed = COMPARED.filter((k) => (before[k] ?? null) !== fields[k]);
        if (changed.length === 0) report.unchanged++;
        else {
          batch.push({ updateOne: { filter: { code: occ.code }, update: { $set: Object.fromEntries(changed.map((k) => [k, fields[k]])) } } });
          report.updated++;
        }
      }
      if (batch.length >= batchSize) await flush();
    }
    done++;
    if (options.onProgress && (done % 25 === 0 || done === total)) options.onProgress(done, total);
  }
  await flush();
  if (total === 0) options.onProgress?.(0, 0);
  return report;
}

/** Skips grouped by reason, for the summary. */
export function skippedByReason(skipped: readonly SkippedRow[]): Array<{ reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}
