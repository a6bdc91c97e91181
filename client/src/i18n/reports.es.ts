import type { ReportsMessageKey } from './reports.en';

/** Spanish strings of the district completion report. */
export const reportsEs: Record<ReportsMessageKey, string> = {
  'reports.heading': 'ECAP completos',
  'reports.intro':
    'El ECAP de un estudiante para un año escolar está completo cuando entregó la revisión anual con los cuatro atributos completos, un consejero la revisó y un padre, madre o tutor la firmó.',
  'reports.year': 'Año escolar',
  'reports.total': '{year}: {percent} % completos ({complete} de {students} estudiantes).',
  'reports.empty': 'Todavía no hay planes.',
  'reports.trend.caption': 'ECAP completos año tras año (distrito)',
  'reports.byschool.caption': 'ECAP completos por escuela y grado, {year}',
  'reports.col.year': 'Año escolar',
  'reports.col.school': 'Escuela',
  'reports.col.grade': 'Grado',
  'reports.col.students': 'Estudiantes',
  'reports.col.submitted': 'Entregados',
  'reports.col.attributes': 'Cuatro atributos',
  'reports.col.reviewed': 'Revisados',
  'reports.col.signed': 'Firmados',
  'reports.col.complete': 'Completos',
  'reports.col.percent': '% completos',
  'reports.noSchool': 'Sin escuela',
  'reports.noGrade': 'Aún no se sabe',
  'reports.csv': 'Descargar CSV',
  'reports.csv.filename': 'ecap-completos.csv',
  'reports.csv.failed': 'No se pudo descargar el CSV. Inténtelo de nuevo.',
};
