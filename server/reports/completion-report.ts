import { PlanModel } from '../plans/plan.model';
import { PlanSnapshotModel, type PlanSnapshot } from '../plans/plan-snapshot.model';
import { UserModel } from '../users/user.model';
import { getTenant } from '../tenants/tenant.service';
import { schoolYearOf } from '../tenants/school-year';
import type { TenantId } from '../tenants/tenant-id';
import type { CompletionCounts, CompletionReport, CompletionRow } from '../../shared/api/reports';

type YearFacts = Omit<CompletionCounts, 'students'>;
const NONE: YearFacts = { submitted: 0, allAttributes: 0, advisorReviewed: 0, parentSigned: 0, complete: 0 };
const empty = (): CompletionCounts => ({ students: 0, ...NONE });

function add(into: CompletionCounts, facts: YearFacts): void {
  into.students += 1;
  into.submitted += facts.submitted;
  into.allAttributes += facts.allAttributes;
  into.advisorReviewed += facts.advisorReviewed;
  into.parentSigned += facts.parentSigned;
  into.complete += facts.complete;
}

function factsOf(s: Pick<PlanSnapshot, 'attributesComplete' | 'advisorReview' | 'parentSignatures'>): YearFacts {
  const all = s.attributesComplete ? Object.values(s.attributesComplete).every(Boolean) : false;
  const reviewed = Boolean(s.advisorReview);
  const signed = (s.parentSignatures ?? []).length > 0;
  return { submitted: 1, allAttributes: all ? 1 : 0, advisorReviewed: reviewed ? 1 : 0, parentSigned: signed ? 1 : 0, complete: all && reviewed && signed ? 1 : 0 };
}

/**
 * The completion report of a district, computed from three lean, projected scans (snapshots, plans, students),
 * grouped in memory: a submitted year counts from its snapshot (schools as at submission); a plan still in a year
 * up to the district's current one counts as not submitted for that year (schools as the student's launches say),
 * and also for the current year when the student opened the tool during it; a student who opened the tool this year
 * but never their plan counts as not submitted this year, grade unknown.
 */
export async function completionReport(tenantId: TenantId): Promise<CompletionReport> {
  const tenant = await getTenant(tenantId);
  const current = tenant.settings.schoolYear;
  const names = new Map(tenant.deployments.map((d) => [d.deploymentId, d.name]));
  const [snapshots, plans, students] = await Promise.all([
    PlanSnapshotModel.find({ tenantId }, { studentId: 1, schoolYear: 1, grade: 1, deploymentIds: 1, attributesComplete: 1, 'advisorReview.reviewedAt': 1, 'parentSignatures.signedAt': 1 })
      .lean<PlanSnapshot[]>()
      .exec(),
    PlanModel.find({ tenantId, schoolYear: { $lte: current } }, { studentId: 1, schoolYear: 1, 'sections.profile.data.grade': 1 }).lean().exec(),
    UserModel.find({ tenantId, 'contexts.role': 'student' }, { 'contexts.role': 1, 'contexts.deploymentId': 1, lastLaunchAt: 1 }).lean().exec(),
  ]);
  const activeNow = new Set(students.filter((u) => u.lastLaunchAt && schoolYearOf(new Date(u.lastLaunchAt)) >= current).map((u) => String(u._id)));
  const schoolsOf = new Map(
    students.map((u) => [String(u._id), [...new Set(u.contexts.filter((c) => c.role === 'student').map((c) => c.deploymentId))]]),
  );

  const rows = new Map<string, CompletionRow>();
  const years = new Map<string, CompletionCounts>();
  const count = (year: string, grade: number | null, schools: string[], facts: YearFacts) => {
    const perYear = years.get(year) ?? empty();
    add(perYear, facts);
    years.set(year, perYear);
    for (const school of schools.length ? schools : [null]) {
      const key = `${year}\n${school ?? ''}\n${grade}`;
      const row = rows.get(key) ?? { schoolYear: year, schoolId: school, schoolName: school ? (names.get(school) ?? school) : '', grade, ...empty() };
      add(row, facts);
      rows.set(key, row);
    }
  };
  for (const s of snapshots) count(s.schoolYear, s.grade, s.deploymentIds ?? schoolsOf.get(String(s.studentId)) ?? [], factsOf(s));
  for (const p of plans) {
    const grade = (p.sections?.profile?.data as { grade?: number } | undefined)?.grade ?? null;
    const schools = schoolsOf.get(String(p.studentId)) ?? [];
    count(p.schoolYear, grade, schools, NONE);
    // Behind by a year or more but still using the tool this year: not submitted this year either.
    if (p.schoolYear < current && activeNow.has(String(p.studentId))) count(current, grade, schools, NONE);
  }
  // Opened the tool this year but never their plan: not submitted, grade unknown.
  const known = new Set([...plans.map((p) => String(p.studentId)), ...snapshots.map((s) => String(s.studentId))]);
  for (const id of activeNow) if (!known.has(id)) count(current, null, schoolsOf.get(id) ?? [], NONE);

  const schoolYears = [...years.keys()].sort().reverse();
  return {
    generatedAt: new Date().toISOString(),
    currentSchoolYear: current,
    schoolYears,
    rows: [...rows.values()].sort(
      (a, b) => b.schoolYear.localeCompare(a.schoolYear) || a.schoolName.localeCompare(b.schoolName) || (a.grade ?? 99) - (b.grade ?? 99),
    ),
    years: schoolYears.map((schoolYear) => ({ schoolYear, ...years.get(schoolYear)! })),
  };
}

const CSV_HEADER = ['school_year', 'school', 'grade', 'students', 'submitted', 'all_four_attributes', 'advisor_reviewed', 'parent_signed', 'complete', 'percent_complete'];

/** A CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

export function completionCsv(report: CompletionReport): string {
  const lines = report.rows.map((r) =>
    [r.schoolYear, r.schoolName || 'No school', r.grade ?? '', r.students, r.submitted, r.allAttributes, r.advisorReviewed, r.parentSigned, r.complete, percent(r.complete, r.students)]
      .map(cell)
      .join(','),
  );
  return `${[CSV_HEADER.join(','), ...lines].join('\r\n')}\r\n`;
}
