import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { log } from '../logger';
import { toolUserAgent } from '../lti/service-http';
import { ScoreJobModel, type ScoreJob } from './score-job.model';
import { LeaseLost, PostScoreJob } from './post-score.job';
import type { RetryPolicy } from './job-base';

/**
 * The grade outbox worker. Any number of server processes run one each: a job is claimed atomically
 * (findOneAndUpdate to in_flight with a lease), so one worker at a time owns it; the lease is renewed just
 * before the score is sent, and a job whose worker died is reclaimed when its lease ends. Results are
 * written conditionally on the lease owner and the revision that was posted, so a newer desired score that
 * arrived meanwhile is sent next and never marked synced by an older post.
 */

export interface GradeWorkerOptions {
  /** Idle poll interval (ms); enqueueing in this process also wakes the worker at once. Default 1000. */
  pollMs?: number;
  /** Jobs in flight at once in this process. Default 16 (docs/benchmarks/grade-passback.md). */
  concurrency?: number;
  /** Lease on a claimed job (ms); must exceed a job's HTTP time. Default 60000. */
  leaseMs?: number;
  /** Retry policy overrides (tests make baseDelayMs small). */
  retry?: Partial<RetryPolicy>;
  /** Timeout of each service call (ms); at most leaseMs / 3. Default 15000. */
  requestTimeoutMs?: number;
  /** Public URL of the tool for the User-Agent; default BASE_URL. */
  baseUrl?: string;
  /** Lease owner id; default host:pid:random. */
  owner?: string;
}

export interface DrainOptions extends GradeWorkerOptions {
  /** Also wait for retries due within this many ms (backoff, Retry-After). Default 0: only what is due now. */
  waitForRetriesWithinMs?: number;
  /** Give up after this long (ms). Default 120000. */
  timeoutMs?: number;
}

export interface DrainReport {
  synced: number;
  retried: number;
  failed: number;
  /** Posted, but a newer desired score arrived meanwhile (it is sent next). */
  superseded: number;
  /** Jobs this worker lost to another (lease expired). */
  lost: number;
  timedOut: boolean;
}

type Outcome = 'synced' | 'superseded' | 'retried' | 'failed' | 'lost';

export class GradeWorker {
  readonly owner: string;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly task: PostScoreJob;
  private stopping = false;
  private lanes: Promise<void>[] = [];
  private readonly wakers = new Set<() => void>();
  private readonly counts: Record<Outcome, number> = { synced: 0, superseded: 0, retried: 0, failed: 0, lost: 0 };

  constructor(opts: GradeWorkerOptions = {}) {
    this.owner = opts.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.pollMs = opts.pollMs ?? 1000;
    this.concurrency = Math.max(1, opts.concurrency ?? 16);
    this.leaseMs = Math.max(1000, opts.leaseMs ?? 60_000);
    const requestTimeoutMs = Math.min(opts.requestTimeoutMs ?? 15_000, Math.floor(this.leaseMs / 3));
    this.task = new PostScoreJob(
      { userAgent: toolUserAgent(opts.baseUrl), requestTimeoutMs, renewLease: (job) => this.renewLease(job) },
      opts.retry,
    );
  }

  /** Runs until stop(): claims due jobs, sleeps pollMs when there are none. */
  start(): void {
    if (this.lanes.length) return;
    this.stopping = false;
    for (let i = 0; i < this.concurrency; i += 1) this.lanes.push(this.lane(true));
  }

  /** Stops claiming and waits for the jobs in hand (their HTTP calls are bounded by the request timeout). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.nudge();
    await Promise.all(this.lanes);
    this.lanes = [];
  }

  /** Wakes idle lanes (a job was enqueued or reset in this process). */
  nudge(): void {
    for (const wake of [...this.wakers]) wake();
  }

  /** Processes until nothing is due (and, optionally, until retries due soon are done). */
  async drain(opts: Pick<DrainOptions, 'waitForRetriesWithinMs' | 'timeoutMs'> = {}): Promise<DrainReport> {
    const before = { ...this.counts };
    const wait = opts.waitForRetriesWithinMs ?? 0;
    const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
    let timedOut = false;
    for (;;) {
      this.stopping = false;
      await Promise.all(Array.from({ length: this.concurrency }, () => this.lane(false, deadline)));
      if (Date.now() >= deadline) {
        timedOut = true;
        break;
      }
      const nextDue = await this.nextDueWithin(wait);
      if (nextDue === null) break;
      if (nextDue >= deadline) {
        timedOut = true;
        break;
      }
      await this.sleep(Math.max(5, nextDue - Date.now()));
    }
    const diff = (k: Outcome) => this.counts[k] - before[k];
    return { synced: diff('synced'), retried: diff('retried'), failed: diff('failed'), superseded: diff('superseded'), lost: diff('lost'), timedOut };
  }

  private async lane(forever: boolean, deadline = Infinity): Promise<void> {
    while (!this.stopping && Date.now() < deadline) {
      let job: ScoreJob | null = null;
      try {
        job = await this.claim();
        if (job) await this.process(job);
      } catch (err) {
        log.error('grade worker error', { err: err instanceof Error ? err.message : String(err), jobId: job ? String(job._id) : undefined });
        if (!forever) return;
        await this.sleep(this.pollMs);
        continue;
      }
      if (!job) {
        if (!forever) return;
        await this.sleep(this.pollMs);
      }
    }
  }

