import { z } from 'zod';
import type {
  ArtifactView,
  CareerSearchResult,
  CareerView,
  PlanSnapshotSummary,
  PlanView,
  RequirementTemplate,
  SectionKey,
  VersionedSection,
} from '../../../shared/api/plan';
import { requirementTemplateSchema, type InterestResult, type SectionData } from '../../../shared/api/plan';
import type { AdvisorReviewCreate, ParentSignatureCreate } from '../../../shared/api/annual-review';
import { apiRaw, apiRequest } from './client';
import { objectWith } from './shape';

type Opts = { signal?: AbortSignal };

const planViewSchema = objectWith<PlanView>('sections', 'requirements', 'annualReview');
const versionedSchema = objectWith<VersionedSection>('version', 'data');
const careerSearchSchema = objectWith<CareerSearchResult>('items', 'total');
const careerSchema = objectWith<CareerView>('code', 'title');
const artifactSchema = objectWith<ArtifactView>('id', 'title');
const artifactsSchema = z.array(artifactSchema);
const snapshotSummarySchema = objectWith<PlanSnapshotSummary>('schoolYear', 'advisorReview', 'parentSignatures');
const snapshotsSchema = z.array(snapshotSummarySchema);
export interface PlanSnapshot {
  schoolYear: string;
  submittedAt: string;
  reflection: string;
  sections: { [K in SectionKey]?: VersionedSection<K> | SectionData[K] };
  interestResult: InterestResult | null;
}
const snapshotSchema = objectWith<PlanSnapshot>('schoolYear', 'sections');

export type CareerQuery = { q?: string; cluster?: string; education?: string; match?: string; page?: number; pageSize?: number };

const enc = encodeURIComponent;

/** The student's plan endpoints (shared/api/plan.ts). */
export const planApi = {
  plan: (o: Opts = {}) => apiRequest('GET', '/api/plans/me', planViewSchema, o),
  /** Another student's plan, read-only (a parent's child; the server checks who may read it). */
  planOf: (studentId: string, o: Opts = {}) => apiRequest('GET', `/api/plans/${enc(studentId)}`, planViewSchema, o),
  saveSection: <K extends SectionKey>(section: K, version: number, data: SectionData[K], o: Opts & { keepalive?: boolean } = {}) =>
    apiRequest('PUT', `/api/plans/me/sections/${section}`, versionedSchema, { ...o, body: { version, data } }) as Promise<
      VersionedSection<K>
    >,
  submitReview: (reflection: string, o: Opts = {}) =>
    apiRequest('POST', '/api/plans/me/annual-review', planViewSchema, { ...o, body: { reflection } }),
  snapshots: (o: Opts = {}) => apiRequest('GET', '/api/plans/me/snapshots', snapshotsSchema, o),
  snapshot: (schoolYear: string, o: Opts = {}) =>
    apiRequest('GET', `/api/plans/me/snapshots/${enc(schoolYear)}`, snapshotSchema, o),
  /** A student's submitted years with their sign-offs, for their teacher, parent or admin. */
  snapshotsOf: (studentId: string, o: Opts = {}) => apiRequest('GET', `/api/plans/${enc(studentId)}/snapshots`, snapshotsSchema, o),
  adviseReview: (studentId: string, schoolYear: string, body: AdvisorReviewCreate, o: Opts = {}) =>
    apiRequest('POST', `/api/plans/${enc(studentId)}/snapshots/${enc(schoolYear)}/advisor-review`, snapshotSummarySchema, { ...o, body }),
  signReview: (studentId: string, schoolYear: string, body: ParentSignatureCreate, o: Opts = {}) =>
    apiRequest('POST', `/api/plans/${enc(studentId)}/snapshots/${enc(schoolYear)}/signatures`, snapshotSummarySchema, { ...o, body }),
  careers: (query: CareerQuery, o: Opts = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    return apiRequest('GET', `/api/careers?${params.toString()}`, careerSearchSchema, o);
  },
  career: (code: string, o: Opts = {}) => apiRequest('GET', `/api/careers/${enc(code)}`, careerSchema, o),
  artifacts: (o: Opts = {}) => apiRequest('GET', '/api/plans/me/artifacts', artifactsSchema, o),
  uploadArtifact: async (type: string, title: string, file: File, o: Opts = {}): Promise<ArtifactView> => {
    const form = new FormData();
    form.set('type', type);
    form.set('title', title);
    form.set('file', file, file.name);
    const res = await apiRaw('POST', '/api/plans/me/artifacts', { ...o, form });
    return (await res.json()) as ArtifactView;
  },
  downloadArtifact: async (id: string, o: Opts = {}) =>
    (await apiRaw('GET', `/api/plans/me/artifacts/${enc(id)}/download`, { ...o, accept: '*/*' })).blob(),
  deleteArtifact: async (id: string, o: Opts = {}) => {
    await apiRaw('DELETE', `/api/plans/me/artifacts/${enc(id)}`, o);
  },
  /** The plan as a PDF: the student's own, or a child's / student's when `studentId` is given. */
  exportPdf: async (o: Opts & { studentId?: string } = {}) =>
    (await apiRaw('GET', `/api/plans/${o.studentId ? enc(o.studentId) : 'me'}/export.pdf`, { ...o, accept: 'application/pdf' })).blob(),
  requirements: (o: Opts = {}) => apiRequest('GET', '/api/tenant/graduation-requirements', requirementTemplateSchema, o),
  saveRequirements: (template: RequirementTemplate, o: Opts = {}) =>
    apiRequest('PUT', '/api/tenant/graduation-requirements', requirementTemplateSchema, { ...o, body: template }),
};
