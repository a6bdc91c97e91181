import request from 'supertest';
import { PlatformSimulator, type ToolRegistration } from '../support/platform-simulator';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launch, learnerLaunch, registerToolManually, ROLES } from '../support/lti-flow';
import { appRedirect } from '../activities/support';
import { PlacementModel } from '../../server/activities/placement.model';
import { ActivityProgressModel } from '../../server/activities/progress.model';
import { TenantModel } from '../../server/tenants/tenant.model';
import { Types } from 'mongoose';
import type { LaunchOptions } from '../support/platform-simulator';

let tool: TestApp;
let sim: PlatformSimulator;
let reg: ToolRegistration;

beforeAll(async () => {
  tool = await startTestApp();
  sim = await PlatformSimulator.start({ product: 'canvas' });
  reg = await registerToolManually(tool, sim);
});
afterAll(async () => {
  await sim.stop();
  await tool.close();
});

let n = 0;
/** A teacher opening the activity picker (Canvas assignment_selection / link_selection) in a course. */
async function teacherDeepLinkLaunch(deepLinking: LaunchOptions['deepLinking'], contextId = 'course-dl') {
  n += 1;
  const outcome = await launch(tool, sim, {
    clientId: reg.clientId,
    user: { sub: `teacher-dl-${n}`, name: 'Ms. Rivera' },
    roles: [ROLES.instructor],
    context: { id: contextId, title: 'Advisory 9A' },
    messageType: 'LtiDeepLinkingRequest',
    deepLinking,
    ags: true,
  });
  expect(outcome.response.status).toBe(303);
  const { token, view } = appRedirect(outcome.response);
  expect(view).toBeNull();
  return { ...outcome, auth: ['Authorization', `Bearer ${token}`] as [string, string] };
}

