import type { Plan, StoredAdvisorNote, StoredInterestResult, StoredSection } from './plan.model';
import type { PlanSnapshot } from './plan-snapshot.model';
import { checkRequirements } from './requirements';
import {
  SECTION_KEYS,
  type AcademicSection,
  type AdvisorNote,
  type InterestResult,
  type PlanSnapshotSummary,
  type PlanSnapshotView,
  type PlanView,
  type RequirementTemplate,
  type SectionData,
  type SectionKey,
  type VersionedSection,
} from '../../shared/api/plan';

/** Presenters: every response is built field by field from stored documents, never sent raw. */

export function presentSection<K extends SectionKey>(stored: StoredSection): VersionedSection<K> {
  return {
    version: stored.version,
    updatedAt: stored.updatedAt ? new Date(stored.updatedAt).toISOString() : null,
    data: stored.data as SectionData[K],
  };
}

export function presentInterestResult(stored: StoredInterestResult | null | undefined): InterestResult | null {
  if (!stored) return null;
  return { scores: { ...stored.scores } as InterestResult['scores'], code: stored.code, completedAt: new Date(stored.completedAt).toISOString() };
}

export function presentAdvisorNote(note: StoredAdvisorNote): AdvisorNote {
  return {
    id: String(note._id),
    authorName: note.authorName,
    text: note.text,
    intervention: note.intervention,
    createdAt: new Date(note.createdAt).toISOString(),
  };
}

/**
 * The annual review as people read it: "submitted" while the plan has moved past the district's current school
 * year (the student already reviewed it), otherwise "open" for the plan's year.
 */
export function presentAnnualReview(plan: Pick<Plan, 'schoolYear' | 'annualReview'>, districtSchoolYear: string): PlanView['annualReview'] {
  const review = plan.annualReview;
  if (review.status === 'submitted' && plan.schoolYear > districtSchoolYear) {
    return { schoolYear: review.schoolYear, status: 'submitted', submittedAt: review.submittedAt ? new Date(review.submittedAt).toISOString() : null };
  }
  return { schoolYear: plan.schoolYear, status: 'open', submittedAt: null };
}

export interface PlanViewInput {
  plan: Pick<Plan, 'studentId' | 'schoolYear' | 'sections' | 'interestResult' | 'advisorNotes' | 'annualReview'>;
  studentName: string;
  districtSchoolYear: string;
  template: RequirementTemplate;
  readOnly: boolean;
}

export function presentPlanView({ plan, studentName, districtSchoolYear, template, readOnly }: PlanViewInput): PlanView {
  const sections = Object.fromEntries(SECTION_KEYS.map((key) => [key, presentSection(plan.sections[key])])) as PlanView['sections'];
  const academic = sections.academic.data as AcademicSection;
  return {
    studentId: String(plan.studentId),
    studentName,
    schoolYear: plan.schoolYear,
    readOnly,
    sections,
    interestResult: presentInterestResult(plan.interestResult),
    advisorNotes: plan.advisorNotes.map(presentAdvisorNote),
    requirements: checkRequirements(template, academic.courses),
    annualReview: presentAnnualReview(plan, districtSchoolYear),
  };
}

type SnapshotSummarySource = Pick<PlanSnapshot, 'schoolYear' | 'submittedAt' | 'grade' | 'advisorReview' | 'parentSignatures'>;

/** A submitted year with its sign-offs; `viewerId` marks the viewer's own signature. */
export function presentSnapshotSummary(snapshot: SnapshotSummarySource, viewerId?: string): PlanSnapshotSummary {
  const review = snapshot.advisorReview;
  return {
    schoolYear: snapshot.schoolYear,
    submittedAt: new Date(snapshot.submittedAt).toISOString(),
    grade: snapshot.grade,
    advisorReview: review ? { reviewerName: review.reviewerName, reviewedAt: new Date(review.reviewedAt).toISOString(), comment: review.comment } : null,
    parentSignatures: (snapshot.parentSignatures ?? []).map((s) => ({
      parentName: s.parentName,
      typedName: s.typedName,
      signedAt: new Date(s.signedAt).toISOString(),
      mine: viewerId !== undefined && String(s.parentId) === viewerId,
    })),
  };
}

export function presentSnapshot(snapshot: PlanSnapshot): PlanSnapshotView {
  return {
    schoolYear: snapshot.schoolYear,
    grade: snapshot.grade,
    submittedAt: new Date(snapshot.submittedAt).toISOString(),
    reflection: snapshot.reflection,
    sections: Object.fromEntries(SECTION_KEYS.map((key) => [key, snapshot.sections[key]?.data])) as SectionData,
    interestResult: presentInterestResult(snapshot.interestResult),
  };
}
