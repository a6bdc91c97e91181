import type { TenantId } from '../tenants/tenant-id';
import { log } from '../logger';

/** Something in a student's plan changed (a section, the portfolio, the annual review). */
export interface PlanChanged {
  tenantId: TenantId;
  studentId: string;
}
type Listener = (event: PlanChanged) => Promise<void>;
const listeners: Listener[] = [];

/** Activities listen here to re-evaluate completion; the plan domain does not know who listens. */
export function onPlanChanged(listener: Listener): void {
  listeners.push(listener);
}

/** Awaited by writers so completion (and the grade it queues) is recorded before the response. */
export async function emitPlanChanged(event: PlanChanged): Promise<void> {
  for (const listener of listeners) {
    try {
      await listener(event);
    } catch (err) {
      // A listener failure must not lose the student's write; it is logged and retried on the next change.
      log.error('plan change listener failed', { studentId: event.studentId, err: err instanceof Error ? err.message : String(err) });
    }
  }
}
