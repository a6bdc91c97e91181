import { z } from 'zod';
import type { CaseloadView, StaffMember } from '../../../shared/api/caseload';
import { apiRequest } from './client';
import { objectWith } from './shape';

type Opts = { signal?: AbortSignal };
const enc = encodeURIComponent;
const staffSchema = objectWith<StaffMember>('id', 'caseloadDeploymentIds');

/** Counselor caseloads (shared/api/caseload.ts). */
export const caseloadApi = {
  caseload: (o: Opts = {}) => apiRequest('GET', '/api/caseload', objectWith<CaseloadView>('students', 'schools'), o),
  counselors: (o: Opts = {}) => apiRequest('GET', '/api/tenant/counselors', z.array(staffSchema), o),
  findStaff: (q: string, o: Opts = {}) => apiRequest('GET', `/api/tenant/staff?q=${enc(q)}`, z.array(staffSchema), o),
  setCaseload: (userId: string, deploymentIds: string[], o: Opts = {}) =>
    apiRequest('PUT', `/api/tenant/staff/${enc(userId)}/caseload`, staffSchema, { ...o, body: { deploymentIds } }),
};
