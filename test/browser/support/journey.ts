/**
 * The pieces every journey uses: the real app, the platform simulator, a registration, and a helper that opens
 * the simulated LMS course page and waits for the tool inside its iframe.
 *
 * Cross-site on purpose: the LMS (simulator) is http://127.0.0.1:<port> and the tool is http://localhost:<port>,
 * two different sites, so the tool runs as a third-party iframe exactly as in Canvas/Schoology/Moodle.
 */
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/app-harness';
import { PlatformSimulator, type LaunchOptions, type LoginInitiation, type ToolRegistration } from '../../support/platform-simulator';
import { learnerLaunch, registerToolManually } from '../../support/lti-flow';

export const TOOL_FRAME = 'iframe[name="tool-frame"]';

/**
 * The real app like startTestApp(), but reached as http://localhost:<port> (another site than the simulator's
 * 127.0.0.1) and with the cookie settings of an https deployment (SameSite=None; Secure, which Chromium accepts
 * on http://localhost), so the browser treats the tool's cookies as it would in production.
 */
export function startCrossSiteTool(): Promise<TestApp> {
  return startTestApp({ host: 'localhost', secureCookies: true });
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

/** Who opens the tool from the LMS course page: a learner launch with these parts replaced. */
export interface LmsUser {
  sub: string;
  name: string;
  locale?: string;
  roles: string[];
  /** The course: left out, the learner launch's default course; `undefined`, an account-level launch (no context). */
  context?: LaunchOptions['context'];
  mentees?: string[];
}

/** Opens the tool from the LMS as `who` and returns the tool frame once the app shows. */
export async function openAs(page: Page, lms: Lms, who: LmsUser): Promise<Frame> {
  await openFromLms(page, lms, {
    ...learnerLaunch(lms.reg.clientId),
    user: { sub: who.sub, name: who.name, locale: who.locale ?? 'en-US' },
    roles: who.roles,
    ...('context' in who ? { context: who.context } : {}),
    ...(who.mentees ? { mentees: who.mentees } : {}),
  });
  return waitForApp(page);
}

/**
 * Waits until the tool frame shows the app shell (after a successful launch) and its first heading.
 * Rarely (about once in 50 CI launches, never reproduced in 64 launches in a loop) the frame stays on the
 * simulator's authorization page and its form_post never reaches the tool; the LMS page is then loaded once
 * more (a new login) with a warning, so the journeys test the product rather than that stall. Tracked in the
 * issue notes; the API-level launch tests have no such retry.
 */
/** What the stalled frame shows, for the issue about the stall: load state and the auto-submit form, if any. */
async function describeStall(frame: Frame): Promise<string> {
  try {
    const state = await frame.evaluate(() => ({
      readyState: document.readyState,
      forms: document.forms.length,
      action: document.forms[0]?.action ?? null,
      title: document.title,
    }));
    return JSON.stringify(state);
  } catch (e) {
    return `frame not readable: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export async function waitForApp(page: Page): Promise<Frame> {
  for (let attempt = 1; ; attempt += 1) {
    const frame = page.frame({ name: 'tool-frame' });
    if (!frame) throw new Error('the LMS page has no tool-frame');
    try {
      await frame.waitForURL(/\/app\/\?tn=/, { timeout: 12_000 });
      await frame.locator('main h1').first().waitFor();
      return frame;
    } catch (err) {
      if (attempt >= 2) throw err;
      console.warn(`launch stalled at ${frame.url()} (${await describeStall(frame)}); loading the LMS page once more`);
      await page.reload();
    }
  }
}
