import type { Readable } from 'node:stream';
import mongoose, { Types } from 'mongoose';
import type { ARTIFACT_TYPES } from '../../shared/api/plan';
import type { TenantId } from '../tenants/tenant-id';
import type { ArtifactMimeType } from './sniff';

/**
 * Portfolio files in GridFS, bucket "artifacts" (artifacts.files + artifacts.chunks). Every query that reads or
 * removes a student's files takes the owner (tenant + student), so one student's file is never found for another.
 * The driver is mongoose's own (mongoose.mongo): the hoisted top-level `mongodb` package is a different major
 * version pulled in by mongodb-memory-server, and its GridFSBucket must not be handed mongoose's Db.
 */
export const BUCKET_NAME = 'artifacts';

type Bucket = mongoose.mongo.GridFSBucket;
export type ArtifactUploadStream = mongoose.mongo.GridFSBucketWriteStream;

/** Whose files: both parts are required on every read and delete. */
export interface ArtifactOwner {
  tenantId: TenantId;
  /** The student's user id (a string, as in the session). */
  studentId: string;
}

/** `metadata` of an artifacts.files document. */
export interface ArtifactMetadata {
  /** District that owns the file. */
  tenantId: Types.ObjectId;
  /** Student whose portfolio holds it. */
  studentId: string;
  /** Resume, certificate, work sample, other. */
  type: (typeof ARTIFACT_TYPES)[number];
  /** Student-given title, 1..160 characters. */
  title: string;
  /** User id of whoever uploaded it (today always the student). */
  uploadedBy: string;
  /** Declared and sniffed content type, one of ARTIFACT_LIMITS.mimeTypes. */
  contentType: ArtifactMimeType;
}

/** An artifacts.files document as GridFS writes it, with our metadata. */
export interface StoredArtifact {
  _id: Types.ObjectId;
  filename: string;
  length: number;
  chunkSize: number;
  uploadDate: Date;
  metadata: ArtifactMetadata;
}

interface Handles {
  bucket: Bucket;
  files: mongoose.mongo.Collection<StoredArtifact>;
  chunks: mongoose.mongo.Collection<{ files_id: Types.ObjectId }>;
}

const handlesByDb = new WeakMap<object, Promise<Handles>>();

/** The bucket and its collections on the current connection, with the owner index created once per connection. */
function handles(): Promise<Handles> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('MongoDB is not connected');
  let ready = handlesByDb.get(db);
  if (!ready) {
    const files = db.collection<StoredArtifact>(`${BUCKET_NAME}.files`);
    const chunks = db.collection<{ files_id: Types.ObjectId }>(`${BUCKET_NAME}.chunks`);
    ready = files
      .createIndex({ 'metadata.tenantId': 1, 'metadata.studentId': 1, uploadDate: -1 }, { name: 'owner_newest' })
      .then(() => ({ bucket: new mongoose.mongo.GridFSBucket(db, { bucketName: BUCKET_NAME }), files, chunks }));
    ready.catch(() => handlesByDb.delete(db));
    handlesByDb.set(db, ready);
  }
  return ready;
}

const byOwner = (owner: ArtifactOwner) => ({ 'metadata.tenantId': owner.tenantId as Types.ObjectId, 'metadata.studentId': owner.studentId });

/** The owner's artifacts, newest first. */
export async function findArtifacts(owner: ArtifactOwner): Promise<StoredArtifact[]> {
  const { files } = await handles();
  return files.find(byOwner(owner)).sort({ uploadDate: -1, _id: -1 }).toArray() as Promise<StoredArtifact[]>;
}

export async function countArtifacts(owner: ArtifactOwner): Promise<number> {
  const { files } = await handles();
  return files.countDocuments(byOwner(owner));
}

/** One of the owner's artifacts, or null (also when it belongs to someone else). */
export async function findArtifact(owner: ArtifactOwner, id: Types.ObjectId): Promise<StoredArtifact | null> {
  const { files } = await handles();
  return (await files.findOne({ _id: id, ...byOwner(owner) })) as StoredArtifact | null;
}

/** Starts writing a new file; its files document appears only once the stream finishes. */
export async function openArtifactUpload(filename: string, metadata: ArtifactMetadata): Promise<ArtifactUploadStream> {
  const { bucket } = await handles();
  return bucket.openUploadStream(filename, { metadata });
}

/** The bytes of a file found with `findArtifact` (callers check ownership first). */
export async function openArtifactDownload(file: StoredArtifact): Promise<Readable> {
  const { bucket } = await handles();
  return bucket.openDownloadStream(file._id);
}

/** Deletes one of the owner's artifacts; false when there is no such artifact for this owner. */
export async function deleteArtifact(owner: ArtifactOwner, id: Types.ObjectId): Promise<boolean> {
  const { files, chunks } = await handles();
  const { deletedCount } = await files.deleteOne({ _id: id, ...byOwner(owner) });
  if (deletedCount === 0) return false;
  await chunks.deleteMany({ files_id: id });
  return true;
}

/** Removes whatever was written for a refused or failed upload (files document and chunks), by its new id. */
export async function discardUpload(id: Types.ObjectId): Promise<void> {
  const { files, chunks } = await handles();
  await files.deleteOne({ _id: id });
  await chunks.deleteMany({ files_id: id });
}

/** Every artifact of a district, oldest first (the district export). */
export async function findDistrictArtifacts(tenantId: Types.ObjectId): Promise<StoredArtifact[]> {
  const { files } = await handles();
  return files.find({ 'metadata.tenantId': tenantId }).sort({ uploadDate: 1, _id: 1 }).toArray() as Promise<StoredArtifact[]>;
}

/** Deletes all of the owner's artifacts (files documents, then chunks); the number of files removed. */
export async function deleteOwnerArtifacts(owner: ArtifactOwner): Promise<number> {
  const { files, chunks } = await handles();
  const ids = (await files.find(byOwner(owner), { projection: { _id: 1 } }).toArray()).map((f) => f._id);
  if (ids.length === 0) return 0;
  // Chunks first: a crash in between leaves files documents that a retry finds and deletes again.
  await chunks.deleteMany({ files_id: { $in: ids } });
  const { deletedCount } = await files.deleteMany({ _id: { $in: ids } });
  return deletedCount;
}
