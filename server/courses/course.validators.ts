import { z } from 'zod';
import { PROGRESS_STATUSES } from '../../shared/api/activities';
import { objectIdString } from '../db/query-helpers';

/** Route input schemas of the course API; bodies come from shared/api/activities.ts (the client's contract). */

export const DASHBOARD_SORTS = ['name', 'lastActivity', 'progress'] as const;
export type DashboardSort = (typeof DASHBOARD_SORTS)[number];

/** GET /api/courses/current/dashboard?refresh=1&status=submitted&sort=lastActivity&activity=<placement id> */
export const dashboardQuerySchema = z
  .object({
    /** Ask the LMS for the roster now instead of using the cached one. */
    refresh: z
      .enum(['1', '0', 'true', 'false'], { message: 'Use refresh=1 or refresh=0' })
      .optional()
      .transform((v) => v === '1' || v === 'true'),
    /** Only students with this status (on `activity`, or on any activity of the course). */
    status: z.enum(PROGRESS_STATUSES, { message: `Use one of: ${PROGRESS_STATUSES.join(', ')}` }).optional(),
    sort: z.enum(DASHBOARD_SORTS, { message: `Use one of: ${DASHBOARD_SORTS.join(', ')}` }).default('name'),
    /** Only this placement's column. */
    activity: objectIdString('Not an activity id').optional(),
  })
  .strict();
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const studentParamsSchema = z.object({ userId: objectIdString('Not a student id') });
export const reviewParamsSchema = z.object({ placementId: objectIdString('Not an activity id'), userId: objectIdString('Not a student id') });
export const placementParamsSchema = z.object({ placementId: objectIdString('Not an activity id') });
