import { ARTIFACT_LIMITS } from '../../shared/api/plan';

export type ArtifactMimeType = (typeof ARTIFACT_LIMITS.mimeTypes)[number];

/** How many leading bytes `matchesDeclaredType` wants to see (fewer only when the file is shorter). */
export const SNIFF_BYTES = 512;

const startsWith = (head: Buffer, magic: readonly number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4: a DOCX is a zip container
/** Executables and containers that must never pass as text: MZ (Windows), ELF, Mach-O, shebang scripts are fine. */
const BINARY = [[0x4d, 0x5a], [0x7f, 0x45, 0x4c, 0x46], [0xcf, 0xfa, 0xed, 0xfe], [0xfe, 0xed, 0xfa, 0xce], ZIP, PDF, PNG, JPEG];

export function isAcceptedMimeType(value: string): value is ArtifactMimeType {
  return (ARTIFACT_LIMITS.mimeTypes as readonly string[]).includes(value);
}

/**
 * True when the first bytes of a file look like the type the client declared, so a renamed executable
 * (or anything else) sent as "application/pdf" is refused. Text must have no NUL bytes in its head.
 */
export function matchesDeclaredType(type: ArtifactMimeType, head: Buffer): boolean {
  switch (type) {
    case 'application/pdf':
      return startsWith(head, PDF);
    case 'image/png':
      return startsWith(head, PNG);
    case 'image/jpeg':
      return startsWith(head, JPEG);
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return startsWith(head, ZIP);
    case 'text/plain':
      return !head.includes(0) && !BINARY.some((magic) => startsWith(head, magic));
  }
}
