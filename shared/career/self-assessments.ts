import type { RiasecLetter } from '../api/plan';

/** A self-assessment statement in both languages; the id is what the plan stores (max 32 characters). */
export interface AssessmentItem {
  id: string;
  en: string;
  es: string;
}

/** Skills the student rates 1..4 (careerSectionSchema.skills): "How good am I at this?". Written by us. */
export const SKILLS: readonly AssessmentItem[] = [
  { id: 'communication', en: 'Explaining my ideas clearly', es: 'Explicar mis ideas con claridad' },
  { id: 'teamwork', en: 'Working well in a team', es: 'Trabajar bien en equipo' },
  { id: 'problem_solving', en: 'Solving problems step by step', es: 'Resolver problemas paso a paso' },
  { id: 'math', en: 'Using math and numbers', es: 'Usar las matemáticas y los números' },
  { id: 'writing', en: 'Writing clearly and correctly', es: 'Escribir con claridad y sin errores' },
  { id: 'technology', en: 'Using computers and technology', es: 'Usar computadoras y tecnología' },
  { id: 'leadership', en: 'Leading a group toward a goal', es: 'Guiar a un grupo hacia una meta' },
  { id: 'creativity', en: 'Coming up with new ideas', es: 'Tener ideas nuevas' },
  { id: 'organization', en: 'Keeping my things and my time organized', es: 'Mantener organizados mis cosas y mi tiempo' },
  { id: 'mechanical', en: 'Working with my hands, tools and machines', es: 'Trabajar con las manos, herramientas y máquinas' },
  { id: 'helping_others', en: 'Helping and caring for others', es: 'Ayudar y cuidar a los demás' },
  { id: 'public_speaking', en: 'Speaking in front of a group', es: 'Hablar frente a un grupo' },
  { id: 'reading', en: 'Reading and understanding long texts', es: 'Leer y comprender textos largos' },
  { id: 'time_management', en: 'Finishing my work on time', es: 'Terminar mi trabajo a tiempo' },
];

/** Work values the student rates 1..4 (careerSectionSchema.workValues): "How important is this to me?". Written by us. */
export const WORK_VALUES: readonly AssessmentItem[] = [
  { id: 'helping_people', en: 'Helping people', es: 'Ayudar a las personas' },
  { id: 'high_pay', en: 'Earning a high salary', es: 'Ganar un buen sueldo' },
  { id: 'job_security', en: 'Having a steady, secure job', es: 'Tener un trabajo estable y seguro' },
  { id: 'creativity', en: 'Being creative in my work', es: 'Ser creativo en mi trabajo' },
  { id: 'independence', en: 'Making my own decisions', es: 'Tomar mis propias decisiones' },
  { id: 'teamwork', en: 'Working with a team', es: 'Trabajar en equipo' },
  { id: 'outdoors', en: 'Working outdoors', es: 'Trabajar al aire libre' },
  { id: 'flexible_schedule', en: 'Having a flexible schedule', es: 'Tener un horario flexible' },
  { id: 'recognition', en: 'Being recognized for my work', es: 'Recibir reconocimiento por mi trabajo' },
  { id: 'variety', en: 'Doing different things every day', es: 'Hacer cosas diferentes cada día' },
  { id: 'leadership', en: 'Being in charge of projects or people', es: 'Estar a cargo de proyectos o de personas' },
  { id: 'learning', en: 'Always learning something new', es: 'Aprender siempre algo nuevo' },
];

export interface RiasecLabel {
  en: string;
  es: string;
  description: { en: string; es: string };
}

/** Names and a one-line description of each Holland (RIASEC) type, for results and career matches. */
export const RIASEC_LABELS: Record<RiasecLetter, RiasecLabel> = {
  R: {
    en: 'Realistic',
    es: 'Realista',
    description: {
      en: 'Doers: you like hands-on work with tools, machines, plants or animals, often outdoors.',
      es: 'Hacedores: te gusta el trabajo práctico con herramientas, máquinas, plantas o animales, muchas veces al aire libre.',
    },
  },
  I: {
    en: 'Investigative',
    es: 'Investigador',
    description: {
      en: 'Thinkers: you like to observe, ask questions, experiment and solve problems with ideas and data.',
      es: 'Pensadores: te gusta observar, hacer preguntas, experimentar y resolver problemas con ideas y datos.',
    },
  },
  A: {
    en: 'Artistic',
    es: 'Artístico',
    description: {
      en: 'Creators: you like to express yourself through art, music, writing, design or performance.',
      es: 'Creadores: te gusta expresarte por medio del arte, la música, la escritura, el diseño o la actuación.',
    },
  },
  S: {
    en: 'Social',
    es: 'Social',
    description: {
      en: 'Helpers: you like to teach, care for, listen to and work with people.',
      es: 'Ayudantes: te gusta enseñar, cuidar, escuchar y trabajar con las personas.',
    },
  },
  E: {
    en: 'Enterprising',
    es: 'Emprendedor',
    description: {
      en: 'Persuaders: you like to lead, convince others, start projects and take on challenges.',
      es: 'Persuasivos: te gusta dirigir, convencer a otros, emprender proyectos y asumir retos.',
    },
  },
  C: {
    en: 'Conventional',
    es: 'Convencional',
    description: {
      en: 'Organizers: you like clear rules, details, numbers and keeping things in order.',
      es: 'Organizadores: te gustan las reglas claras, los detalles, los números y mantener todo en orden.',
    },
  },
};
