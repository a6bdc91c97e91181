import { z } from 'zod';
import { ARTIFACT_TYPES } from '../../shared/api/plan';

/** The text fields of `POST /api/plans/me/artifacts` (multipart); they must come before the file part. */
export const artifactFieldsSchema = z
  .object({
    type: z.enum(ARTIFACT_TYPES, { message: `Choose one of: ${ARTIFACT_TYPES.join(', ')}` }),
    title: z.string({ message: 'Enter a title' }).trim().min(1, 'Enter a title').max(160, 'Use at most 160 characters'),
  })
  .strict();
export type ArtifactFields = z.infer<typeof artifactFieldsSchema>;

/** `:id` of an artifact: a GridFS file id (24 hex digits). */
export const artifactIdParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, 'Not an artifact id') });
