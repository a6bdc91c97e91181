/**
 * Helpers for the student's plan screens in the tool frame: moving between sections with the "Plan sections"
 * navigation, waiting for a section's autosave state, and calling the plan API with the student's own launch
 * token (the one the client keeps in sessionStorage, see client/src/api/token.ts).
 */
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import type { PlanView, SectionData, SectionKey, VersionedSection } from '../../../shared/api/plan';
import { learnerLaunch } from '../../support/lti-flow';
import { newPage } from './browser';
import { openFromLms, waitForApp, type Lms } from './journey';

/** sessionStorage key of the launch token (client/src/api/token.ts). */
export const TOKEN_STORAGE_KEY = 'ecap.token';

export type PlanSectionName =
  | 'Overview'
  | 'Academic'
  | 'Career'
  | 'Postsecondary'
  | 'Extracurricular'
  | 'Goals and reflections'
  | 'Portfolio'
  | 'Annual review';

export interface StudentTab {
  context: BrowserContext;
  page: Page;
  frame: Frame;
  /** The launch token, as the client sends it (Authorization: Bearer) on its first API call. */
  token: string;
}

/** A student launched from the simulated LMS course page (own context unless one is given: then a second tab). */
export async function launchStudent(
  browser: Browser,
  lms: Lms,
  user: { sub: string; name: string; locale?: string },
  into?: BrowserContext,
): Promise<StudentTab> {
  let context: BrowserContext;
  let page: Page;
  if (into) {
    context = into;
    page = await into.newPage();
  } else {
    ({ context, page } = await newPage(browser, user.locale ?? 'en-US'));
  }
  // The launch sometimes stalls in the frame on the LMS authorization page (see the report in the test file):
  // one more launch, with what the frame showed, rather than a red journey for a reason outside the plan.
  for (let attempt = 1; ; attempt += 1) {
    const firstApiCall = page.waitForRequest(
      (r) => r.url().startsWith(`${lms.tool.baseUrl}/api/`) && /^Bearer \S+/.test(r.headers()['authorization'] ?? ''),
    );
    firstApiCall.catch(() => undefined);
    await openFromLms(page, lms, learnerLaunch(lms.reg.clientId, { user: { locale: 'en-US', ...user } }));
    try {
      const frame = await waitForApp(page);
      const token = ((await firstApiCall).headers()['authorization'] ?? '').replace(/^Bearer /, '');
      return { context, page, frame, token };
    } catch (e) {
      if (attempt >= 2) throw e;
      const stuck = page.frame({ name: 'tool-frame' });
      console.warn(`launch of ${user.sub} stalled at ${stuck?.url() ?? '?'}; launching again`);
    }
  }
}

/** The "Plan sections" navigation (English). */
export function planNav(frame: Frame): Locator {
  return frame.getByRole('navigation', { name: 'Plan sections' });
}

/** Follows a link of the plan navigation and waits for the screen's h1 (the overview's is the plan title). */
export async function openSection(frame: Frame, name: PlanSectionName, heading: string = name): Promise<void> {
  await planNav(frame).getByRole('link', { name, exact: true }).click();
  await frame.getByRole('heading', { level: 1, name: name === 'Overview' ? 'My Education and Career Action Plan' : heading, exact: true }).waitFor();
}

/**
 * The autosave state line of a section ("<name>: All changes saved"): a polite live region whose screen-reader
 * prefix is the section's name.
 */
export function saveStatus(frame: Frame, sectionName: string): Locator {
  return frame.getByRole('status').filter({ hasText: `${sectionName}: ` });
}

export async function waitForSaved(frame: Frame, sectionName: string, timeout = 15_000): Promise<void> {
  await saveStatus(frame, sectionName).filter({ hasText: 'All changes saved' }).waitFor({ timeout });
}

/**
 * The launch token the client keeps in sessionStorage, or null where the browser denies the third-party tool
 * frame its storage (Chromium's default third-party cookie blocking does: the client then keeps the token in
 * memory only, and StudentTab.token, read from the client's own requests, is the way to get it).
 */
export async function storedSessionToken(frame: Frame): Promise<string | null> {
  return frame.evaluate((key) => {
    try {
      return window.sessionStorage.getItem(key);
    } catch {
      return null;
    }
  }, TOKEN_STORAGE_KEY);
}

/** Whether the tool frame may use localStorage (where the client keeps unsent drafts). */
export async function frameHasLocalStorage(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => {
    try {
      return typeof window.localStorage.length === 'number';
    } catch {
      return false;
    }
  });
}

/** The plan API as this student (bearer token), from the test process. */
export class StudentApi {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  /** The API as the student of this tab: the token from sessionStorage when the frame has it, else as sent. */
  static async of(lms: Lms, tab: StudentTab): Promise<StudentApi> {
    return new StudentApi(lms.tool.baseUrl, (await storedSessionToken(tab.frame)) ?? tab.token);
  }

  async request(method: string, path: string, init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json', ...init.headers };
    let body = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    return fetch(`${this.baseUrl}${path}`, { method, headers, body });
  }

  async plan(): Promise<PlanView> {
    const res = await this.request('GET', '/api/plans/me');
    if (res.status !== 200) throw new Error(`GET /api/plans/me: ${res.status} ${await res.text()}`);
    return (await res.json()) as PlanView;
  }

  async section<K extends SectionKey>(key: K): Promise<VersionedSection<K>> {
    return (await this.plan()).sections[key] as VersionedSection<K>;
  }

  /** PUT a section at the given version; throws unless the server accepts it. */
  async saveSection<K extends SectionKey>(key: K, version: number, data: SectionData[K]): Promise<VersionedSection<K>> {
    const res = await this.request('PUT', `/api/plans/me/sections/${key}`, { json: { version, data } });
    if (res.status !== 200) throw new Error(`PUT /api/plans/me/sections/${key}: ${res.status} ${await res.text()}`);
    return (await res.json()) as VersionedSection<K>;
  }
}

/** A small but real-looking PDF (the server sniffs the bytes: it must start with %PDF-). */
export function tinyPdf(text = 'Resume'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}
