import { z } from 'zod';

/**
 * Sign-off of a submitted annual review (DESIGN.md: "student submits, advisor reviews, parent signs"): one advisor
 * review per school year, one signature per parent or guardian.
 */

/** POST /api/plans/:studentId/snapshots/:schoolYear/advisor-review body. */
export const advisorReviewCreateSchema = z
  .object({ comment: z.string().trim().max(2000, 'Use at most 2000 characters').default('') })
  .strict();
export type AdvisorReviewCreate = z.infer<typeof advisorReviewCreateSchema>;

/** POST /api/plans/:studentId/snapshots/:schoolYear/signatures body: the typed name is the signature. */
export const parentSignatureCreateSchema = z
  .object({
    typedName: z.string().trim().min(1, 'Type your full name to sign').max(120, 'Use at most 120 characters'),
    confirm: z.literal(true, { error: 'Confirm that you reviewed the plan' }),
  })
  .strict();
export type ParentSignatureCreate = z.infer<typeof parentSignatureCreateSchema>;

export interface AdvisorReviewView {
  reviewerName: string;
  reviewedAt: string;
  comment: string;
}

export interface ParentSignatureView {
  /** The name the parent account has in the LMS. */
  parentName: string;
  /** The name the parent typed to sign. */
  typedName: string;
  signedAt: string;
  /** true when the signature is the caller's own (a parent sees "you signed"). */
  mine: boolean;
}

/** The sign-offs of one school year's annual review. */
export interface AnnualReviewSignoffs {
  advisorReview: AdvisorReviewView | null;
  parentSignatures: ParentSignatureView[];
}
