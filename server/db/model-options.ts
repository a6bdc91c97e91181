import type { SchemaOptions } from 'mongoose';

/** Options every model shares: timestamps, no __v, strict queries so unknown filter keys are dropped. */
export const baseSchemaOptions = {
  timestamps: true,
  versionKey: false,
  strict: true,
  strictQuery: true,
} satisfies SchemaOptions;
