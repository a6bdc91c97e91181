/** School-year arithmetic for plans ("2026-2027"); the tenant's `schoolYearOf` gives the current one. */
const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

/** The calendar year a school year ends in: 2027 for "2026-2027". */
export function schoolYearEnd(schoolYear: string): number {
  const m = SCHOOL_YEAR.exec(schoolYear);
  if (!m) throw new Error(`not a school year: ${schoolYear}`);
  return Number(m[2]);
}

/** The school year after this one: "2027-2028" after "2026-2027". */
export function nextSchoolYear(schoolYear: string): string {
  const end = schoolYearEnd(schoolYear);
  return `${end}-${end + 1}`;
}

/** The earliest graduation year of a student in `grade` during `schoolYear` (grade 10 in 2026-2027 -> 2029). */
export function earliestGraduationYear(schoolYear: string, grade: number): number {
  return schoolYearEnd(schoolYear) + (12 - grade);
}
