import type { Request, Response } from 'express';
import { localeFrom, type Locale } from '../../shared/roles';

/** Words of the server-rendered pages (errors, sign-in steps, registration), in English and Spanish. */
export const PAGE_STRINGS = {
  couldNotOpen: { en: 'ECAP Planner could not open', es: 'ECAP Planner no pudo abrirse' },
  somethingWrong: { en: 'Something went wrong', es: 'Algo salió mal' },
  requestRefused: { en: 'Request not accepted', es: 'Solicitud no aceptada' },
  pageNotFound: { en: 'Page not found', es: 'Página no encontrada' },
  nothingHere: { en: 'There is nothing at this address.', es: 'No hay nada en esta dirección.' },
  reference: {
    en: "Reference: {ref}. Give this reference to your district's ECAP Planner administrator if the problem continues.",
    es: 'Referencia: {ref}. Si el problema continúa, dale esta referencia al administrador de ECAP Planner de tu distrito.',
  },
  detailsForAdmin: { en: 'Details for your administrator', es: 'Detalles para tu administrador' },
  connecting: { en: 'Connecting to your course…', es: 'Conectando con tu curso…' },
  oneMoment: { en: 'One moment while ECAP Planner signs you in.', es: 'Un momento mientras ECAP Planner inicia tu sesión.' },
  continue: { en: 'Continue', es: 'Continuar' },
  newWindowTitle: { en: 'Open ECAP Planner in a new window', es: 'Abre ECAP Planner en una ventana nueva' },
  newWindowWhy: {
    en: 'Your browser blocks ECAP Planner from signing you in inside the course page (it blocks third-party cookies).',
    es: 'Tu navegador no deja que ECAP Planner inicie tu sesión dentro de la página del curso (bloquea las cookies de terceros).',
  },
  newWindowHow: {
    en: 'Open it in its own window to continue; your work is saved the same way.',
    es: 'Ábrelo en su propia ventana para continuar; tu trabajo se guarda igual.',
  },
  newWindowButton: { en: 'Open ECAP Planner in a new window', es: 'Abrir ECAP Planner en una ventana nueva' },
  registerTitle: { en: 'Register ECAP Planner', es: 'Registrar ECAP Planner' },
  registerOffer: { en: 'Your {product} at {issuer} asks to add ECAP Planner.', es: 'Tu {product} en {issuer} pide agregar ECAP Planner.' },
  registerData: {
    en: 'ECAP Planner will receive student names, emails and course rosters, and send completion to the gradebook.',
    es: 'ECAP Planner recibirá los nombres y correos de los estudiantes y las listas de los cursos, y enviará el avance al libro de calificaciones.',
  },
  districtName: { en: 'District name', es: 'Nombre del distrito' },
  districtNameHint: {
    en: 'Shown to staff in ECAP Planner; you can change it later in District settings.',
    es: 'Lo ve el personal en ECAP Planner; puedes cambiarlo después en la configuración del distrito.',
  },
  registerButton: { en: 'Register', es: 'Registrar' },
  registeredTitle: { en: 'ECAP Planner is registered', es: 'ECAP Planner quedó registrado' },
  registeredWith: {
    en: 'ECAP Planner is registered with {issuer} (client ID {clientId}).',
    es: 'ECAP Planner quedó registrado con {issuer} (ID de cliente {clientId}).',
  },
  registeredClose: {
    en: 'This window closes by itself; if it does not, close it and enable the tool in your LMS.',
    es: 'Esta ventana se cierra sola; si no, ciérrala y activa la herramienta en tu plataforma.',
  },
  parentLinkUnknownTitle: { en: 'This link does not work', es: 'Este enlace no funciona' },
  parentLinkUnknownBody: {
    en: 'Check that you copied the whole address. If it still does not open, ask your child’s school for a new link.',
    es: 'Revise que copió la dirección completa. Si sigue sin abrirse, pida un enlace nuevo a la escuela de su hijo o hija.',
  },
  parentLinkEndedTitle: { en: 'This link has expired', es: 'Este enlace ya venció' },
  parentLinkEndedBody: {
    en: 'Links to a student’s plan work for a limited time, or until the school turns them off. Ask your child’s school for a new link.',
    es: 'Los enlaces al plan de un estudiante funcionan por un tiempo limitado, o hasta que la escuela los desactiva. Pida un enlace nuevo a la escuela de su hijo o hija.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type PageString = keyof typeof PAGE_STRINGS;

export function pageText(locale: Locale, key: PageString, vars: Record<string, string> = {}): string {
  return PAGE_STRINGS[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

/** The language of a server page: the launch's locale when known, else the browser's first language. */
export function pageLocale(req: Request, res: Response): Locale {
  const fromLaunch = (res.locals as { pageLocale?: Locale }).pageLocale;
  return fromLaunch ?? localeFrom(req.get('accept-language')?.split(',')[0]);
}
