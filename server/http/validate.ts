import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { badRequest } from './errors';

/** Field errors keyed by dotted path, for the client to show next to each field. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses a value with a schema or throws a 400 carrying the field messages. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw badRequest(`The ${what} is not valid.`, fieldErrors(result.error));
  return result.data;
}

type Part = 'body' | 'query' | 'params';
declare module 'express-serve-static-core' {
  interface Request {
    /** Input parsed by `validate()`, keyed by request part. */
    valid?: Partial<Record<Part, unknown>>;
  }
}

/** Middleware: parses one request part with a zod schema; handlers read it through `input()`. */
export function validate(part: Part, schema: z.ZodType) {
  return (req: Request, _res: Response, next: NextFunction) => {
    req.valid = { ...req.valid, [part]: parseOr400(schema, req[part], part === 'body' ? 'request body' : part) };
    next();
  };
}

/** Typed access to what `validate(part, schema)` parsed. */
export function input<S extends z.ZodType>(req: Request, part: Part, _schema: S): z.infer<S> {
  return req.valid?.[part] as z.infer<S>;
}
