import { TenantModel } from '../tenants/tenant.model';
import { PlacementModel } from '../activities/placement.model';
import { ServiceCallError } from '../lti/service-http';
import { AgsClient } from './ags-client';
import { BaseJob, JobFailure, failureFromHttp, type RetryPolicy } from './job-base';
import type { ScoreJob } from './score-job.model';

/** Thrown when the worker no longer holds the job's lease: someone else owns it now; nothing is recorded. */
export class LeaseLost extends Error {
  constructor() {
    super('lease lost');
    this.name = 'LeaseLost';
  }
}

export interface PostScoreDeps {
  userAgent: string;
  requestTimeoutMs: number;
  /** Extends the lease just before the score is sent; throws LeaseLost when the job is no longer ours. */
  renewLease(job: ScoreJob): Promise<void>;
}

/** Sends one desired score to the platform: finds (or creates) the line item, then POSTs the score. */
export class PostScoreJob extends BaseJob<ScoreJob, { status: number }> {
  constructor(
    private readonly deps: PostScoreDeps,
    policy: Partial<RetryPolicy> = {},
  ) {
    super(policy);
  }

  protected override isAbort(err: unknown): boolean {
    return err instanceof LeaseLost;
  }

  protected async perform(job: ScoreJob): Promise<{ status: number }> {
    try {
      return await this.send(job);
    } catch (err) {
      if (err instanceof ServiceCallError) throw failureFromHttp(err.message, err.status, err.retryAfterMs);
      throw err;
    }
  }

  private async send(job: ScoreJob): Promise<{ status: number }> {
    const tenant = await TenantModel.findById(job.tenantId, { issuer: 1, clientId: 1 }).lean().exec();
    if (!tenant) throw new JobFailure('The district is no longer registered.', 'permanent');
    const placement = await PlacementModel.findOne({ _id: job.placementId, tenantId: job.tenantId }).lean().exec();
    if (!placement || placement.deletedAt) throw new JobFailure('The activity was removed from the course.', 'permanent');
    if (placement.points <= 0) throw new JobFailure('The activity has no gradebook column (0 points).', 'permanent');
    const client = new AgsClient({ issuer: tenant.issuer, clientId: tenant.clientId }, { userAgent: this.deps.userAgent, timeoutMs: this.deps.requestTimeoutMs });
    const lineItemUrl = await client.lineItemFor(placement);
    if (!lineItemUrl) {
      throw new JobFailure('The course has not shared its gradebook with the tool yet: open the activity once from the LMS, then retry.', 'permanent');
    }
    await this.deps.renewLease(job);
    const status = await client.postScore(lineItemUrl, job.ltiSubject, job.score);
    return { status };
  }
}
