import type { MessageKey } from './en';
import { activitiesEs } from './activities.es';
import { planEs } from './plan.es';
import { reportsEs } from './reports.es';
import { caseloadEs } from './caseload.es';
import { privacyEs } from './privacy.es';
import { parentLinksEs } from './parentlinks.es';
import { signoffEs } from './signoff.es';

/**
 * Spanish catalog, for students and families in the US: informal "tú" for students, plain words for families.
 * Typed as Record<MessageKey, string>, so a missing or extra key fails the type check.
 */
export const es: Record<MessageKey, string> = {
  'app.name': 'ECAP Planner',
  'app.loading': 'Cargando…',
  'app.signedInAs': 'Sesión iniciada como {name}',
  'app.retry': 'Intentar de nuevo',

  'status.noToken.title': 'Abre ECAP Planner desde tu curso',
  'status.noToken.body':
    'ECAP Planner se abre desde la plataforma de aprendizaje de tu escuela (Canvas, Schoology o Moodle). Ve a tu curso y selecciona la actividad o el enlace de ECAP Planner.',
  'status.sessionEnded.title': 'Tu sesión terminó',
  'status.sessionEnded.body':
    'Por tu seguridad, ECAP Planner cierra la sesión después de un tiempo. Regresa a tu curso y abre la actividad otra vez para continuar. No se perdió nada de lo que guardaste.',
  'status.offline.title': 'Parece que no tienes conexión',
  'status.offline.body':
    'ECAP Planner no pudo comunicarse con el servidor. Revisa tu conexión a internet e inténtalo de nuevo.',
  'status.forbidden.title': 'No tienes acceso a esta página',
  'status.forbidden.body':
    'Tu cuenta no tiene acceso a esta página. Si crees que es un error, pregúntale a tu maestro o a tu escuela.',
  'status.error.title': 'Algo salió mal',
  'status.error.body': 'ECAP Planner no pudo cargar esta página. Inténtalo de nuevo en un momento.',
  'status.error.reference': 'Referencia: {id}',
  'status.unknownRole.body': 'Tu función en este curso todavía no tiene una página en ECAP Planner.',

  'student.title': 'Mi Plan de Educación y Carrera',
  'student.schoolYear': 'Año escolar {year}',
  'student.intro': 'Tu plan tiene cuatro partes. Mantén cada una al día durante el año escolar.',
  'student.attributesHeading': 'Las cuatro partes de tu plan',
  'student.progressLabel': 'Progreso en {attribute}',
  'student.progressValue': '{completed} de {total} pasos completados',
  'student.attribute.academic': 'Académico',
  'student.attribute.academic.description':
    'Tu plan de clases hasta la graduación, tus metas de estudio y tus logros y reconocimientos.',
  'student.attribute.career': 'Carrera',
  'student.attribute.career.description':
    'Descubre tus intereses, habilidades y valores, explora carreras y elige una meta profesional.',
  'student.attribute.postsecondary': 'Después de la preparatoria',
  'student.attribute.postsecondary.description':
    'Tus opciones después de la preparatoria (universidad, programa de aprendizaje, servicio militar o trabajo), tus solicitudes y cómo pagar tus estudios.',
  'student.attribute.extracurricular': 'Actividades extracurriculares',
  'student.attribute.extracurricular.description':
    'Clubes, deportes, artes, servicio comunitario, empleos y otras actividades fuera de clase.',

  'teacher.subtitle': 'Actividades de ECAP en este curso',
  'teacher.placementsHeading': 'Actividades de ECAP',
  'teacher.placementsEmpty':
    'Este curso todavía no tiene actividades de ECAP. Para agregar una, abre en tu curso el selector para “agregar herramienta externa” o “agregar tarea” y elige ECAP Planner.',
  'teacher.points': 'Puntos: {points}',
  'teacher.notGraded': 'Sin calificación',
  'teacher.rosterHeading': 'Estudiantes que han abierto ECAP Planner',
  'teacher.rosterCaption': 'Estudiantes de este curso que han abierto ECAP Planner',
  'teacher.rosterNote':
    'Esta lista muestra solo a los estudiantes que han abierto una actividad de ECAP. La lista completa de la clase, tomada de tu plataforma de aprendizaje, aparecerá con el panel de la clase.',
  'teacher.rosterEmpty': 'Ningún estudiante ha abierto ECAP Planner desde este curso todavía.',
  'teacher.rosterName': 'Nombre',
  'teacher.rosterLastOpened': 'Última vez que lo abrió',

  'admin.title': 'Configuración del distrito',
  'admin.platform': 'Conectado a {product} ({issuer})',
  'admin.settingsHeading': 'Distrito',
  'admin.field.name': 'Nombre del distrito',
  'admin.field.schoolYear': 'Año escolar',
  'admin.field.schoolYear.hint': 'Por ejemplo, 2026-2027',
  'admin.field.gradeFrom': 'Primer grado',
  'admin.field.gradeTo': 'Último grado',
  'admin.field.grade': 'Grado {grade}',
  'admin.field.gradeSpan': 'Grados que atiende',
  'admin.field.languages': 'Idiomas',
  'admin.language.en': 'Inglés (English)',
  'admin.language.es': 'Español',
  'admin.save': 'Guardar configuración',
  'admin.status.saving': 'Guardando…',
  'admin.status.saved': 'Se guardó la configuración.',
  'admin.status.invalid': 'Corrija los campos marcados y vuelva a guardar.',
  'admin.status.error': 'No se pudo guardar la configuración. Inténtelo de nuevo.',
  'admin.status.offline':
    'Parece que no tiene conexión. Sus cambios siguen aquí: vuelva a guardar cuando tenga conexión.',
  'admin.error.required': 'Escriba un valor.',
  'admin.error.tooLong': 'Use como máximo {max} caracteres.',
  'admin.error.schoolYear': 'Use el formato 2026-2027.',
  'admin.error.gradeOrder': 'El primer grado no puede ser posterior al último grado.',
  'admin.error.languages': 'Elija al menos un idioma.',
  'admin.error.invalid': 'Revise este valor.',
  'admin.deploymentsHeading': 'Escuelas',
  'admin.deploymentsIntro':
    'Cada escuela (una implementación o subcuenta de la plataforma) que usa ECAP Planner. Se rechazan los accesos desde una implementación que no aparezca aquí.',
  'admin.deploymentsCaption': 'Escuelas conectadas a ECAP Planner',
  'admin.deploymentsEmpty': 'Todavía no hay escuelas conectadas.',
  'admin.deployment.name': 'Nombre de la escuela',
  'admin.deployment.id': 'ID de implementación (deployment ID)',
  'admin.deployment.addHeading': 'Agregar una escuela',
  'admin.deployment.add': 'Agregar escuela',
  'admin.deployment.adding': 'Agregando…',
  'admin.deployment.added': 'Se agregó {name}.',
  'admin.deployment.exists': 'No se agregó la escuela porque ya está conectada. {message}',
  'admin.deployment.error': 'No se pudo agregar la escuela. Inténtelo de nuevo.',
  'admin.deployment.offline': 'Parece que no tiene conexión. Vuelva a agregar la escuela cuando tenga conexión.',

  'parent.title': 'Los planes de sus hijos',
  'parent.intro': 'Estos son los estudiantes vinculados a su cuenta.',
  'parent.notSignedIn': 'El estudiante todavía no ha iniciado sesión en ECAP Planner',
  'parent.empty':
    'Todavía no hay estudiantes vinculados a su cuenta. Pídale a la escuela que conecte su cuenta.',
  'parent.listLabel': 'Sus hijos',
  'parent.viewPlan': 'Abrir el plan de {name}',
  'parent.back': 'Volver a sus hijos',
  'parent.childPlanTitle': 'Plan de Educación y Carrera de {name}',
  'parent.readOnly': 'Usted puede leer este plan; su hijo o hija y la escuela lo mantienen al día.',

  ...planEs,
  ...activitiesEs,
  ...signoffEs,
  ...parentLinksEs,
  ...privacyEs,
  ...caseloadEs,
  ...reportsEs,
};
