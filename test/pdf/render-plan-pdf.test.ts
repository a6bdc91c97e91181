import PDFDocument from 'pdfkit';
import { renderPlanPdf } from '../../server/plans/pdf/render-plan-pdf';
import { PDF_CATALOGS, type LabelKey } from '../../server/plans/pdf/labels';
import { winAnsiSafe } from '../../server/plans/pdf/pdf-layout';
import { buildPlanView, emptyPlanView, FIXTURE_ANNUAL_REVIEWS, FIXTURE_ARTIFACTS, FIXTURE_CAREER_TITLES } from './fixture';
import { pageCount, pdfText } from './pdf-text';

const NOW = new Date('2027-04-21T16:00:00Z');
const full = (locale: 'en' | 'es') =>
  renderPlanPdf(
    buildPlanView(),
    { locale, artifacts: FIXTURE_ARTIFACTS, careerTitles: FIXTURE_CAREER_TITLES, annualReviews: FIXTURE_ANNUAL_REVIEWS },
    { compress: false, now: NOW },
  );
/** Collapses the line breaks of wrapped text so phrases can be searched. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('renderPlanPdf', () => {
  it('renders the full plan in English with every part', async () => {
    const pdf = await full('en');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThan(1);
    const text = flat(pdfText(pdf));
    for (const expected of [
      'ECAP Portfolio',
      'María José López Núñez',
      'School year',
      '2026-2027',
      'Graduation year',
      '2028',
      'Exploration',
      'Submitted on Apr 20, 2027',
      // academic
      'Course plan',
      'Grade 9 – 6 credits',
      'Algebra II',
      'Mathematics',
      'In progress',
      'Completed',
      'Graduation requirements check',
      'All graduation requirements are met by this plan.',
      '24 of 22 credits planned',
      'Social studies',
      'Postsecondary education goals',
      'Honor Roll – Jun 1, 2026',
      // career
      'Interest code',
      'ASE – Artistic, Social, Enterprising',
      'Top skills',
      'Communication (4 of 4)',
      'Top work values',
      'Helping others (4 of 4)',
      'Graphic Designers (27-1024.00)',
      'Career goal',
      'Graphic Designer (27-1024.00)',
      'Education path',
      '2032',
      // postsecondary
      'Options explored',
      'Arizona State University – 4-year college or university',
      '16 core courses, 3.0 GPA',
      'Applications',
      'Nov 1, 2027',
      '1 of 2 done',
      'Researching',
      'Estimated annual cost',
      '$28,500',
      'Not started',
      'Hispanic Scholarship Fund',
      '$5,000',
      // extracurricular
      'Art Club',
      'Treasurer',
      'Clubs and organizations',
      '205 hours in all',
      'Employer assessment',
      'Sol Design: 4 of 4',
      'Aug 15, 2025 – ongoing',
      'Adobe Certified Professional: Photoshop',
      // goals, reflections, artifacts
      'Short-term goals',
      'Raise my Algebra II grade to a B – In progress, Target date May 15, 2027',
      'Long-term goals',
      'Who am I?',
      '¿Quién soy? Soy creativa, bilingüe',
      'What are my next steps?',
      'Portfolio artifacts',
      'Currículum 2027',
      'Resume',
      '2.3 MB',
      // footer
      'Exported on Apr 21, 2027',
      `Page 1 of ${pageCount(pdf)}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Meta profesional');
  });

  it('lists every submitted year with its advisor review and parent signatures, in both languages', async () => {
    const en = flat(pdfText(await full('en')));
    for (const expected of ['Annual reviews', 'Advisor review', 'Parent signatures', 'Reviewed by Ms. Rivera on Apr 21, 2027: Great year', 'Signed by Ana López on Apr 21, 2027', 'Reviewed by Mr. Okafor on May 3, 2026', 'Not yet']) {
      expect([expected, en.includes(expected)]).toEqual([expected, true]);
    }
    const es = flat(pdfText(await full('es')));
    for (const expected of ['Revisiones anuales', 'Firmas de los padres', 'Revisada por Ms. Rivera el 21 abr 2027: Great year', 'Firmada por Ana López el 21 abr 2027', 'Todavía no']) {
      expect([expected, es.includes(expected)]).toEqual([expected, true]);
    }
  });

  it('renders the full plan in Spanish with Spanish labels and enum values', async () => {
    const pdf = await full('es');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThan(1);
    const text = flat(pdfText(pdf));
    for (const expected of [
      'Portafolio ECAP',
      'Año escolar',
      'Año de graduación',
      'Exploración',
      'Entregada el 20 abr 2027',
      'Plan de cursos',
      'Grado 9 – 6 créditos',
      'Matemáticas',
      'En curso',
      'Completado',
      'Este plan cumple todos los requisitos de graduación.',
      'Código de intereses',
      'ASE – Artístico, Social, Emprendedor',
      'Communication (4 de 4)', // skill ids are not translated (career catalog owns their names)
      'Meta profesional',
      'Ruta educativa',
      'Opciones exploradas',
      'Universidad de 4 años',
      'Solicitudes',
      'Investigando',
      'Costo anual estimado',
      'Sin empezar',
      'Becas',
      'Clubes y organizaciones',
      'Pasantía',
      'Evaluación del empleador',
      'Credenciales',
      'Metas a corto plazo',
      '¿Quién soy?',
      '¿Cuáles son mis próximos pasos?',
      'Artefactos del portafolio',
      'Currículum',
      'Exportado el 21 abr 2027',
      `Página 1 de ${pageCount(pdf)}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Career goal');
    expect(text).not.toContain('Nothing recorded yet');
  });

  it('draws López, ñ, á, ¿ with real Helvetica glyphs', async () => {
    const doc = new PDFDocument();
    doc.font('Helvetica');
    const font = (doc as unknown as { _font: { font: { glyphsForString(s: string): string[] } } })._font.font;
    const sample = 'López, ñ, á, ¿, ¡, é, í, ó, ú, ü, Ñ – “ ” •';
    expect(font.glyphsForString(sample)).not.toContain('.notdef');
    doc.end();
    // Without winAnsiSafe, these would be missing glyphs; with it they become something drawable.
    expect(font.glyphsForString(winAnsiSafe('Emoji 😀 中文 ő ≥'))).not.toContain('.notdef');
    expect(winAnsiSafe('Emoji 😀 ő ≥ López\tok')).toBe('Emoji ? o >= López ok');

    const pdf = await renderPlanPdf(buildPlanView({ studentName: 'Zoë Łukasz 😀 López' }), { locale: 'es' }, { compress: false });
    const text = pdfText(pdf); // throws on any character outside WinAnsi
    expect(text).toContain('Zoë Lukasz ? López');
    expect(text).toContain('¿Qué necesito para llegar?');
  });

  it('renders an empty plan in both languages, saying nothing is recorded yet', async () => {
    for (const locale of ['en', 'es'] as const) {
      const pdf = await renderPlanPdf(emptyPlanView(), { locale }, { compress: false, now: NOW });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = flat(pdfText(pdf));
      const nothing = PDF_CATALOGS[locale].labels.nothingYet;
      expect(text.split(nothing).length - 1).toBeGreaterThanOrEqual(15);
      expect(text).toContain(locale === 'en' ? 'This plan does not yet meet every graduation requirement.' : 'Este plan todavía no cumple todos los requisitos de graduación.');
      expect(text).toContain(locale === 'en' ? 'Total: 22 more credits needed' : 'Total: faltan 22 créditos');
      expect(text).toContain(locale === 'en' ? 'Not estimated yet' : 'Todavía sin estimar');
    }
  });

  it('compresses by default', async () => {
    const pdf = await renderPlanPdf(buildPlanView(), { locale: 'en' });
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
    expect(pdfText(pdf)).toBe('');
  });

  it('has every English label in Spanish, and a value for every enum', () => {
    const { en, es } = PDF_CATALOGS;
    expect(Object.keys(es.labels).sort()).toEqual(Object.keys(en.labels).sort());
    for (const key of Object.keys(en.labels) as LabelKey[]) expect(es.labels[key].trim()).not.toBe('');
    for (const group of ['subjectArea', 'courseStatus', 'term', 'careerStage', 'riasec', 'optionType', 'applicationStatus', 'fafsaStatus', 'scholarshipStatus', 'activityCategory', 'goalStatus', 'artifactType'] as const) {
      expect(Object.keys(es[group]).sort()).toEqual(Object.keys(en[group]).sort());
    }
  });

  it('renders a long plan across many pages, repeating table headers', async () => {
    const view = buildPlanView();
    const many = Array.from({ length: 60 }, (_, i) => ({ ...view.sections.extracurricular.data.activities[0]!, id: `m${i}`, name: `Activity ${i}`, reflection: 'Una reflexión larga. '.repeat(30) }));
    view.sections.extracurricular.data.activities = many;
    view.sections.academic.data.courses = Array.from({ length: 120 }, (_, i) => ({ ...view.sections.academic.data.courses[0]!, id: `k${i}`, name: `Course ${i}`, gradeLevel: 9 }));
    const pdf = await renderPlanPdf(view, { locale: 'es' }, { compress: false });
    expect(pageCount(pdf)).toBeGreaterThan(15);
    const text = flat(pdfText(pdf));
    expect(text).toContain('Activity 59');
    expect(text).toContain('Course 119');
    // The course table's header is drawn again on each page it continues on.
    expect(text.split('Curso Materia Período Créditos Estado Calificación').length - 1).toBeGreaterThan(2);
  });
});
