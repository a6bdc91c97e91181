/**
 * Try ECAP Planner without an LMS: starts the tool (embedded MongoDB under .data/demo) and the simulated LMS the
 * tests use, registers one with the other, and prints a link per role that opens a Canvas-like course page with
 * the tool launched inside it. Usage: npm run demo   (PORT for the tool, default 3000). Ctrl-C stops both.
 */
import { loadConfig } from '../server/config';
import { startDatabase } from '../server/db/database';
import { createApp } from '../server/app';
import { registerPlatform } from '../server/lti/registrations';
import { ensureStarterCatalog } from '../server/careers/starter-catalog';
import { startGradeWorker, stopGradeWorker } from '../server/grades/grade-worker';
import { PlatformSimulator, type LaunchOptions } from '../test/support/platform-simulator';

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, DATA_DIR: process.env.DATA_DIR ?? '.data/demo', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const db = await startDatabase(config);
  const { app, lti } = createApp(config, db.uri);
  await lti.deploy({ serverless: true, silent: true });
  await ensureStarterCatalog();
  startGradeWorker({ baseUrl: config.baseUrl });
  const server = app.listen(config.port);

  const sim = await PlatformSimulator.start({ product: 'canvas' });
  const reg = sim.registerToolManually({
    jwksUri: `${config.baseUrl}/lti/keys`,
    redirectUris: [`${config.baseUrl}/lti/launch`],
    initiateLoginUri: `${config.baseUrl}/lti/login`,
    targetLinkUri: `${config.baseUrl}/lti/launch`,
  });
  await registerPlatform(lti, {
    name: 'Demo Unified School District',
    product: 'canvas',
    issuer: sim.issuer,
    clientId: reg.clientId,
    authEndpoint: sim.authorizationEndpoint,
    tokenEndpoint: sim.tokenEndpoint,
    jwksUrl: sim.jwksUrl,
    deployment: { deploymentId: reg.deploymentId, name: 'Demo High School', source: 'manual' },
  });
  const course = { id: 'demo-advisory-9a', title: 'Advisory 9A' };
  sim.setRoster(course.id, [
    { user_id: 'demo-student-ana', name: 'Ana López', email: 'ana@demo.example', roles: [`${LIS}membership#Learner`] },
    { user_id: 'demo-student-ben', name: 'Ben Ortiz', email: 'ben@demo.example', roles: [`${LIS}membership#Learner`] },
    { user_id: 'demo-student-cora', name: 'Cora Diaz', email: 'cora@demo.example', roles: [`${LIS}membership#Learner`] },
  ]);
  const base = { clientId: reg.clientId, context: course, platformStorage: true, ags: true, nrps: true } as const;
  const launches: Array<[string, LaunchOptions]> = [
    ['Student (English)', { ...base, user: { sub: 'demo-student-ana', name: 'Ana López', locale: 'en-US' }, roles: [`${LIS}membership#Learner`], resourceLink: { id: 'demo-nav' } }],
    ['Student (Spanish)', { ...base, user: { sub: 'demo-student-ben', name: 'Ben Ortiz', locale: 'es-MX' }, roles: [`${LIS}membership#Learner`], resourceLink: { id: 'demo-nav' } }],
    ['Teacher: class dashboard', { ...base, user: { sub: 'demo-teacher', name: 'Ms. Rivera', locale: 'en-US' }, roles: [`${LIS}membership#Instructor`], resourceLink: { id: 'demo-nav' } }],
    ['Teacher: add ECAP activities (deep linking)', { ...base, user: { sub: 'demo-teacher', name: 'Ms. Rivera', locale: 'en-US' }, roles: [`${LIS}membership#Instructor`], messageType: 'LtiDeepLinkingRequest', deepLinking: { acceptMultiple: true } }],
    ['District admin', { clientId: reg.clientId, platformStorage: true, user: { sub: 'demo-admin', name: 'Dr. Okafor', locale: 'en-US' }, roles: [`${LIS}institution/person#Administrator`], resourceLink: { id: 'demo-admin-nav' } }],
    ['Parent of Ana', { ...base, user: { sub: 'demo-parent', name: 'Luis López', locale: 'es-MX' }, roles: [`${LIS}membership#Mentor`], mentees: ['demo-student-ana'], resourceLink: { id: 'demo-nav' } }],
  ];
  process.stdout.write(`\nECAP Planner demo: the tool runs at ${config.baseUrl}, a simulated Canvas at ${sim.issuer}.\nOpen one of these course pages in a browser:\n\n`);
  for (const [label, opts] of launches) process.stdout.write(`  ${label.padEnd(46)} ${sim.lmsPageUrl(sim.prepareLaunch(opts))}\n`);
  process.stdout.write('\nThe links stay valid while this runs. Ctrl-C stops the demo.\n');

  const stop = () => {
    server.close();
    void stopGradeWorker()
      .then(() => sim.stop())
      .then(() => lti.close({ silent: true }))
      .then(() => db.stop())
      .finally(() => process.exit(0));
  };
  process.removeAllListeners('SIGINT');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
