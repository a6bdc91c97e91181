import type { ArtifactView } from '../../shared/api/plan';
import type { StoredArtifact } from './artifact.store';

/** The API shape of a stored artifact: only whitelisted fields, never GridFS internals or owner ids. */
export function presentArtifact(file: StoredArtifact): ArtifactView {
  return {
    id: String(file._id),
    type: file.metadata.type,
    title: file.metadata.title,
    filename: file.filename,
    contentType: file.metadata.contentType,
    size: file.length,
    uploadedAt: file.uploadDate.toISOString(),
  };
}
