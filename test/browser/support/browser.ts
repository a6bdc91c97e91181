/**
 * Headless Chromium for the browser journeys (playwright-core, Debian's chromium; see STACK.md).
 * Pages come from browser.newContext() because @axe-core/playwright needs that.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMEBOOK_VIEWPORT = { width: 1366, height: 768 } as const;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/**
 * Makes Chromium block third-party cookies, as Safari, Firefox strict mode and Chrome with "Block third-party
 * cookies" do: the tool's cookie set inside the LMS iframe never comes back.
 */
export const BLOCK_THIRD_PARTY_COOKIES = '--test-third-party-cookie-phaseout';

export const CLIENT_INDEX = path.resolve(__dirname, '..', '..', '..', 'dist', 'client', 'index.html');

/** The app serves the built client; without it every journey would end on a 404 inside the iframe. */
export function requireClientBuild(): void {
  if (!existsSync(CLIENT_INDEX)) {
    throw new Error(
      `The client build is missing (${CLIENT_INDEX}). Run \`npm run build:client\` before \`npm run test:browser\`.`,
    );
  }
}

export async function launchBrowser(opts: { blockThirdPartyCookies?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...(opts.blockThirdPartyCookies ? [BLOCK_THIRD_PARTY_COOKIES] : [])],
  });
}

/** Runs `fn` on a fresh page (see newPage) and closes its context afterwards, also on failure. */
export async function inNewPage<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const { context, page } = await newPage(browser);
  try {
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** A fresh context (own cookies and storage) and page at the Chromebook viewport. */
export async function newPage(browser: Browser, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: CHROMEBOOK_VIEWPORT, locale });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}
