import { z } from 'zod';

/** Route schemas of server/activities that are not part of the shared contract (path parameters). */
export const placementParamsSchema = z.object({ placementId: z.string().regex(/^[0-9a-f]{24}$/i, 'Not a placement id') }).strict();
