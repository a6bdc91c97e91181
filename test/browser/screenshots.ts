/**
 * Screenshots for docs/screenshots/ at the Chromebook size (1366x768), each through the real launch flow in
 * the simulated LMS course page. Not part of the jest run:
 *
 *   npm run build:client && npx tsx test/browser/screenshots.ts
 *
 * Uses MONGOMS_SYSTEM_BINARY like the tests (see STACK.md) and CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { launch, learnerLaunch, ROLES } from '../support/lti-flow';
import type { LaunchOptions } from '../support/platform-simulator';
import { launchBrowser, newPage, requireClientBuild } from './support/browser';
import { openFromLms, startLms, TOOL_FRAME, waitForApp, type Lms } from './support/journey';
import { StudentApi, tinyPdf } from './support/plan';
import { INTEREST_ITEMS } from '../../shared/career/inventory';
import type { PlannedCourse, SubjectArea } from '../../shared/api/plan';

const OUT_DIR = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

async function shoot(browser: Browser, name: string, steps: (page: Page) => Promise<void>, attempt = 1): Promise<void> {
  const { context, page } = await newPage(browser);
  try {
    try {
      await steps(page);
    } catch (e) {
      // A launch now and then stalls on the LMS authorization page in the frame: one more try in a fresh tab.
      if (attempt >= 2) throw e;
      console.warn(`${name}: ${(e as Error).message.split('\n')[0]}; trying again`);
      await context.close();
      return shoot(browser, name, steps, attempt + 1);
    }
    // Let fonts and transitions settle before the capture.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    const file = path.join(OUT_DIR, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await context.close();
  }
}

async function toolHome(page: Page, lms: Lms, opts: LaunchOptions, heading?: string): Promise<void> {
  await openFromLms(page, lms, opts);
  const frame = await waitForApp(page);
  if (heading) await frame.getByRole('heading', { level: 1, name: heading }).waitFor();
  // Wait for the data-driven parts (no loading spinner left).
  await frame.waitForFunction(() => !document.querySelector('[role="progressbar"][aria-busy="true"], [data-loading="true"]'));
}

/** Opens one of the student's plan screens (`#/plan/<route>`) from the plan navigation, once its data is in. */
async function planScreen(page: Page, lms: Lms, opts: LaunchOptions, route: string): Promise<void> {
  await toolHome(page, lms, opts);
  const frame = page.frame({ name: 'tool-frame' });
  if (!frame) throw new Error('the LMS page has no tool-frame');
  await frame.locator(`nav a[href="#/plan/${route}"]`).click();
  await frame.locator(`nav a[href="#/plan/${route}"][aria-current="page"]`).waitFor();
  await frame.waitForFunction(() => {
    const h1 = document.querySelector('main h1');
    const text = document.body.innerText;
    return !!h1 && !text.includes('Loading…') && !text.includes('Cargando…');
  });
  // The screen moves focus to its heading; keep the capture free of a focus ring elsewhere.
  await page.waitForTimeout(400);
}

