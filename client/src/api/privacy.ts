import { z } from 'zod';
import type { PrivacyEventView, StudentDeletionResult, StudentMatch } from '../../../shared/api/privacy';
import { apiRaw, apiRequest } from './client';

type Opts = { signal?: AbortSignal };
const enc = encodeURIComponent;
const has = <T>(...keys: string[]) => z.custom<T>((v) => typeof v === 'object' && v !== null && keys.every((k) => k in v));

/** The district's own data, for its admins (shared/api/privacy.ts). */
export const privacyApi = {
  exportDistrict: async (o: Opts = {}) => (await apiRaw('GET', '/api/tenant/export', { ...o, accept: 'application/gzip' })).blob(),
  findStudents: (q: string, o: Opts = {}) => apiRequest('GET', `/api/tenant/students?q=${enc(q)}`, z.array(has<StudentMatch>('id', 'name')), o),
  deleteStudent: (studentId: string, confirmName: string, o: Opts = {}) =>
    apiRequest('DELETE', `/api/tenant/students/${enc(studentId)}`, has<StudentDeletionResult>('deleted'), { ...o, body: { confirmName } }),
  events: (o: Opts = {}) => apiRequest('GET', '/api/tenant/privacy-events', z.array(has<PrivacyEventView>('action', 'at')), o),
};
