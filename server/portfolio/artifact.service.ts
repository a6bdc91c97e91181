import type { ArtifactView } from '../../shared/api/plan';
import type { TenantId } from '../tenants/tenant-id';
import { presentArtifact } from './artifact.presenter';
import { findArtifacts } from './artifact.store';

/** A student's portfolio artifacts, newest first: for the PDF export and staff views (callers authorize). */
export async function listArtifacts(tenantId: TenantId, studentId: string): Promise<ArtifactView[]> {
  return (await findArtifacts({ tenantId, studentId })).map(presentArtifact);
}

export { MAX_ARTIFACTS_PER_STUDENT } from './artifact.upload';
