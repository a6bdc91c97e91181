import { z } from 'zod';
import type { CreatedParentLink, ParentLinkCreate, ParentLinkView } from '../../../shared/api/parent-links';
import { apiRequest } from './client';
import { objectWith } from './shape';

type Opts = { signal?: AbortSignal };
const enc = encodeURIComponent;
const linkSchema = objectWith<ParentLinkView>('id', 'status');
const createdSchema = objectWith<CreatedParentLink>('url', 'status');

/** Parent access links of one student (shared/api/parent-links.ts). */
export const parentLinksApi = {
  list: (studentId: string, o: Opts = {}) => apiRequest('GET', `/api/plans/${enc(studentId)}/parent-links`, z.array(linkSchema), o),
  create: (studentId: string, body: ParentLinkCreate, o: Opts = {}) =>
    apiRequest('POST', `/api/plans/${enc(studentId)}/parent-links`, createdSchema, { ...o, body }),
  revoke: (studentId: string, linkId: string, o: Opts = {}) =>
    apiRequest('DELETE', `/api/plans/${enc(studentId)}/parent-links/${enc(linkId)}`, linkSchema, o),
};
