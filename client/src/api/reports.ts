import { z } from 'zod';
import type { CompletionReport } from '../../../shared/api/reports';
import { apiRaw, apiRequest } from './client';

type Opts = { signal?: AbortSignal };
const reportSchema = z.custom<CompletionReport>((v) => typeof v === 'object' && v !== null && 'rows' in v && 'years' in v);

/** District reports (shared/api/reports.ts). */
export const reportsApi = {
  completion: (o: Opts = {}) => apiRequest('GET', '/api/tenant/reports/completion', reportSchema, o),
  completionCsv: async (o: Opts = {}) => (await apiRaw('GET', '/api/tenant/reports/completion?format=csv', { ...o, accept: 'text/csv' })).blob(),
};
