import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './support/browser';
import { startLms } from './support/journey';
import { learnerLaunch } from '../support/lti-flow';

test('proto', async () => {
  const lms = await startLms();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'] });
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.responseReceivedExtraInfo', (e: any) => { if (e.blockedCookies?.length) console.log('blocked', JSON.stringify(e.blockedCookies.map((c: any) => [c.blockedReasons, c.exemptionReason]))); });
  cdp.on('Network.requestWillBeSentExtraInfo', (e: any) => { if (e.associatedCookies?.length) console.log('assoc', JSON.stringify(e.associatedCookies.map((c: any) => [c.cookie.name, c.blockedReasons]))); });
  const init = lms.sim.prepareLaunch(learnerLaunch(lms.reg.clientId));
  await page.goto(lms.sim.lmsPageUrl(init));
  await page.waitForTimeout(2000);
  console.log(page.frame({ name: 'tool-frame' })!.url(), await context.cookies());
  await browser.close();
  await lms.close();
});
