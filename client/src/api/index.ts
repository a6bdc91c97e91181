import type { z } from 'zod';
import {
  courseOverviewSchema,
  menteesSchema,
  planSummarySchema,
  sessionSchema,
  tenantViewSchema,
  type addDeploymentSchema,
  type TenantSettings,
} from '../../../shared/api/session';
import { apiRequest } from './client';

export { ApiFailure, isApiFailure, onSessionEnded, type ApiFailureKind } from './client';
export { initToken, getToken, clearToken } from './token';

type Opts = { signal?: AbortSignal };
export type NewDeployment = z.input<typeof addDeploymentSchema>;

/** One typed function per endpoint of the shared contract (shared/api/session.ts). */
export const api = {
  session: (o: Opts = {}) => apiRequest('GET', '/api/session', sessionSchema, o),
  planSummary: (o: Opts = {}) => apiRequest('GET', '/api/plans/me/summary', planSummarySchema, o),
  currentCourse: (o: Opts = {}) => apiRequest('GET', '/api/courses/current', courseOverviewSchema, o),
  tenant: (o: Opts = {}) => apiRequest('GET', '/api/tenant', tenantViewSchema, o),
  updateTenant: (settings: TenantSettings, o: Opts = {}) =>
    apiRequest('PATCH', '/api/tenant', tenantViewSchema, { ...o, body: settings }),
  addDeployment: (deployment: NewDeployment, o: Opts = {}) =>
    apiRequest('POST', '/api/tenant/deployments', tenantViewSchema, { ...o, body: deployment }),
  mentees: (o: Opts = {}) => apiRequest('GET', '/api/mentees', menteesSchema, o),
};
