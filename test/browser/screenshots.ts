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

const OUT_DIR = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

async function shoot(browser: Browser, name: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPage(browser);
  try {
    await steps(page);
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
    for (const [sub, name] of [
      ['stu-1', 'Maya Chen'],
      ['stu-2', 'Ben Ortiz'],
      ['stu-3', 'Ana López'],
      ['stu-4', 'Jamal Carter'],
    ] as const) {
      await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub, name } }));
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
