import { activityIdFromHash, planRouteOf, routeFromHash, studentIdFromHash } from '../hashRoute';

describe('hash routes', () => {
  it('reads the activity and student routes', () => {
    expect(activityIdFromHash('#/activity/0123456789abcdef01234567')).toBe('0123456789abcdef01234567');
    expect(activityIdFromHash('#/plan/career')).toBeNull();
    expect(studentIdFromHash('#/student/u1/')).toBe('u1');
    expect(studentIdFromHash('#/student/')).toBeNull();
  });

  it('leaves the plan routes as they were', () => {
    expect(routeFromHash('#/activity/x')).toBe('overview');
    expect(routeFromHash('#/plan/goals')).toBe('goals');
  });

  it('maps an activity plan section to a plan screen', () => {
    expect(planRouteOf('career')).toBe('career');
    expect(planRouteOf('activity')).toBeNull();
  });
});
