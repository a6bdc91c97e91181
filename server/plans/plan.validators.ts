import { z } from 'zod';
import { SECTION_KEYS } from '../../shared/api/plan';
import { LOCALES } from '../../shared/roles';
import { objectIdString } from '../db/query-helpers';

/** Route parameter schemas of the plan API (bodies are in shared/api/plan.ts, the client's contract). */
export const sectionParamsSchema = z.object({ section: z.enum(SECTION_KEYS) });
export const studentParamsSchema = z.object({ studentId: objectIdString('Not a student id') });
export const snapshotParamsSchema = z.object({ schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'Use the form 2026-2027') });
export const studentYearParamsSchema = studentParamsSchema.extend(snapshotParamsSchema.shape);
/** ?locale=en|es on the PDF export; the student's language otherwise. */
export const exportQuerySchema = z.object({ locale: z.enum(LOCALES).optional() }).strict();
