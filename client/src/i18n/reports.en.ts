/** English strings of the district completion report (admin home). */
export const reportsEn = {
  'reports.heading': 'ECAP completion',
  'reports.intro':
    'A student’s ECAP for a school year is complete when the annual review was submitted with all four attributes complete, an advisor reviewed it and a parent or guardian signed it.',
  'reports.year': 'School year',
  'reports.total': '{year}: {percent}% complete ({complete} of {students} students).',
  'reports.empty': 'No plans yet.',
  'reports.trend.caption': 'Completion year over year (district)',
  'reports.byschool.caption': 'Completion by school and grade, {year}',
  'reports.col.year': 'School year',
  'reports.col.school': 'School',
  'reports.col.grade': 'Grade',
  'reports.col.students': 'Students',
  'reports.col.submitted': 'Submitted',
  'reports.col.attributes': 'All four attributes',
  'reports.col.reviewed': 'Reviewed',
  'reports.col.signed': 'Signed',
  'reports.col.complete': 'Complete',
  'reports.col.percent': '% complete',
  'reports.noSchool': 'No school',
  'reports.noGrade': 'Not known yet',
  'reports.csv': 'Download CSV',
  'reports.csv.filename': 'ecap-completion.csv',
  'reports.csv.failed': 'The CSV could not be downloaded. Try again.',
} as const satisfies Record<string, string>;

export type ReportsMessageKey = keyof typeof reportsEn;
