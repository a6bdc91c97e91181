import type { Locale } from '../../shared/roles';

/** What people read when a launch or registration step is refused, per LtiError message key. */
export const LTI_MESSAGES = {
  launch_refused: {
    en: 'ECAP Planner could not verify this launch from your LMS. Go back to your course and open the activity again.',
    es: 'ECAP Planner no pudo verificar este acceso desde tu plataforma. Vuelve a tu curso y abre la actividad otra vez.',
  },
  malformed_login: {
    en: 'The LMS sent an incomplete sign-in request.',
    es: 'La plataforma envió una solicitud de inicio de sesión incompleta.',
  },
  foreign_target_link: {
    en: 'The LMS asked to open an address outside ECAP Planner.',
    es: 'La plataforma pidió abrir una dirección fuera de ECAP Planner.',
  },
  unknown_platform: {
    en: 'This LMS is not registered with ECAP Planner yet. Ask your district administrator to install the tool (see the install guide for your LMS).',
    es: 'Esta plataforma aún no está registrada en ECAP Planner. Pide al administrador de tu distrito que instale la herramienta (consulta la guía de instalación de tu plataforma).',
  },
  ambiguous_platform: {
    en: 'Several ECAP Planner registrations exist for this LMS and it did not say which one to use. Ask your administrator to send the client_id with the login.',
    es: 'Hay varios registros de ECAP Planner para esta plataforma y no indicó cuál usar. Pide a tu administrador que envíe el client_id al iniciar sesión.',
  },
  inactive_platform: {
    en: 'ECAP Planner is switched off for this LMS.',
    es: 'ECAP Planner está desactivado para esta plataforma.',
  },
  unknown_deployment: {
    en: 'ECAP Planner is not enabled for this school or course yet. Ask the person who installed ECAP Planner for your district to add this deployment (District settings > Schools, or the registration form), then open the activity again.',
    es: 'ECAP Planner aún no está habilitado para esta escuela o curso. Pide a quien instaló ECAP Planner en tu distrito que agregue esta implementación (Configuración del distrito > Escuelas, o el formulario de registro) y vuelve a abrir la actividad.',
  },
  invalid_claims: {
    en: 'Your LMS sent a launch ECAP Planner cannot read.',
    es: 'Tu plataforma envió un acceso que ECAP Planner no puede leer.',
  },
  role_not_supported: {
    en: 'Your role in this course does not give access to ECAP Planner.',
    es: 'Tu rol en este curso no da acceso a ECAP Planner.',
  },
  placement_missing: {
    en: 'This ECAP activity is no longer available: it was removed from the course or is not part of this district. Ask your teacher to add it again from the ECAP activity picker.',
    es: 'Esta actividad de ECAP ya no está disponible: se quitó del curso o no pertenece a este distrito. Pide a tu maestro que la agregue de nuevo desde el selector de actividades de ECAP.',
  },
  internal: {
    en: 'Something went wrong while opening ECAP Planner. Please try again.',
    es: 'Algo salió mal al abrir ECAP Planner. Inténtalo de nuevo.',
  },
  registration_unreachable: {
    en: 'ECAP Planner could not reach your LMS to register.',
    es: 'ECAP Planner no pudo comunicarse con tu plataforma para registrarse.',
  },
  registration_needs_https: { en: 'The LMS must be reached over https.', es: 'La plataforma debe usar https.' },
  registration_unreadable: {
    en: 'Your LMS sent a registration offer ECAP Planner cannot read.',
    es: 'Tu plataforma envió una oferta de registro que ECAP Planner no puede leer.',
  },
  registration_start: {
    en: 'This address is for your LMS: paste it as the tool registration URL (Moodle: "Tool URL"; Canvas: "Install by URL" in LTI Registrations).',
    es: 'Esta dirección es para tu plataforma: pégala como URL de registro de la herramienta (Moodle: "Tool URL"; Canvas: "Install by URL" en LTI Registrations).',
  },
  registration_incomplete: {
    en: 'The registration form was incomplete. Start again from your LMS.',
    es: 'El formulario de registro estaba incompleto. Empieza de nuevo desde tu plataforma.',
  },
  registration_refused: {
    en: 'Your LMS did not accept the registration. Check that the registration link is still valid and try again.',
    es: 'Tu plataforma no aceptó el registro. Verifica que el enlace de registro siga vigente e inténtalo de nuevo.',
  },
  registration_exists: {
    en: 'This LMS registration (issuer and client ID) is already connected to a district in ECAP Planner. To change it, ask the person who runs ECAP Planner to update it with the install admin token.',
    es: 'Este registro de plataforma (emisor e ID de cliente) ya está conectado a un distrito en ECAP Planner. Para cambiarlo, pide a quien administra ECAP Planner que lo actualice con el token de administrador.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type LtiMessageKey = keyof typeof LTI_MESSAGES;
