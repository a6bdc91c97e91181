import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { TOOL_FRAME } from './journey';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describe(v: Result): string {
  const nodes = v.nodes.map((n) => `    ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n');
  return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${nodes}`;
}

/**
 * Waits for the tool frame's finite CSS transitions and animations to end: a button caught mid-fade between two
 * colours reports a contrast that no user sees at rest (a CI run failed on 4.37:1 halfway to the 4.6:1 primary).
 */
async function settleTransitions(page: Page): Promise<void> {
  const frame = page.frame({ name: 'tool-frame' });
  if (!frame) throw new Error('the tool frame is not on the page');
  await frame.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Runs axe (WCAG 2.1 A/AA) on the tool inside the LMS iframe: only the iframe is included, and axe-core/playwright
 * descends into it. Fails with a readable list of violations, and also fails if axe never reached the frame's
 * content (then the check would pass vacuously).
 */
export async function axeToolFrame(page: Page): Promise<AxeResults> {
  await settleTransitions(page);
  const results = await new AxeBuilder({ page }).include(TOOL_FRAME).withTags(WCAG_TAGS).analyze();
  const checkedInFrame = [...results.passes, ...results.violations].some((r) =>
    r.nodes.some((n) => n.target.length > 1 || Array.isArray(n.target[0])),
  );
  if (!checkedInFrame) throw new Error('axe did not analyse any element inside the tool frame');
  if (results.violations.length) {
    throw new Error(`axe found accessibility violations in the tool frame:\n${results.violations.map(describe).join('\n')}`);
  }
  return results;
}
