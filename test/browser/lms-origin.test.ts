/**
 * Real LMSs show course pages on another origin than their issuer: Canvas cloud's issuer is
 * https://canvas.instructure.com while courses live on https://<district>.instructure.com (or a custom domain).
 * The app shell's CSP frame-ancestors must include the framing page's origin, which the tool learns from the
 * login request's Origin header (server/lti/login.ts, noteLmsOrigins). Here the simulator's browser-facing
 * pages are served on http://localhost:<port> while its issuer stays http://127.0.0.1:<port>.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, requireClientBuild } from './support/browser';
import { openFromLms, startCrossSiteTool, waitForApp } from './support/journey';
import { learnerLaunch, registerToolManually } from '../support/lti-flow';
import { PlatformSimulator, type ToolRegistration } from '../support/platform-simulator';
import type { TestApp } from '../support/app-harness';

let tool: TestApp;
let sim: PlatformSimulator;
let reg: ToolRegistration;
let browser: Browser;

beforeAll(async () => {
  requireClientBuild();
  [tool, sim, browser] = await Promise.all([startCrossSiteTool(), PlatformSimulator.start({ product: 'canvas' }), launchBrowser()]);
  sim.useBrowserHostname('localhost');
  reg = await registerToolManually(tool, sim);
});
afterAll(async () => {
  await browser?.close();
  await sim?.stop();
  await tool?.close();
});

it('shows the app when the LMS course page is on another origin than the issuer (Canvas cloud)', async () => {
  const { context, page } = await newPage(browser);
  context.setDefaultTimeout(5_000);
  try {
    await openFromLms(page, { tool, sim, reg, close: async () => {} }, learnerLaunch(reg.clientId));
    const frame = await waitForApp(page);
    await frame.getByRole('heading', { level: 1, name: 'My Education and Career Action Plan' }).waitFor();
  } finally {
    await context.close();
  }
});
