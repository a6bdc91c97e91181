import { z } from 'zod';
import { LOCALES } from '../roles';

/**
 * Signed, expiring links for parents and guardians without an LMS account (DESIGN.md): a teacher or admin makes a
 * link for one student; whoever opens it sees that child's plan read-only and can sign the annual review.
 */

export const PARENT_LINK_DAYS = { min: 1, max: 60, default: 14 } as const;

/** POST /api/plans/:studentId/parent-links body. */
export const parentLinkCreateSchema = z
  .object({
    guardianName: z.string().trim().min(1, 'Enter the parent’s or guardian’s name').max(120, 'Use at most 120 characters'),
    locale: z.enum(LOCALES).default('en'),
    expiresInDays: z
      .number()
      .int('Use whole days')
      .min(PARENT_LINK_DAYS.min, `At least ${PARENT_LINK_DAYS.min} day`)
      .max(PARENT_LINK_DAYS.max, `At most ${PARENT_LINK_DAYS.max} days`)
      .default(PARENT_LINK_DAYS.default),
  })
  .strict();
export type ParentLinkCreate = z.infer<typeof parentLinkCreateSchema>;

export type ParentLinkStatus = 'active' | 'expired' | 'revoked';

/** A link as staff see it in the list: never the secret. */
export interface ParentLinkView {
  id: string;
  guardianName: string;
  locale: (typeof LOCALES)[number];
  createdByName: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  status: ParentLinkStatus;
}

/** 201 answer of the creation: the only time the full URL (with its secret) is shown. */
export interface CreatedParentLink extends ParentLinkView {
  url: string;
}
