import type { SignoffMessageKey } from './signoff.en';

/** Spanish strings of the annual review sign-off (advisor review and parent signatures): "usted" for staff and parents, as elsewhere. */
export const signoffEs: Record<SignoffMessageKey, string> = {
  'signoff.heading': 'Revisiones anuales',
  'signoff.intro.teacher': 'Cada año el estudiante entrega el plan; un consejero lo revisa y un padre, madre o tutor lo firma.',
  'signoff.intro.parent': 'Cada año su hijo o hija entrega el plan y un consejero lo revisa. Léalo y fírmelo para indicar que lo revisó con su hijo o hija.',
  'signoff.empty': 'Todavía no se ha entregado ninguna revisión anual.',
  'signoff.year': 'Año escolar {year} (grado {grade})',
  'signoff.submitted': 'Entregado por el estudiante el {date}',
  'signoff.advisor.done': 'Revisado por {name} el {date}',
  'signoff.advisor.pending': 'Todavía no lo revisa un consejero',
  'signoff.advisor.comment': 'Comentario del consejero: {comment}',
  'signoff.parent.done': 'Firmado por {name} el {date}',
  'signoff.parent.doneTyped': 'Firmado por {name} (escribió «{typed}») el {date}',
  'signoff.parent.pending': 'Todavía no lo firma un padre, madre o tutor',
  'signoff.parent.you': 'Usted lo firmó el {date}',
  'signoff.column.advisor': 'Revisión del consejero',
  'signoff.column.parent': 'Firma de los padres',

  'signoff.advise.legend': 'Revisar {year}',
  'signoff.advise.comment': 'Comentario para el estudiante (opcional)',
  'signoff.advise.hint': 'Hasta 2000 caracteres. El estudiante y sus padres lo ven.',
  'signoff.advise.submit': 'Marcar {year} como revisado',
  'signoff.advise.sending': 'Guardando la revisión…',
  'signoff.advise.done': 'Revisión guardada.',
  'signoff.advise.invalid': 'Revise el comentario.',

  'signoff.sign.legend': 'Firmar {year}',
  'signoff.sign.confirm': 'Revisé este plan con mi hijo o hija.',
  'signoff.sign.name': 'Escriba su nombre completo para firmar',
  'signoff.sign.nameHint': 'Su nombre escrito es su firma.',
  'signoff.sign.submit': 'Firmar {year}',
  'signoff.sign.sending': 'Guardando su firma…',
  'signoff.sign.done': 'Gracias. Su firma quedó guardada.',
  'signoff.sign.invalid': 'Revise los campos marcados arriba.',
  'signoff.error.confirm': 'Marque la casilla para confirmar que revisó el plan.',
  'signoff.error.name': 'Escriba su nombre completo (120 caracteres como máximo).',
  'signoff.error.comment': 'Use 2000 caracteres como máximo.',

  'signoff.failed.offline': 'Parece que no tiene conexión. No se guardó nada: inténtelo de nuevo cuando vuelva a tener conexión.',
  'signoff.failed.conflict': 'Alguien ya hizo esto para {year}. La lista muestra ahora lo que está guardado.',
  'signoff.failed.other': 'No funcionó. Inténtelo de nuevo.',
};
