import { BaseJob, JobFailure, failureFromHttp, type AttemptCounters } from '../../server/grades/job-base';
import { parseRetryAfter, nextPageUrl } from '../../server/lti/service-http';
import { scoresUrl } from '../../server/grades/ags-client';
import { syncStateOf } from '../../server/grades/grade.service';
import { canManageGradeSync } from '../../server/grades/grade.policy';

class Probe extends BaseJob<AttemptCounters, void> {
  protected async perform(): Promise<void> {}
}

const job = new Probe({ baseDelayMs: 1000, maxDelayMs: 600_000, maxAttempts: 8 });
const now = 1_000_000;

describe('retry policy (the job base)', () => {
  it('classifies HTTP answers', () => {
    expect(failureFromHttp('x', null, null).kind).toBe('transient');
    expect(failureFromHttp('x', 500, null).kind).toBe('transient');
    expect(failureFromHttp('x', 401, null).kind).toBe('transient');
    expect(failureFromHttp('x', 408, null).kind).toBe('transient');
    expect(failureFromHttp('x', 409, null).kind).toBe('transient');
    expect(failureFromHttp('x', 429, null).kind).toBe('throttled');
    expect(failureFromHttp('x', 503, 2000).kind).toBe('throttled');
    expect(failureFromHttp('x', 503, null).kind).toBe('transient');
    for (const s of [400, 403, 404, 415, 422]) expect(failureFromHttp('x', s, null).kind).toBe('permanent');
  });

  it('backs off exponentially with jitter, capped at the maximum', () => {
    for (let n = 1; n <= 7; n += 1) {
      const d = job.decide({ attempts: n - 1, throttles: 0 }, new JobFailure('down', 'transient', 500), now);
      expect(d.kind).toBe('retry');
      if (d.kind !== 'retry') continue;
      const wait = d.at.getTime() - now;
      expect(wait).toBeGreaterThanOrEqual(1000 * 2 ** n / 2);
      expect(wait).toBeLessThanOrEqual(Math.min(600_000, 1000 * 2 ** n));
    }
    expect(job.backoffMs(30)).toBeLessThanOrEqual(600_000);
  });

  it('fails after the last attempt, at once for a permanent error', () => {
    expect(job.decide({ attempts: 7, throttles: 0 }, new JobFailure('down', 'transient', 500), now).kind).toBe('failed');
    expect(job.decide({ attempts: 0, throttles: 0 }, new JobFailure('bad', 'permanent', 400), now).kind).toBe('failed');
  });

  it('waits at least Retry-After when throttled, without using up attempts', () => {
    const d = job.decide({ attempts: 7, throttles: 7 }, new JobFailure('slow down', 'throttled', 429, 5000), now);
    expect(d.kind).toBe('retry');
    if (d.kind === 'retry') {
      expect(d.at.getTime() - now).toBeGreaterThanOrEqual(5000);
      expect(d.at.getTime() - now).toBeLessThanOrEqual(6000);
    }
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(now + 10_000).toUTCString(), now)).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe('AGS helpers', () => {
  it('puts /scores before the line item URL\'s query string', () => {
    expect(scoresUrl('https://lms.example/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1')).toBe(
      'https://lms.example/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1',
    );
    expect(scoresUrl('https://canvas.example/api/lti/courses/1/line_items/5/')).toBe('https://canvas.example/api/lti/courses/1/line_items/5/scores');
  });

  it('follows Link rel="next"', () => {
    const h = new Headers({ link: '<https://x/li?page=1>; rel="first", <https://x/li?page=2>; rel="next"' });
    expect(nextPageUrl(h)).toBe('https://x/li?page=2');
    expect(nextPageUrl(new Headers())).toBeNull();
  });

  it('maps outbox states to what the teacher sees', () => {
    expect(syncStateOf({ state: 'pending', attempts: 0 })).toBe('pending');
    expect(syncStateOf({ state: 'in_flight', attempts: 0 })).toBe('pending');
    expect(syncStateOf({ state: 'pending', attempts: 2 })).toBe('retrying');
    expect(syncStateOf({ state: 'in_flight', attempts: 1 })).toBe('retrying');
    expect(syncStateOf({ state: 'synced', attempts: 3 })).toBe('synced');
    expect(syncStateOf({ state: 'failed', attempts: 8 })).toBe('failed');
  });

  it('lets admins and the course\'s teachers retry, nobody else', () => {
    const placement = { contextId: 'c1' };
    expect(canManageGradeSync({ role: 'admin' }, [], placement)).toBe(true);
    expect(canManageGradeSync({ role: 'teacher' }, [{ contextId: 'c1', role: 'teacher' }], placement)).toBe(true);
    expect(canManageGradeSync({ role: 'teacher' }, [{ contextId: 'c2', role: 'teacher' }], placement)).toBe(false);
    expect(canManageGradeSync({ role: 'teacher' }, [{ contextId: 'c1', role: 'student' }], placement)).toBe(false);
    expect(canManageGradeSync({ role: 'student' }, [{ contextId: 'c1', role: 'student' }], placement)).toBe(false);
    expect(canManageGradeSync({ role: 'parent' }, [], placement)).toBe(false);
  });
});