  /** Atomically takes one due job: pending and due, or in_flight with an expired lease. */
  async claim(): Promise<ScoreJob | null> {
    const now = new Date();
    return ScoreJobModel.findOneAndUpdate(
      {
        $or: [
          { state: 'pending', nextAttemptAt: { $lte: now } },
          { state: 'in_flight', leaseUntil: { $lt: now } },
        ],
      },
      { $set: { state: 'in_flight', leaseOwner: this.owner, leaseUntil: new Date(now.getTime() + this.leaseMs), nextAttemptAt: now } },
      { new: true, sort: { nextAttemptAt: 1 } },
    )
      .lean<ScoreJob>()
      .exec();
  }

  private async renewLease(job: ScoreJob): Promise<void> {
    const res = await ScoreJobModel.updateOne(
      { _id: job._id, state: 'in_flight', leaseOwner: this.owner },
      { $set: { leaseUntil: new Date(Date.now() + this.leaseMs) } },
    ).exec();
    if (res.matchedCount !== 1) throw new LeaseLost();
  }

  private async process(job: ScoreJob): Promise<Outcome> {
    let outcome: Outcome;
    try {
      outcome = await this.record(job, await this.task.run(job));
    } catch (err) {
      if (!(err instanceof LeaseLost)) throw err;
      outcome = 'lost';
    }
    this.counts[outcome] += 1;
    return outcome;
  }

  private async record(job: ScoreJob, result: Awaited<ReturnType<PostScoreJob['run']>>): Promise<Outcome> {
    const mine = { _id: job._id, state: 'in_flight', leaseOwner: this.owner };
    const release = { leaseOwner: null, leaseUntil: null };
    const now = new Date();
    if (result.kind === 'done') {
      const synced = await ScoreJobModel.updateOne(
        { ...mine, revision: job.revision },
        { $set: { ...release, state: 'synced', syncedRevision: job.revision, syncedAt: now, lastError: null, lastStatus: result.result.status } },
      ).exec();
      if (synced.matchedCount === 1) return 'synced';
      // A newer desired score arrived while this one was on the wire: send it next.
      const next = await ScoreJobModel.updateOne(mine, {
        $set: { ...release, state: 'pending', nextAttemptAt: now, attempts: 0, throttles: 0, syncedRevision: job.revision, syncedAt: now, lastError: null, lastStatus: result.result.status },
      }).exec();
      return next.matchedCount === 1 ? 'superseded' : 'lost';
    }
    const f = result.failure;
    const error = f.message.slice(0, 500);
    const failed = result.kind === 'failed';
    if (failed) log.warn('grade passback failed', { jobId: String(job._id), status: f.status, error });
    const same = await ScoreJobModel.updateOne(
      { ...mine, revision: job.revision },
      {
        $set: { ...release, state: failed ? 'failed' : 'pending', nextAttemptAt: failed ? now : result.at, lastError: error, lastStatus: f.status },
        $inc: { attempts: 1, throttles: result.throttled ? 1 : 0 },
      },
    ).exec();
    if (same.matchedCount === 1) return failed ? 'failed' : 'retried';
    // A newer desired score arrived: it gets fresh attempts (after the platform's Retry-After, if it sent one).
    const retryAt = result.throttled && result.kind === 'retry' ? result.at : now;
    const next = await ScoreJobModel.updateOne(mine, {
      $set: { ...release, state: 'pending', nextAttemptAt: retryAt, attempts: 0, throttles: 0, lastError: error, lastStatus: f.status },
    }).exec();
    return next.matchedCount === 1 ? 'retried' : 'lost';
  }

  /** Epoch ms of the next job due within `withinMs` (a pending retry, or a lease ending), else null. */
  private async nextDueWithin(withinMs: number): Promise<number | null> {
    const horizon = new Date(Date.now() + withinMs);
    const [pending, leased] = await Promise.all([
      ScoreJobModel.findOne({ state: 'pending', nextAttemptAt: { $lte: horizon } }, { nextAttemptAt: 1 }).sort({ nextAttemptAt: 1 }).lean().exec(),
      ScoreJobModel.findOne({ state: 'in_flight', leaseUntil: { $lte: horizon } }, { leaseUntil: 1 }).sort({ leaseUntil: 1 }).lean().exec(),
    ]);
    const times = [pending?.nextAttemptAt, leased?.leaseUntil].filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
    return times.length ? Math.min(...times) : null;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref?.();
      this.wakers.add(done);
    });
  }
}

let running: GradeWorker | null = null;

/** Starts this process's grade worker (idempotent). Wired into server start-up. */
export function startGradeWorker(opts: GradeWorkerOptions = {}): GradeWorker {
  if (!running) {
    running = new GradeWorker(opts);
    running.start();
  }
  return running;
}

/** Stops this process's grade worker after the jobs in hand; unfinished ones are reclaimed later by lease. */
export async function stopGradeWorker(): Promise<void> {
  const worker = running;
  running = null;
  if (worker) await worker.stop();
}

/** Wakes this process's worker, if any (called after enqueueing). */
export function nudgeGradeWorker(): void {
  running?.nudge();
}

/** Processes the outbox until nothing is due (tests, the benchmark, an operator's one-off run). */
export function drainGradeOutbox(opts: DrainOptions = {}): Promise<DrainReport> {
  const { waitForRetriesWithinMs, timeoutMs, ...workerOpts } = opts;
  return new GradeWorker(workerOpts).drain({ waitForRetriesWithinMs, timeoutMs });
}