/** A plan with something in every section, so the screens show real content (through the student's own API). */
async function seedPlan(api: StudentApi, lang: 'en' | 'es'): Promise<void> {
  const plan = await api.plan();
  const course = (name: string, subjectArea: SubjectArea, gradeLevel: number, status: PlannedCourse['status'] = 'planned', gradeEarned?: string): PlannedCourse => ({
    id: `c-${name.replace(/\W+/g, '-').toLowerCase()}`,
    name,
    subjectArea,
    credits: 1,
    gradeLevel,
    term: 'full_year',
    status,
    ...(gradeEarned ? { gradeEarned } : {}),
  });
  const es = lang === 'es';
  await api.saveSection('academic', plan.sections.academic.version, {
    courses: [
      course(es ? 'Inglés 9' : 'English 9', 'english', 9, 'completed', 'A'),
      course(es ? 'Álgebra I' : 'Algebra I', 'math', 9, 'completed', 'B+'),
      course(es ? 'Biología' : 'Biology', 'science', 9, 'in_progress'),
      course(es ? 'Historia universal' : 'World History', 'social_studies', 9, 'in_progress'),
      course(es ? 'Inglés 10' : 'English 10', 'english', 10),
      course(es ? 'Geometría' : 'Geometry', 'math', 10),
      course(es ? 'Química' : 'Chemistry', 'science', 10),
      course(es ? 'Arte I' : 'Art I', 'fine_arts', 10),
    ],
    postsecondaryGoals: es ? 'Estudiar enfermería en una universidad de Arizona.' : 'Study nursing at an Arizona university.',
    achievements: [{ id: 'a1', title: es ? 'Cuadro de honor' : 'Honor roll', date: '2025-01-15' }],
  });
  const letters = { R: 2, I: 4, A: 3, S: 5, E: 3, C: 2 } as const;
  await api.saveSection('career', plan.sections.career.version, {
    interestInventory: { answers: Object.fromEntries(INTEREST_ITEMS.map((i) => [i.id, letters[i.letter]])) },
    skills: {},
    workValues: {},
    savedCareers: [],
    careerGoal: {
      title: es ? 'Enfermera titulada' : 'Registered nurse',
      educationPath: es ? 'Licenciatura en enfermería y el examen NCLEX-RN' : 'Bachelor of Science in Nursing and the NCLEX-RN exam',
      trainingNeeded: es ? 'Certificación de RCP' : 'CPR certification',
      targetYear: 2033,
    },
  });
  await api.saveSection('postsecondary', plan.sections.postsecondary.version, {
    options: [{ id: 'o1', type: 'four_year', name: 'Arizona State University', admissionRequirements: '16 core courses, 3.0 GPA' }],
    applications: [{ id: 'ap1', institution: 'Arizona State University', type: 'four_year', deadline: '2028-02-01', status: 'researching', checklist: [{ id: 'k1', item: 'Transcript', done: false }] }],
    financialPlan: { estimatedAnnualCost: 28000, fafsaStatus: 'not_started', scholarships: [{ id: 's1', name: 'Arizona Promise', amount: 5000, deadline: '2028-03-01', status: 'researching' }], notes: '' },
  });
  await api.saveSection('extracurricular', plan.sections.extracurricular.version, {
    activities: [
      { id: 'x1', category: 'community_service', name: es ? 'Banco de alimentos' : 'Food bank volunteer', role: es ? 'Voluntaria' : 'Volunteer', startDate: '2024-09-07', hours: 42, reflection: es ? 'Aprendí a trabajar en equipo.' : 'I learned to work on a team.' },
      { id: 'x2', category: 'job_shadow', name: es ? 'Observación en el hospital' : 'Hospital job shadow', role: '', startDate: '2025-03-10', endDate: '2025-03-10', hours: 6, reflection: '' },
    ],
    credentials: [],
  });
  await api.saveSection('goals', plan.sections.goals.version, {
    shortTerm: [{ id: 'g1', text: es ? 'Subir mi calificación de matemáticas a B' : 'Raise my math grade to a B', status: 'in_progress', targetDate: '2026-05-20' }],
    longTerm: [{ id: 'g2', text: es ? 'Graduarme y estudiar enfermería' : 'Graduate and study nursing', status: 'not_started' }],
  });
  await api.saveSection('reflections', plan.sections.reflections.version, {
    whoAmI: es ? 'Me gusta ayudar a las personas.' : 'I like helping people.',
    whereAmIGoing: es ? 'Quiero trabajar en un hospital.' : 'I want to work in a hospital.',
    whatDoINeed: '',
    nextSteps: '',
  });
  const form = new FormData();
  form.set('type', 'resume');
  form.set('title', es ? 'Mi currículum' : 'My resume');
  form.set('file', new Blob([new Uint8Array(tinyPdf())], { type: 'application/pdf' }), 'resume.pdf');
  const res = await api.request('POST', '/api/plans/me/artifacts', { body: form });
  if (res.status !== 201 && res.status !== 200) throw new Error(`upload for the screenshots: ${res.status} ${await res.text()}`);
}

