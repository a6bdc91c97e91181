/**
 * The pieces every journey uses: the real app, the platform simulator, a registration, and a helper that opens
 * the simulated LMS course page and waits for the tool inside its iframe.
 *
 * Cross-site on purpose: the LMS (simulator) is http://127.0.0.1:<port> and the tool is http://localhost:<port>,
 * two different sites, so the tool runs as a third-party iframe exactly as in Canvas/Schoology/Moodle.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { loadConfig } from '../../../server/config';
import { startDatabase } from '../../../server/db/database';
import { createApp } from '../../../server/app';
import { TEST_ADMIN_TOKEN, freshMongoUri, type TestApp } from '../../support/app-harness';
import { PlatformSimulator, type LaunchOptions, type LoginInitiation, type ToolRegistration } from '../../support/platform-simulator';
import { registerToolManually } from '../../support/lti-flow';

export const TOOL_FRAME = 'iframe[name="tool-frame"]';

/**
 * The real app like startTestApp(), but reached as http://localhost:<port> (another site than the simulator's
 * 127.0.0.1) and with the cookie settings of an https deployment (SameSite=None; Secure, which Chromium accepts
 * on http://localhost), so the browser treats the tool's cookies as it would in production.
 */
export async function startCrossSiteTool(): Promise<TestApp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: baseUrl,
    MONGODB_URI: freshMongoUri(),
    LTI_KEY: randomBytes(32).toString('hex'),
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  });
  config.secureCookies = true;
  const db = await startDatabase(config);
  const { app, lti } = createApp(config, db.uri);
  await lti.deploy({ serverless: true, silent: true });
  server.on('request', app);
  return {
    baseUrl,
    app,
    lti,
    config,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await lti.close({ silent: true });
    },
  };
}

export interface Lms {
  tool: TestApp;
  sim: PlatformSimulator;
  reg: ToolRegistration;
  close(): Promise<void>;
}

/** A Canvas-like simulator with the tool registered by hand on both sides. */
export async function startLms(): Promise<Lms> {
  const tool = await startCrossSiteTool();
  const sim = await PlatformSimulator.start({ product: 'canvas' });
  const reg = await registerToolManually(tool, sim);
  return {
    tool,
    sim,
    reg,
    async close() {
      await sim.stop();
      await tool.close();
    },
  };
}

/**
 * Opens the LMS course page for a launch (platform storage offered unless said otherwise, as Canvas does) and
 * returns the tool frame once the app is showing (the launch redirected the frame to /app/).
 */
export async function openFromLms(
  page: Page,
  lms: Lms,
  opts: LaunchOptions,
): Promise<{ init: LoginInitiation; frame: FrameLocator; toolFrame: () => Frame }> {
  const init = lms.sim.prepareLaunch({ platformStorage: true, ...opts });
  await page.goto(lms.sim.lmsPageUrl(init));
  const frame = page.frameLocator(TOOL_FRAME);
  const toolFrame = (): Frame => {
    const f = page.frame({ name: 'tool-frame' });
    if (!f) throw new Error('the LMS page has no tool-frame');
    return f;
  };
  return { init, frame, toolFrame };
}

/** Waits until the tool frame shows the app shell (after a successful launch) and its first heading. */
export async function waitForApp(page: Page): Promise<Frame> {
  const frame = page.frame({ name: 'tool-frame' });
  if (!frame) throw new Error('the LMS page has no tool-frame');
  await frame.waitForURL(/\/app\/\?tn=/);
  await frame.locator('main h1').first().waitFor();
  return frame;
}
