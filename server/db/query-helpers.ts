import { z } from 'zod';

/** MongoDB's duplicate key error (E11000): a unique index refused the write, usually a race another call won. */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/** Escapes every regex metacharacter so user input is matched literally (name searches). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
}

/** A MongoDB ObjectId in a URL parameter: 24 hex characters, with the message the 400 shows. */
export const objectIdString = (message = 'Not an id') => z.string().regex(/^[a-f\d]{24}$/i, message);
