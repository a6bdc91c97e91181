/** A student opens ECAP Planner from the course page, in English and in Spanish; axe checks the tool frame. */
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, requireClientBuild } from './support/browser';
import { axeToolFrame } from './support/axe';
import { openFromLms, startLms, waitForApp, type Lms } from './support/journey';
import { learnerLaunch } from '../support/lti-flow';

let lms: Lms;
let browser: Browser;

beforeAll(async () => {
  requireClientBuild();
  [lms, browser] = await Promise.all([startLms(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
});

it('shows the student home with the four ECAP attributes in English, with no axe violations', async () => {
  const { context, page } = await newPage(browser);
  try {
    await openFromLms(page, lms, learnerLaunch(lms.reg.clientId, { user: { sub: 'stu-en', name: 'Maya Chen', locale: 'en-US' } }));
    const frame = await waitForApp(page);
    await frame.getByRole('heading', { level: 1, name: 'My Education and Career Action Plan' }).waitFor();
    await frame.getByRole('heading', { level: 2, name: 'The four parts of your plan' }).waitFor();
    const attributes = await frame.getByRole('heading', { level: 3 }).allTextContents();
    expect(attributes).toEqual(['Academic', 'Career', 'Postsecondary', 'Extracurricular']);
    expect(await frame.getByRole('progressbar').count()).toBe(4);
    await frame.getByText('Signed in as Maya Chen').waitFor();
    expect(await frame.locator('html').getAttribute('lang')).toMatch(/^en/);
    await axeToolFrame(page);
  } finally {
    await context.close();
  }
});

it('follows the launch locale es-MX: Spanish headings, no axe violations', async () => {
  const { context, page } = await newPage(browser);
  try {
    await openFromLms(page, lms, learnerLaunch(lms.reg.clientId, { user: { sub: 'stu-es', name: 'Ana López', locale: 'es-MX' } }));
    const frame = await waitForApp(page);
    await frame.getByRole('heading', { level: 1, name: 'Mi Plan de Educación y Carrera' }).waitFor();
    await frame.getByRole('heading', { level: 2, name: 'Las cuatro partes de tu plan' }).waitFor();
    const attributes = await frame.getByRole('heading', { level: 3 }).allTextContents();
    expect(attributes).toEqual(['Académico', 'Carrera', 'Después de la preparatoria', 'Actividades extracurriculares']);
    await frame.getByText('Sesión iniciada como Ana López').waitFor();
    expect(await frame.locator('html').getAttribute('lang')).toMatch(/^es/);
    await axeToolFrame(page);
  } finally {
    await context.close();
  }
});