describe('deep linking round trip through the platform simulator', () => {
  it('places two activities with line items; the platform accepts the signed response and a launch opens the activity', async () => {
    const teacher = await teacherDeepLinkLaunch({ acceptTypes: ['ltiResourceLink'], acceptMultiple: true, data: 'opaque-state-42' });
    const settings = await request(tool.app).get('/api/deep-linking/settings').set(...teacher.auth).expect(200);
    expect(settings.body).toEqual({ acceptMultiple: true, acceptsLtiResourceLink: true, gradeBand: '9' });

    const catalog = await request(tool.app).get('/api/activities').query({ gradeBand: '9' }).set(...teacher.auth).expect(200);
    expect(catalog.body.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['interest-inventory', 'career-goal', 'four-year-plan']));
    expect(catalog.body.map((a: { id: string }) => a.id)).not.toContain('resume');

    const answer = await request(tool.app)
      .post('/api/deep-linking/response')
      .set(...teacher.auth)
      .send({ items: [{ activityId: 'interest-inventory', points: 10 }, { activityId: 'career-goal', points: 25 }] })
      .expect(200);
    expect(answer.body.action).toMatch(new RegExp(`^${sim.deepLinkReturnUrl}\\?launch=`));
    expect(Object.keys(answer.body.fields)).toEqual(['JWT']);

    const placements = await PlacementModel.find({ contextId: 'course-dl' }).sort({ _id: 1 }).lean();
    expect(placements).toHaveLength(2);
    expect(placements[0]).toMatchObject({ activityId: 'interest-inventory', title: 'Interest Inventory', points: 10, deploymentId: reg.deploymentId, contextTitle: 'Advisory 9A', resourceLinkId: null });
    expect(placements[0]?.lineItemsUrl).toBe(`${sim.issuer}/ags/course-dl/lineitems`);

    // The client auto-submits the form to the platform, which checks signature (tool JWKS), claims and data.
    const returned = await teacher.browser.postForm(answer.body.action, answer.body.fields);
    expect(returned.status).toBe(200);
    const record = sim.deepLinkResponses.at(-1)!;
    expect(record.claims).toMatchObject({
      iss: reg.clientId,
      aud: sim.issuer,
      'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiDeepLinkingResponse',
      'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0',
      'https://purl.imsglobal.org/spec/lti/claim/deployment_id': reg.deploymentId,
      'https://purl.imsglobal.org/spec/lti-dl/claim/data': 'opaque-state-42',
    });
    const [first, second] = placements.map((p) => String(p._id));
    expect(record.contentItems).toEqual([
      expect.objectContaining({
        type: 'ltiResourceLink',
        url: `${tool.baseUrl}/lti/launch`,
        title: 'Interest Inventory',
        custom: { ecap_placement: first, ecap_activity: 'interest-inventory' },
        lineItem: { scoreMaximum: 10, label: 'Interest Inventory', resourceId: `ecap:${first}`, tag: 'interest-inventory' },
      }),
      expect.objectContaining({
        title: 'Career Goal',
        custom: { ecap_placement: second, ecap_activity: 'career-goal' },
        lineItem: { scoreMaximum: 25, label: 'Career Goal', resourceId: `ecap:${second}`, tag: 'career-goal' },
      }),
    ]);
    expect(record.createdLineItems.map((li) => [li.scoreMaximum, li.resourceId, li.tag])).toEqual([
      [10, `ecap:${first}`, 'interest-inventory'],
      [25, `ecap:${second}`, 'career-goal'],
    ]);

    // A second answer to the same request is refused (the platform already has the links).
    await request(tool.app).post('/api/deep-linking/response').set(...teacher.auth).send({ items: [{ activityId: 'resume', points: 5 }] }).expect(409);

    // A student opens the first link: the platform sends the custom parameters and the link's line item.
    const lineItem = record.createdLineItems[0]!;
    const student = await launch(tool, sim, learnerLaunch(reg.clientId, {
      context: { id: 'course-dl', title: 'Advisory 9A' },
      resourceLink: { id: lineItem.resourceLinkId!, title: 'Interest Inventory' },
      custom: record.contentItems[0]!.custom as Record<string, string>,
      ags: true,
    }));
    expect(student.response.status).toBe(303);
    expect(student.response.headers.get('location')).toMatch(new RegExp(`^/app/\\?tn=[0-9a-f]{24}#t=[^&]+&view=activity:${first}$`));
    const { token, view } = appRedirect(student.response);
    expect(view).toBe(`activity:${first}`);
    const placed = await PlacementModel.findById(first).lean();
    expect(placed).toMatchObject({ resourceLinkId: lineItem.resourceLinkId, lineItemUrl: lineItem.id });
    expect(await ActivityProgressModel.findOne({ placementId: placed?._id }).lean()).toMatchObject({ status: 'not_started' });

    const opened = await request(tool.app).get(`/api/activities/placements/${first}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(opened.body).toMatchObject({
      placement: { id: first, activityId: 'interest-inventory', points: 10, contextId: 'course-dl', hasLineItem: true },
      activity: { id: 'interest-inventory', planSection: 'career' },
      progress: { status: 'in_progress' },
    });

    // The teacher opening the same link gets the placement (class view), without a progress row.
    const teacherLink = await launch(tool, sim, {
      clientId: reg.clientId,
      user: { sub: 'teacher-dl-1', name: 'Ms. Rivera' },
      roles: [ROLES.instructor],
      context: { id: 'course-dl', title: 'Advisory 9A' },
      resourceLink: { id: lineItem.resourceLinkId! },
      custom: record.contentItems[0]!.custom as Record<string, string>,
    });
    const t = appRedirect(teacherLink.response);
    expect(t.view).toBe(`activity:${first}`);
    const classView = await request(tool.app).get(`/api/activities/placements/${first}`).set('Authorization', `Bearer ${t.token}`).expect(200);
    expect(classView.body.progress).toBeUndefined();

    // The same link without the custom parameters (some platforms drop them) is found by its resource link id.
    const byLink = await launch(tool, sim, learnerLaunch(reg.clientId, { context: { id: 'course-dl', title: 'Advisory 9A' }, resourceLink: { id: lineItem.resourceLinkId! } }));
    expect(appRedirect(byLink.response).view).toBe(`activity:${first}`);
  });

  it('shows a clear page for a link to a deleted or unknown placement', async () => {
    const tenant = (await TenantModel.findOne({ issuer: sim.issuer, clientId: reg.clientId }).lean())!;
    const [placement] = await PlacementModel.create([
      { tenantId: tenant._id, deploymentId: reg.deploymentId, contextId: 'course-del', contextTitle: 'Gone', activityId: 'resume', title: 'Resume', points: 5, createdBy: new Types.ObjectId(), deletedAt: new Date() },
    ]);
    const deleted = await launch(tool, sim, learnerLaunch(reg.clientId, { context: { id: 'course-del', title: 'Gone' }, custom: { ecap_placement: String(placement!._id) } }));
    expect(deleted.response.status).toBe(404);
    expect(deleted.response.headers.get('content-type')).toMatch(/text\/html/);
    expect(deleted.response.text).toContain('This ECAP activity is no longer available');
    expect(deleted.response.text).toMatch(/Reference: <code>[0-9A-F]{10}<\/code>/);
    expect(appRedirect(deleted.response).token).toBeNull();

    const unknown = await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub: 'es-student', locale: 'es-MX' }, custom: { ecap_placement: '0123456789abcdef01234567' } }));
    expect(unknown.response.status).toBe(404);
    expect(unknown.response.text).toContain('Esta actividad de ECAP ya no está disponible');
  });
});

describe('deep linking requests the tool refuses', () => {
  it('explains when the platform does not accept LTI resource links', async () => {
    const teacher = await teacherDeepLinkLaunch({ acceptTypes: ['link', 'file'], acceptMultiple: true });
    const settings = await request(tool.app).get('/api/deep-linking/settings').set(...teacher.auth).expect(200);
    expect(settings.body.acceptsLtiResourceLink).toBe(false);
    const res = await request(tool.app).post('/api/deep-linking/response').set(...teacher.auth).send({ items: [{ activityId: 'resume', points: 5 }] }).expect(400);
    expect(res.body.message).toMatch(/cannot add ECAP activities: it accepts link, file, not LTI activity links/);
  });

  it('refuses several activities when the platform accepts one (Canvas assignment_selection)', async () => {
    const teacher = await teacherDeepLinkLaunch({ acceptTypes: ['ltiResourceLink'], acceptMultiple: false });
    expect((await request(tool.app).get('/api/deep-linking/settings').set(...teacher.auth).expect(200)).body.acceptMultiple).toBe(false);
    const res = await request(tool.app)
      .post('/api/deep-linking/response')
      .set(...teacher.auth)
      .send({ items: [{ activityId: 'resume', points: 5 }, { activityId: 'career-goal', points: 5 }] })
      .expect(400);
    expect(res.body.message).toMatch(/one activity at a time/);
    // One item is fine, and without points there is no gradebook column.
    const ok = await request(tool.app).post('/api/deep-linking/response').set(...teacher.auth).send({ items: [{ activityId: 'resume', points: 0 }] }).expect(200);
    expect((await teacher.browser.postForm(ok.body.action, ok.body.fields)).status).toBe(200);
    const record = sim.deepLinkResponses.at(-1)!;
    expect(record.contentItems).toHaveLength(1);
    expect(record.contentItems[0]!.lineItem).toBeUndefined();
    expect(record.createdLineItems).toEqual([]);
    expect(record.claims['https://purl.imsglobal.org/spec/lti-dl/claim/data']).toBeUndefined();
  });

  it('refuses unknown activities and negative points with field messages, and students and plain launches', async () => {
    const teacher = await teacherDeepLinkLaunch({ acceptTypes: ['ltiResourceLink'], acceptMultiple: true });
    const unknown = await request(tool.app).post('/api/deep-linking/response').set(...teacher.auth).send({ items: [{ activityId: 'resume', points: 5 }, { activityId: 'no-such-thing', points: 5 }] }).expect(400);
    expect(unknown.body.fields).toEqual({ 'items.1.activityId': ['No such activity'] });
    const negative = await request(tool.app).post('/api/deep-linking/response').set(...teacher.auth).send({ items: [{ activityId: 'resume', points: -1 }] }).expect(400);
    expect(negative.body.fields['items.0.points']).toEqual(['Points cannot be negative']);
    expect(await PlacementModel.countDocuments({ sourceLaunchId: { $ne: null }, activityId: 'no-such-thing' })).toBe(0);

    const student = await launch(tool, sim, learnerLaunch(reg.clientId));
    const studentAuth = ['Authorization', `Bearer ${appRedirect(student.response).token}`] as [string, string];
    await request(tool.app).post('/api/deep-linking/response').set(...studentAuth).send({ items: [{ activityId: 'resume', points: 5 }] }).expect(403);
    await request(tool.app).get('/api/deep-linking/settings').set(...studentAuth).expect(403);

    const plainTeacher = await launch(tool, sim, { ...learnerLaunch(reg.clientId), roles: [ROLES.instructor] });
    const plainAuth = ['Authorization', `Bearer ${appRedirect(plainTeacher.response).token}`] as [string, string];
    const notDl = await request(tool.app).get('/api/deep-linking/settings').set(...plainAuth).expect(409);
    expect(notDl.body.error).toBe('not_deep_linking');
  });
});
