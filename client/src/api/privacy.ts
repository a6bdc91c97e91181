import { z } from 'zod';
import type { PrivacyEventView, StudentDeletionResult, StudentMatch } from '../../../shared/api/privacy';
import { apiRaw, apiRequest } from './client';
import { objectWith } from './shape';

type Opts = { signal?: AbortSignal };
const enc = encodeURIComponent;

/** The district's own data, for its admins (shared/api/privacy.ts). */
export const privacyApi = {
  exportDistrict: async (o: Opts = {}) => (await apiRaw('GET', '/api/tenant/export', { ...o, accept: 'application/gzip' })).blob(),
  findStudents: (q: string, o: Opts = {}) => apiRequest('GET', `/api/tenant/students?q=${enc(q)}`, z.array(objectWith<StudentMatch>('id', 'name')), o),
  deleteStudent: (studentId: string, confirmName: string, o: Opts = {}) =>
    apiRequest('DELETE', `/api/tenant/students/${enc(studentId)}`, objectWith<StudentDeletionResult>('deleted'), { ...o, body: { confirmName } }),
  events: (o: Opts = {}) => apiRequest('GET', '/api/tenant/privacy-events', z.array(objectWith<PrivacyEventView>('action', 'at')), o),
};
