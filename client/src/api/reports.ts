import type { CompletionReport } from '../../../shared/api/reports';
import { apiRaw, apiRequest } from './client';
import { objectWith } from './shape';

type Opts = { signal?: AbortSignal };
const reportSchema = objectWith<CompletionReport>('rows', 'years');

/** District reports (shared/api/reports.ts). */
export const reportsApi = {
  completion: (o: Opts = {}) => apiRequest('GET', '/api/tenant/reports/completion', reportSchema, o),
  completionCsv: async (o: Opts = {}) => (await apiRaw('GET', '/api/tenant/reports/completion?format=csv', { ...o, accept: 'text/csv' })).blob(),
};