async function main(): Promise<void> {
  requireClientBuild();
  mkdirSync(OUT_DIR, { recursive: true });
  await globalSetup();
  const lms = await startLms();
  const browser = await launchBrowser({ blockThirdPartyCookies: true });
  try {
    const { reg, tool, sim } = lms;
    const person = (sub: string, name: string, locale: string) => ({ sub, name, locale });

    // Data: students who launched (for the teacher's list) and a parent's children.
    const tokens = new Map<string, string | null>();
    for (const [sub, name] of [
      ['stu-1', 'Maya Chen'],
      ['stu-2', 'Ben Ortiz'],
      ['stu-3', 'Ana López'],
      ['stu-4', 'Jamal Carter'],
    ] as const) {
      tokens.set(sub, (await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub, name } }))).sessionToken);
    }
    const teacher = (locale: string): LaunchOptions => ({
      ...learnerLaunch(reg.clientId),
      user: person(`teacher-${locale}`, 'Ms. Rivera', locale),
      roles: [ROLES.instructor],
    });
    const admin = (locale: string): LaunchOptions => ({
      ...learnerLaunch(reg.clientId),
      user: person(`admin-${locale}`, 'Dr. Okafor', locale),
      roles: [ROLES.institutionAdmin],
      context: undefined,
    });
    const parent = (locale: string): LaunchOptions => ({
      ...learnerLaunch(reg.clientId),
      user: person(`parent-${locale}`, 'Luis Diaz', locale),
      roles: [ROLES.mentor],
      mentees: ['stu-3', 'stu-unknown'],
    });

    await shoot(browser, 'student-en', (p) => toolHome(p, lms, learnerLaunch(reg.clientId, { user: person('stu-1', 'Maya Chen', 'en-US') })));
    await shoot(browser, 'student-es', (p) => toolHome(p, lms, learnerLaunch(reg.clientId, { user: person('stu-3', 'Ana López', 'es-MX') })));
    await shoot(browser, 'teacher-en', (p) => toolHome(p, lms, teacher('en-US'), 'Advisory 9A'));
    await shoot(browser, 'teacher-es', (p) => toolHome(p, lms, teacher('es-MX'), 'Advisory 9A'));
    await shoot(browser, 'admin-en', (p) => toolHome(p, lms, admin('en-US')));
    await shoot(browser, 'admin-es', (p) => toolHome(p, lms, admin('es-MX')));
    await shoot(browser, 'parent-en', (p) => toolHome(p, lms, parent('en-US')));
    await shoot(browser, 'parent-es', (p) => toolHome(p, lms, parent('es-MX')));

    // The student's plan screens: Maya (English) and Ana (Spanish) have filled in their plans by now.
    for (const [sub, lang] of [['stu-1', 'en'], ['stu-3', 'es']] as const) {
      const token = tokens.get(sub);
      if (!token) throw new Error(`no session token for ${sub}`);
      await seedPlan(new StudentApi(tool.baseUrl, token), lang);
    }
    const maya = () => learnerLaunch(reg.clientId, { user: person('stu-1', 'Maya Chen', 'en-US') });
    const ana = () => learnerLaunch(reg.clientId, { user: person('stu-3', 'Ana López', 'es-MX') });
    await shoot(browser, 'plan-academic-en', (p) => planScreen(p, lms, maya(), 'academic'));
    await shoot(browser, 'plan-academic-es', (p) => planScreen(p, lms, ana(), 'academic'));
    await shoot(browser, 'plan-career-en', (p) => planScreen(p, lms, maya(), 'career'));
    await shoot(browser, 'plan-career-es', (p) => planScreen(p, lms, ana(), 'career'));
    await shoot(browser, 'plan-postsecondary-en', (p) => planScreen(p, lms, maya(), 'postsecondary'));
    await shoot(browser, 'plan-extracurricular-en', (p) => planScreen(p, lms, maya(), 'extracurricular'));
    await shoot(browser, 'plan-goals-es', (p) => planScreen(p, lms, ana(), 'goals'));
    await shoot(browser, 'plan-portfolio-en', (p) => planScreen(p, lms, maya(), 'portfolio'));
    await shoot(browser, 'plan-review-en', (p) => planScreen(p, lms, maya(), 'review'));

    // A launch the tool refuses (deployment unknown to the district): the friendly error page in the iframe.
    await shoot(browser, 'launch-error', async (p) => {
      await openFromLms(p, lms, learnerLaunch(reg.clientId, { tamper: { deploymentId: '7:school-not-added-yet' } }));
      await p.frameLocator(TOOL_FRAME).getByText('Reference:').waitFor();
    });
    // The LMS offers no platform storage and the browser blocks the tool's cookie.
    await shoot(browser, 'new-window', async (p) => {
      await openFromLms(p, lms, learnerLaunch(reg.clientId, { platformStorage: false }));
      await p.frameLocator(TOOL_FRAME).getByRole('link', { name: 'Open ECAP Planner in a new window' }).waitFor();
    });
    // Dynamic registration: what the LMS admin sees after pasting the tool's registration URL.
    await shoot(browser, 'registration-confirm', async (p) => {
      const url = new URL(`${tool.baseUrl}/lti/register`);
      url.searchParams.set('openid_configuration', sim.openidConfigurationUrl);
      url.searchParams.set('registration_token', sim.createRegistrationToken());
      await p.goto(url.toString());
      await p.getByRole('heading', { name: 'Register ECAP Planner' }).waitFor();
    });
  } finally {
    await browser.close();
    await lms.close();
    await globalTeardown();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
