import { RIASEC, type RiasecLetter } from '../api/plan';

/** One statement of the interest inventory; the student rates how much they would like it (1..5). */
export interface InterestItem {
  id: string;
  letter: RiasecLetter;
  en: string;
  es: string;
}

type ItemText = readonly [id: string, en: string, es: string];

/**
 * Written for this tool (not taken from the O*NET Interest Profiler or any other published inventory): everyday
 * activities a student in grades 6-12 can picture. Spanish is US school Spanish, addressed with "tú".
 */
const BY_LETTER: Record<RiasecLetter, readonly ItemText[]> = {
  R: [
    ['r1', 'Fix a bike, a skateboard or something at home that is broken', 'Arreglar una bicicleta, una patineta u otra cosa de tu casa que esté rota'],
    ['r2', 'Build something out of wood, like a birdhouse or a shelf', 'Construir algo de madera, como una casita para pájaros o un estante'],
    ['r3', 'Take care of plants in a garden or animals on a farm', 'Cuidar las plantas de un huerto o los animales de una granja'],
    ['r4', 'Take an engine apart to learn how it works', 'Desarmar un motor para aprender cómo funciona'],
    ['r5', 'Work outdoors, for example fixing trails in a park', 'Trabajar al aire libre, por ejemplo arreglando los senderos de un parque'],
    ['r6', 'Use tools to build the set for the school play', 'Usar herramientas para construir la escenografía de la obra de la escuela'],
  ],
  I: [
    ['i1', 'Do a science experiment to find out why something happens', 'Hacer un experimento de ciencias para descubrir por qué pasa algo'],
    ['i2', 'Solve tricky math or logic puzzles', 'Resolver acertijos difíciles de matemáticas o de lógica'],
    ['i3', 'Look at cells or tiny living things through a microscope', 'Observar células o seres vivos diminutos con un microscopio'],
    ['i4', 'Read about how planets, stars and black holes work', 'Leer sobre cómo funcionan los planetas, las estrellas y los agujeros negros'],
    ['i5', 'Collect data and make a graph to answer a question', 'Reunir datos y hacer una gráfica para responder una pregunta'],
    ['i6', 'Research a question and compare what different sources say', 'Investigar una pregunta y comparar lo que dicen distintas fuentes'],
  ],
  A: [
    ['a1', 'Draw, paint or design a poster', 'Dibujar, pintar o diseñar un cartel'],
    ['a2', 'Write a story, a poem or the lyrics of a song', 'Escribir un cuento, un poema o la letra de una canción'],
    ['a3', 'Act in a play or in a video', 'Actuar en una obra de teatro o en un video'],
    ['a4', 'Play an instrument or sing in a group', 'Tocar un instrumento o cantar en un grupo'],
    ['a5', 'Edit photos or videos to tell a story', 'Editar fotos o videos para contar una historia'],
    ['a6', 'Create your own style for clothes, a room or a website', 'Crear tu propio estilo para la ropa, un cuarto o un sitio web'],
  ],
  S: [
    ['s1', 'Help a classmate understand a lesson', 'Ayudar a un compañero o compañera a entender una lección'],
    ['s2', 'Volunteer at a food bank, a shelter or a community event', 'Hacer voluntariado en un banco de alimentos, un refugio o un evento de la comunidad'],
    ['s3', 'Look after younger kids, for example at a summer camp', 'Cuidar a niños más pequeños, por ejemplo en un campamento de verano'],
    ['s4', 'Listen to a friend who has a problem and help them feel better', 'Escuchar a un amigo que tiene un problema y ayudarlo a sentirse mejor'],
    ['s5', 'Learn first aid so you can help people who get hurt', 'Aprender primeros auxilios para poder ayudar a las personas que se lastiman'],
    ['s6', 'Welcome new students and show them around the school', 'Darles la bienvenida a los estudiantes nuevos y mostrarles la escuela'],
  ],
  E: [
    ['e1', 'Lead a team or a club', 'Dirigir un equipo o un club'],
    ['e2', 'Sell things for a school fundraiser', 'Vender cosas para recaudar fondos para la escuela'],
    ['e3', 'Start a small business of your own, like mowing lawns or selling baked goods', 'Empezar tu propio negocio pequeño, como cortar el césped o vender postres que horneas'],
    ['e4', 'Give a speech to convince people to support your idea', 'Dar un discurso para convencer a la gente de que apoye tu idea'],
    ['e5', 'Run for student council', 'Postularte para el consejo estudiantil'],
    ['e6', 'Plan an event and get others to help make it happen', 'Planear un evento y conseguir que otros te ayuden a realizarlo'],
  ],
  C: [
    ['c1', 'Keep a budget and track how you spend your money', 'Llevar un presupuesto y anotar en qué gastas tu dinero'],
    ['c2', 'Organize files, photos or a collection so things are easy to find', 'Organizar archivos, fotos o una colección para que todo sea fácil de encontrar'],
    ['c3', 'Enter information in a spreadsheet and check it for mistakes', 'Anotar información en una hoja de cálculo y revisar que no tenga errores'],
    ['c4', 'Make a schedule and follow it step by step', 'Hacer un horario y seguirlo paso a paso'],
    ['c5', 'Keep track of the supplies for a club or a classroom', 'Llevar el control de los materiales de un club o de un salón de clases'],
    ['c6', 'Follow detailed instructions to get a task exactly right', 'Seguir instrucciones detalladas para hacer una tarea sin ningún error'],
  ],
};

/**
 * Our own RIASEC items (not O*NET's), six per letter, interleaved R-I-A-S-E-C so a student meets every letter
 * early and a tired student's last answers do not all fall on one letter.
 */
export const INTEREST_ITEMS: readonly InterestItem[] = Array.from({ length: 6 }, (_, round) =>
  RIASEC.flatMap((letter) => {
    const text = BY_LETTER[letter][round];
    return text ? [{ id: text[0], letter, en: text[1], es: text[2] }] : [];
  }),
).flat();

/**
 * Scores complete answers: the mean rating per letter, and the three highest letters as the Holland code
 * (ties broken in R-I-A-S-E-C order). Null until every item is answered.
 */
export function scoreInterestInventory(
  answers: Readonly<Record<string, number>>,
  items: readonly InterestItem[] = INTEREST_ITEMS,
): { scores: Record<RiasecLetter, number>; code: string } | null {
  if (items.length === 0 || items.some((item) => answers[item.id] === undefined)) return null;
  const scores = {} as Record<RiasecLetter, number>;
  for (const letter of RIASEC) {
    const mine = items.filter((i) => i.letter === letter);
    const total = mine.reduce((sum, i) => sum + (answers[i.id] ?? 0), 0);
    scores[letter] = mine.length ? Math.round((total / mine.length) * 100) / 100 : 0;
  }
  const code = [...RIASEC]
    .sort((a, b) => scores[b] - scores[a] || RIASEC.indexOf(a) - RIASEC.indexOf(b))
    .slice(0, 3)
    .join('');
  return { scores, code };
}
