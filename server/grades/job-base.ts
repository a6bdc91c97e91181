/**
 * The one base for background jobs (STYLE rule 10): a typed job performs its work once; this base decides
 * what a failure means (retry later, wait as the platform asked, or give up) and when the next attempt is.
 * Persistence and claiming belong to the queue that runs the job (server/grades/grade-worker.ts).
 */

export interface RetryPolicy {
  /** Failed attempts (not counting throttling) before the job is marked failed. */
  maxAttempts: number;
  /** Backoff after the n-th failure: baseDelayMs * 2^n, capped, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Throttled answers (429, 503 with Retry-After) tolerated before giving up; they do not use up attempts. */
  maxThrottles: number;
  /** Longest Retry-After honoured as given; longer ones are capped to this. */
  maxRetryAfterMs: number;
}

/** About an hour of retries (1 s doubling to the 10 min cap) before a teacher has to press retry. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 15,
  baseDelayMs: 1000,
  maxDelayMs: 10 * 60_000,
  maxThrottles: 50,
  maxRetryAfterMs: 60 * 60_000,
};

export type FailureKind = 'transient' | 'throttled' | 'permanent';

/** A failure the job understands: what kind, the HTTP status if any, and the server's Retry-After. */
export class JobFailure extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}

/**
 * The retry policy for HTTP answers: 429 and 503 are throttling (honour Retry-After); other 5xx, 401 (after
 * the caller refreshed its token once), 408, 409 and network errors are transient; any other 4xx is permanent.
 */
export function failureFromHttp(message: string, status: number | null, retryAfterMs: number | null): JobFailure {
  if (status === null) return new JobFailure(message, 'transient', null, null);
  if (status === 429 || (status === 503 && retryAfterMs !== null)) return new JobFailure(message, 'throttled', status, retryAfterMs);
  if (status >= 500 || status === 401 || status === 408 || status === 409) return new JobFailure(message, 'transient', status, retryAfterMs);
  if (status >= 400) return new JobFailure(message, 'permanent', status, null);
  return new JobFailure(message, 'transient', status, null);
}

/** What a job's counters look like to the policy. */
export interface AttemptCounters {
  /** Failed attempts so far, throttled ones included. */
  attempts: number;
  /** Of those, throttled ones. */
  throttles: number;
}

export type Decision =
  | { kind: 'retry'; at: Date; failure: JobFailure; throttled: boolean }
  | { kind: 'failed'; failure: JobFailure; throttled: boolean };

export type RunResult<R> = { kind: 'done'; result: R } | Decision;

/** A typed job: subclasses implement `perform`; `run` turns its errors into a retry decision. */
export abstract class BaseJob<TJob extends AttemptCounters, R> {
  readonly policy: RetryPolicy;

  constructor(policy: Partial<RetryPolicy> = {}) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...policy };
  }

  /** Does the work once; throws JobFailure (or anything, treated as transient) when it did not succeed. */
  protected abstract perform(job: TJob): Promise<R>;

  /** Errors that are not failures of the job (e.g. it lost its lease): rethrown, never retried here. */
  protected isAbort(_err: unknown): boolean {
    return false;
  }

  async run(job: TJob, now: () => number = Date.now): Promise<RunResult<R>> {
    try {
      return { kind: 'done', result: await this.perform(job) };
    } catch (err) {
      if (this.isAbort(err)) throw err;
      const failure = err instanceof JobFailure ? err : new JobFailure(err instanceof Error ? err.message : String(err), 'transient');
      return this.decide(job, failure, now());
    }
  }

  /** The policy: when to try again after this failure, or that the job has failed for good. */
  decide(counters: AttemptCounters, failure: JobFailure, now: number): Decision {
    const throttled = failure.kind === 'throttled';
    if (failure.kind === 'permanent') return { kind: 'failed', failure, throttled };
    if (throttled) {
      const throttles = counters.throttles + 1;
      if (throttles >= this.policy.maxThrottles) return { kind: 'failed', failure, throttled };
      const wait =
        failure.retryAfterMs !== null
          ? Math.min(failure.retryAfterMs, this.policy.maxRetryAfterMs) + Math.random() * Math.min(failure.retryAfterMs * 0.2, 5000)
          : this.backoffMs(throttles);
      return { kind: 'retry', at: new Date(now + wait), failure, throttled };
    }
    const failures = counters.attempts - counters.throttles + 1;
    if (failures >= this.policy.maxAttempts) return { kind: 'failed', failure, throttled };
    const wait = Math.max(this.backoffMs(failures), failure.retryAfterMs ?? 0);
    return { kind: 'retry', at: new Date(now + wait), failure, throttled };
  }

  /** Exponential backoff with "equal jitter": half fixed, half random, so retries of many jobs spread out. */
  backoffMs(failures: number): number {
    const full = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** Math.min(failures, 30));
    return full / 2 + Math.random() * (full / 2);
  }
}
