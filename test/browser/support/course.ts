/**
 * Helpers for the teacher side of a course in the LMS iframe (issue 5): any launch from the simulated LMS page
 * with its session token, the deep linking activity picker, the class dashboard's cells, and the interest
 * inventory answered through the Career screen.
 */
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { INTEREST_ITEMS, type InterestItem } from '../../../shared/career/inventory';
import type { LaunchOptions } from '../../support/platform-simulator';
import { newPage } from './browser';
import { openFromLms, waitForApp, type Lms } from './journey';

export interface LmsTab {
  context: BrowserContext;
  page: Page;
  frame: Frame;
  /** The launch token, as the client sends it (Authorization: Bearer) on its first API call. */
  token: string;
}

/**
 * Any launch (resource link, deep linking, with custom parameters, AGS, NRPS…) from the simulated LMS course page,
 * in a fresh browser context unless one is given. Like launchStudent (support/plan.ts): one more launch if the
 * frame stalls before the app shows.
 */
export async function launchInLms(browser: Browser, lms: Lms, opts: LaunchOptions, into?: BrowserContext): Promise<LmsTab> {
  let context: BrowserContext;
  let page: Page;
  if (into) {
    context = into;
    page = await into.newPage();
  } else {
    ({ context, page } = await newPage(browser, opts.user.locale ?? 'en-US'));
  }
  for (let attempt = 1; ; attempt += 1) {
    const firstApiCall = page.waitForRequest(
      (r) => r.url().startsWith(`${lms.tool.baseUrl}/api/`) && /^Bearer \S+/.test(r.headers()['authorization'] ?? ''),
    );
    firstApiCall.catch(() => undefined);
    await openFromLms(page, lms, opts);
    try {
      const frame = await waitForApp(page);
      const token = ((await firstApiCall).headers()['authorization'] ?? '').replace(/^Bearer /, '');
      return { context, page, frame, token };
    } catch (e) {
      if (attempt >= 2) throw e;
      console.warn(`launch of ${opts.user.sub} stalled at ${page.frame({ name: 'tool-frame' })?.url() ?? '?'}; launching again`);
    }
  }
}

/** The tool's API with a launch token, from the test process. */
export function apiAs(lms: Lms, token: string) {
  return async (method: string, path: string, json?: unknown): Promise<Response> =>
    fetch(`${lms.tool.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
}

/** In the picker: checks an activity by its title and sets its points ("Points for {title}"). */
export async function chooseActivity(frame: Frame, title: string, points: number): Promise<void> {
  // InstUI draws its own checkbox over the native input, which Playwright then calls covered.
  await frame.getByRole('checkbox', { name: title, exact: true }).check({ force: true });
  // A spinbutton whose name is the label then the hint ("0 to 1000; …").
  const input = frame.getByRole('spinbutton', { name: new RegExp(`^Points for ${escapeRegExp(title)}\\b`) });
  await input.fill(String(points));
  await input.press('Tab');
}

/** The class dashboard table of a course (its caption names the course). */
export function dashboardTable(frame: Frame, courseTitle: string): Locator {
  return frame.getByRole('table', { name: `Students of ${courseTitle} and their progress on each ECAP activity` });
}

/** A student's row (by the name in its row header). */
export function dashboardRow(frame: Frame, courseTitle: string, student: string): Locator {
  const table = dashboardTable(frame, courseTitle);
  return table.getByRole('row').filter({ has: frame.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(student)}`) }) });
}

/**
 * The cell of one student for one placed activity: the column is found by its header, whose text starts with
 * the activity's title (then "{n} points").
 */
export async function dashboardCell(frame: Frame, courseTitle: string, student: string, activity: string): Promise<Locator> {
  const table = dashboardTable(frame, courseTitle);
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const column = headers.findIndex((h) => h.startsWith(activity));
  if (column < 0) throw new Error(`no dashboard column for ${activity}: ${JSON.stringify(headers)}`);
  // The first column is the row header; cells are the others.
  return dashboardRow(frame, courseTitle, student).getByRole('cell').nth(column - 1);
}

/** Polls a cell until its text matches (the dashboard reloads asynchronously). */
export async function waitForCellText(cell: () => Promise<Locator>, expected: RegExp, timeout = 10_000): Promise<string> {
  const until = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = (await (await cell()).textContent({ timeout: 2_000 }).catch(() => '')) ?? '';
    if (expected.test(last)) return last;
    if (Date.now() > until) throw new Error(`cell text ${JSON.stringify(last)} never matched ${String(expected)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const RATING_LABELS = ['Strongly dislike', 'Dislike', 'Not sure', 'Like', 'Strongly like'] as const;

/**
 * Answers every page of the interest inventory on the Career screen (already open) as the student does: one
 * radio per question, "Next questions" between pages.
 */
export async function answerInterestInventory(frame: Frame, ratingOf: (item: InterestItem) => 1 | 2 | 3 | 4 | 5): Promise<void> {
  await frame.getByRole('tab', { name: 'Interest inventory' }).waitFor();
  const pages = Math.ceil(INTEREST_ITEMS.length / 6);
  for (let p = 1; p <= pages; p += 1) {
    await frame.getByRole('heading', { level: 3, name: `Questions, page ${p} of ${pages}` }).waitFor();
    for (const item of INTEREST_ITEMS.slice((p - 1) * 6, p * 6)) {
      const group = frame.getByRole('radiogroup', { name: item.en });
      await group.getByRole('radio', { name: RATING_LABELS[ratingOf(item) - 1], exact: true }).check({ force: true });
    }
    if (p < pages) await frame.getByRole('button', { name: 'Next questions' }).click();
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
