import { Types } from 'mongoose';
import { canManageCourse, isStudentOf, teachesCourse } from '../../server/courses/course.policies';
import type { AppRole } from '../../shared/roles';

const tenant = new Types.ObjectId();
const otherTenant = new Types.ObjectId();
const ctx = (contextId: string, role: AppRole) => ({ contextId, role });
const actor = (role: AppRole, tenantId = tenant) => ({ role, tenantId: tenantId as never });
const course = { tenantId: tenant, contextId: 'c1' };

describe('course policies', () => {
  it('a teacher manages the courses they launched from as staff', () => {
    expect(canManageCourse(actor('teacher'), { tenantId: tenant, contexts: [ctx('c1', 'teacher')] }, course)).toBe(true);
    expect(canManageCourse(actor('teacher'), { tenantId: tenant, contexts: [ctx('c1', 'admin')] }, course)).toBe(true);
    expect(canManageCourse(actor('teacher'), { tenantId: tenant, contexts: [ctx('c2', 'teacher')] }, course)).toBe(false);
    expect(canManageCourse(actor('teacher'), { tenantId: tenant, contexts: [ctx('c1', 'student')] }, course)).toBe(false);
    expect(canManageCourse(actor('teacher'), null, course)).toBe(false);
  });

  it('an admin manages every course of their district only', () => {
    expect(canManageCourse(actor('admin'), null, course)).toBe(true);
    expect(canManageCourse(actor('admin', otherTenant), null, course)).toBe(false);
  });

  it('nobody crosses districts, and students and parents never manage', () => {
    expect(canManageCourse(actor('teacher', otherTenant), { tenantId: otherTenant, contexts: [ctx('c1', 'teacher')] }, course)).toBe(false);
    expect(canManageCourse(actor('teacher'), { tenantId: otherTenant, contexts: [ctx('c1', 'teacher')] }, course)).toBe(false);
    for (const role of ['student', 'parent'] as const) {
      expect(canManageCourse(actor(role), { tenantId: tenant, contexts: [ctx('c1', 'teacher')] }, course)).toBe(false);
    }
  });

  it('reads course ties from the contexts', () => {
    expect(teachesCourse({ tenantId: tenant, contexts: [ctx('c1', 'teacher')] }, 'c1')).toBe(true);
    expect(isStudentOf({ contexts: [ctx('c1', 'student')] }, 'c1')).toBe(true);
    expect(isStudentOf({ contexts: [ctx('c1', 'teacher')] }, 'c1')).toBe(false);
  });
});
