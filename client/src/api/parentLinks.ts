import { z } from 'zod';
import type { CreatedParentLink, ParentLinkCreate, ParentLinkView } from '../../../shared/api/parent-links';
import { apiRequest } from './client';

type Opts = { signal?: AbortSignal };
const enc = encodeURIComponent;
const linkSchema = z.custom<ParentLinkView>((v) => typeof v === 'object' && v !== null && 'id' in v && 'status' in v);
const createdSchema = z.custom<CreatedParentLink>((v) => typeof v === 'object' && v !== null && 'url' in v && 'status' in v);

/** Parent access links of one student (shared/api/parent-links.ts). */
export const parentLinksApi = {
  list: (studentId: string, o: Opts = {}) => apiRequest('GET', `/api/plans/${enc(studentId)}/parent-links`, z.array(linkSchema), o),
  create: (studentId: string, body: ParentLinkCreate, o: Opts = {}) =>
    apiRequest('POST', `/api/plans/${enc(studentId)}/parent-links`, createdSchema, { ...o, body }),
  revoke: (studentId: string, linkId: string, o: Opts = {}) =>
    apiRequest('DELETE', `/api/plans/${enc(studentId)}/parent-links/${enc(linkId)}`, linkSchema, o),
};
