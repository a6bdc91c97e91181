import { Types } from 'mongoose';
import { canReadPlan, type PlanOwner, type PlanReader } from '../../server/plans/plan-access';

const district = new Types.ObjectId();
const otherDistrict = new Types.ObjectId();
const student: PlanOwner = {
  _id: new Types.ObjectId(),
  tenantId: district,
  ltiSubject: 'sub-student',
  contexts: [{ contextId: 'bio-1', role: 'student' }],
};
const reader = (over: Partial<PlanReader>): PlanReader => ({
  tenantId: district,
  userId: String(new Types.ObjectId()),
  role: 'teacher',
  contexts: [],
  menteeSubjects: [],
  ...over,
});

describe('canReadPlan', () => {
  it('lets a teacher read students of their own courses only', () => {
    expect(canReadPlan(reader({ role: 'teacher', contexts: [{ contextId: 'bio-1', role: 'teacher' }] }), student)).toBe(true);
    expect(canReadPlan(reader({ role: 'teacher', contexts: [{ contextId: 'chem-2', role: 'teacher' }] }), student)).toBe(false);
    expect(canReadPlan(reader({ role: 'teacher', contexts: [] }), student)).toBe(false);
  });

  it('does not count a course the reader took as a student', () => {
    expect(canReadPlan(reader({ role: 'teacher', contexts: [{ contextId: 'bio-1', role: 'student' }] }), student)).toBe(false);
  });

  it('does not count a course the student taught', () => {
    const staffThere: PlanOwner = { ...student, contexts: [{ contextId: 'bio-1', role: 'teacher' }] };
    expect(canReadPlan(reader({ role: 'teacher', contexts: [{ contextId: 'bio-1', role: 'teacher' }] }), staffThere)).toBe(false);
  });

  it('lets a parent read only their mentees', () => {
    expect(canReadPlan(reader({ role: 'parent', menteeSubjects: ['sub-student'] }), student)).toBe(true);
    expect(canReadPlan(reader({ role: 'parent', menteeSubjects: ['sub-other'] }), student)).toBe(false);
  });

  it('lets an admin read every student of their district', () => {
    expect(canReadPlan(reader({ role: 'admin' }), student)).toBe(true);
  });

  it('never lets a student read a plan through this rule', () => {
    expect(canReadPlan(reader({ role: 'student', contexts: [{ contextId: 'bio-1', role: 'student' }] }), student)).toBe(false);
  });

  it('never crosses districts, whatever the role or course id', () => {
    for (const role of ['admin', 'teacher', 'parent', 'student'] as const) {
      const r = reader({ tenantId: otherDistrict, role, contexts: [{ contextId: 'bio-1', role: 'teacher' }], menteeSubjects: ['sub-student'] });
      expect(canReadPlan(r, student)).toBe(false);
    }
  });
});
