import type { Readable } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';
import { ARTIFACT_LIMITS } from '../../shared/api/plan';
import { AppError, badRequest, conflict, payloadTooLarge, unsupportedMediaType } from '../http/errors';
import { fieldErrors } from '../http/validate';
import { log } from '../logger';
import { artifactFieldsSchema, type ArtifactFields } from './artifact.schemas';
import {
  countArtifacts,
  discardUpload,
  openArtifactUpload,
  type ArtifactOwner,
  type ArtifactUploadStream,
  type StoredArtifact,
} from './artifact.store';
import { isAcceptedMimeType, matchesDeclaredType, SNIFF_BYTES, type ArtifactMimeType } from './sniff';

/** A student's portfolio holds at most this many files. */
export const MAX_ARTIFACTS_PER_STUDENT = 50;
/** Room for multipart boundaries, part headers and the two text fields on top of the file itself. */
const MULTIPART_OVERHEAD = 16 * 1024;
const MB = (bytes: number) => Math.round(bytes / (1024 * 1024));
const tooLarge = () => payloadTooLarge(`The file is larger than ${MB(ARTIFACT_LIMITS.maxBytes)} MB.`);
const wrongType = () =>
  unsupportedMediaType('This kind of file is not accepted. Upload a PDF, PNG, JPEG, Word (.docx) or plain text file.');
const fullPortfolio = () => conflict(`A portfolio holds at most ${MAX_ARTIFACTS_PER_STUDENT} files. Delete one before adding another.`);

export interface UploadContext {
  owner: ArtifactOwner;
  /** User id of the uploader. */
  uploadedBy: string;
}

/**
 * POST /plans/me/artifacts: streams one multipart file into GridFS within the size and type limits.
 * Fields `type` and `title` must come before the `file` part (FormData in that order), so the file is checked
 * and labelled while it streams and is never buffered whole. Anything refused leaves nothing in GridFS.
 */
export async function uploadArtifact(req: Request, ctx: UploadContext): Promise<StoredArtifact> {
  if (!/^multipart\/form-data\s*;/i.test(req.get('content-type') ?? '')) throw unsupportedMediaType('Send the file as multipart/form-data.');
  const length = req.get('content-length');
  if (length !== undefined && Number(length) > ARTIFACT_LIMITS.maxBytes + MULTIPART_OVERHEAD) throw tooLarge();
  if ((await countArtifacts(ctx.owner)) >= MAX_ARTIFACTS_PER_STUDENT) throw fullPortfolio();

  const stored = await receive(req, ctx);
  // Two uploads racing past the first check: the later one gives way.
  if ((await countArtifacts(ctx.owner)) > MAX_ARTIFACTS_PER_STUDENT) {
    await discardUpload(stored._id);
    throw fullPortfolio();
  }
  return stored;
}

function receive(req: Request, ctx: UploadContext): Promise<StoredArtifact> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        // busboy reports 'limit' on reaching the limit, so one byte more tells "over" from "exactly at".
        limits: { fileSize: ARTIFACT_LIMITS.maxBytes + 1, files: 1, fields: 4, fieldSize: 2048, parts: 6, headerPairs: 20 },
      });
    } catch {
      reject(badRequest('The upload is not valid multipart/form-data.'));
      return;
    }
    const fields: Record<string, string> = {};
    let failure: AppError | null = null;
    const fail = (error: AppError) => {
      failure ??= error;
    };
    let fileSeen = false;
    let storing: Promise<StoredArtifact | null> = Promise.resolve(null);
    let settled = false;

    parser.on('field', (name, value) => {
      if (name === 'type' || name === 'title') fields[name] = value;
      else fail(badRequest('The upload is not valid.', { [name]: ['Unknown field'] }));
    });
    parser.on('file', (name, stream, info) => {
      const refuse = (error: AppError) => {
        fail(error);
        stream.resume(); // drain: busboy waits for every part to be read
      };
      if (name !== 'file' || fileSeen) return refuse(badRequest('Send one file, in the field "file".', { file: ['Send one file'] }));
      fileSeen = true;
      if (failure) return refuse(failure);
      const parsed = artifactFieldsSchema.safeParse(fields);
      if (!parsed.success) return refuse(badRequest('The upload is not valid.', fieldErrors(parsed.error)));
      const contentType = info.mimeType.toLowerCase();
      if (!isAcceptedMimeType(contentType)) return refuse(wrongType());
      storing = storeFile(stream, safeFilename(info.filename, contentType), contentType, parsed.data, ctx, fail);
    });
    for (const limit of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) {
      parser.on(limit, () => fail(badRequest('Send the fields type and title and one file.', { file: ['Send one file'] })));
    }
    const finish = async () => {
      if (settled) return;
      settled = true;
      const stored = await storing;
      if (!failure && !fileSeen) {
        const parsed = artifactFieldsSchema.safeParse(fields);
        fail(badRequest('Choose a file to upload.', { ...(parsed.success ? {} : fieldErrors(parsed.error)), file: ['Choose a file to upload'] }));
      }
      if (failure || !stored) {
        if (stored) await discardUpload(stored._id);
        reject(failure ?? badRequest('The upload was not received completely.'));
        return;
      }
      resolve(stored);
    };
    const settle = () => {
      finish().catch(reject);
    };
    parser.on('close', settle);
    parser.on('error', () => {
      fail(badRequest('The upload is not valid multipart/form-data, or it was interrupted.'));
      req.unpipe(parser);
      req.resume();
      settle();
    });
    req.on('error', () => {
      fail(badRequest('The upload was interrupted.'));
      settle();
    });
    req.pipe(parser);
  });
}

