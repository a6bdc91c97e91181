/**
 * The tool's login cookie never comes back inside the LMS iframe (third-party cookies blocked, as in Safari,
 * Firefox strict mode, Chrome incognito or with "Block third-party cookies"). With platform storage the launch
 * still succeeds in the iframe; without it the tool offers a new window, where the launch completes.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, requireClientBuild } from './support/browser';
import { axeToolFrame } from './support/axe';
import { openFromLms, startLms, waitForApp, type Lms } from './support/journey';
import { learnerLaunch } from '../support/lti-flow';

let lms: Lms;
let browser: Browser;

beforeAll(async () => {
  requireClientBuild();
  [lms, browser] = await Promise.all([startLms(), launchBrowser({ blockThirdPartyCookies: true })]);
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
});

const STUDENT_HOME = 'My Education and Career Action Plan';

it('signs in through LMS platform storage when the cookie is blocked', async () => {
  const { context, page } = await newPage(browser);
  try {
    await openFromLms(page, lms, learnerLaunch(lms.reg.clientId, { platformStorage: true }));
    const frame = await waitForApp(page);
    await frame.getByRole('heading', { level: 1, name: STUDENT_HOME }).waitFor();

    // The cookie really was refused, and the browser key went through the LMS window instead.
    const toolCookies = await context.cookies(lms.tool.baseUrl);
    expect(toolCookies.filter((c) => c.name.startsWith('ecap_lti_'))).toEqual([]);
    const stored = await page.evaluate(() => (window as unknown as { __ltiPlatformStorage: Record<string, Record<string, string>> }).__ltiPlatformStorage);
    expect(Object.keys(stored)).toEqual([new URL(lms.tool.baseUrl).origin]);
    expect(Object.keys(stored[new URL(lms.tool.baseUrl).origin] ?? {})).toEqual([expect.stringMatching(/^ecap_/)]);
  } finally {
    await context.close();
  }
});

it('offers a new window when the LMS has no platform storage, and the launch completes there', async () => {
  const { context, page } = await newPage(browser);
  try {
    await openFromLms(page, lms, learnerLaunch(lms.reg.clientId, { platformStorage: false, user: { sub: 'stu-window', name: 'Noah Kim' } }));
    const frame = page.frameLocator('iframe[name="tool-frame"]');
    await frame.getByRole('heading', { level: 1, name: 'Open ECAP Planner in a new window' }).waitFor();
    await axeToolFrame(page);
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      frame.getByRole('link', { name: 'Open ECAP Planner in a new window' }).click(),
    ]);
    await popup.waitForURL(/\/app\/\?tn=/);
    await popup.getByRole('heading', { level: 1, name: STUDENT_HOME }).waitFor();
    await popup.getByText('Signed in as Noah Kim').waitFor();
    expect(await popup.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Academic', 'Career', 'Postsecondary', 'Extracurricular']);
  } finally {
    await context.close();
  }
});
