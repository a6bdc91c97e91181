import { z } from 'zod';

/**
 * The contract declares its views as TypeScript interfaces; this checks the shape the screens rely on (an object
 * with the named keys) without duplicating every field.
 */
export const objectWith = <T>(...keys: string[]) =>
  z.custom<T>((v) => typeof v === 'object' && v !== null && keys.every((k) => k in v));