/**
 * Sniffs the first bytes, then writes the rest to GridFS while busboy counts the size. Resolves with the stored
 * file, or null after cleaning up when it was refused (the reason goes to `fail`). Never rejects, and always
 * reads the stream to its end so busboy can finish the request.
 */
async function storeFile(
  stream: Readable,
  filename: string,
  contentType: ArtifactMimeType,
  fields: ArtifactFields,
  ctx: UploadContext,
  fail: (error: AppError) => void,
): Promise<StoredArtifact | null> {
  let overLimit = false;
  stream.on('limit', () => {
    overLimit = true;
  });
  let upload: ArtifactUploadStream | null = null;
  let refused: AppError | null = null;
  const head: Buffer[] = [];
  let headLength = 0;
  const begin = async (): Promise<void> => {
    const first = Buffer.concat(head);
    if (first.length === 0) refused = badRequest('The file is empty.', { file: ['The file is empty'] });
    else if (!matchesDeclaredType(contentType, first)) refused = wrongType();
    if (refused) return;
    upload = await openArtifactUpload(filename, { tenantId: ctx.owner.tenantId, studentId: ctx.owner.studentId, uploadedBy: ctx.uploadedBy, contentType, ...fields });
    await write(upload, first);
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (refused || overLimit) continue; // keep reading to the end, store nothing more
      if (upload) {
        await write(upload, chunk);
        continue;
      }
      head.push(chunk);
      headLength += chunk.length;
      if (headLength >= SNIFF_BYTES) await begin();
    }
    if (!upload && !refused && !overLimit) await begin();
    if (overLimit) refused = tooLarge();
  } catch (err) {
    refused = err instanceof AppError ? err : badRequest('The upload was interrupted.');
    if (!(err instanceof AppError)) log.warn('artifact upload interrupted', { err: String(err) });
    stream.resume();
  }
  const started = upload as ArtifactUploadStream | null;
  if (!started) {
    if (refused) fail(refused);
    return null;
  }
  try {
    const stored = await close(started);
    if (!refused) return stored;
  } catch (err) {
    log.warn('artifact upload failed', { err: String(err) });
    refused ??= badRequest('The upload could not be stored.');
  }
  // Whatever was written goes: the finished files document (if any) and every chunk.
  await discardUpload(started.id as StoredArtifact['_id']);
  fail(refused);
  return null;
}

function write(upload: ArtifactUploadStream, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    upload.write(chunk, (err?: Error | null) => (err ? reject(err) : resolve()));
  });
}

function close(upload: ArtifactUploadStream): Promise<StoredArtifact> {
  return new Promise((resolve, reject) => {
    upload.once('finish', (doc: StoredArtifact) => resolve(doc));
    upload.once('error', reject);
    upload.end();
  });
}

const EXTENSIONS: Record<ArtifactMimeType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/plain': 'txt',
};

/** The client's file name without any path, control or reserved characters, at most 150 characters. */
export function safeFilename(raw: string | undefined, contentType: ArtifactMimeType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(-150);
  return cleaned || `artifact.${EXTENSIONS[contentType]}`;
}
