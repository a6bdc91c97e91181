import { ROLES } from '../support/lti-flow';
import type { RosterMember } from '../support/platform-simulator';

/** n active learners named Student 01..n with subjects `${prefix}-01`.. */
export function learners(prefix: string, n: number): RosterMember[] {
  return Array.from({ length: n }, (_, i) => {
    const k = String(i + 1).padStart(2, '0');
    return { user_id: `${prefix}-${k}`, name: `Student ${k}`, email: `${prefix}${k}@school.example`, roles: [ROLES.learner] };
  });
}

/** Members who are not active learners: an instructor, a TA, an inactive and a deleted learner. */
export function nonLearners(prefix: string): RosterMember[] {
  return [
    { user_id: `${prefix}-teacher`, name: 'Ms. Rivera', roles: [ROLES.instructor] },
    { user_id: `${prefix}-ta`, name: 'Mr. Tran', roles: [ROLES.teachingAssistant] },
    { user_id: `${prefix}-inactive`, name: 'Dropped Student', roles: [ROLES.learner], status: 'Inactive' },
    { user_id: `${prefix}-deleted`, name: 'Deleted Student', roles: [ROLES.learner], status: 'Deleted' },
  ];
}

/** Calls of the global fetch whose URL contains `part` (the NRPS client uses fetch; ltijs's token call does not). */
export function fetchCallsTo(spy: jest.SpyInstance, part: string): Array<{ url: string; headers: Record<string, string> }> {
  return spy.mock.calls
    .map(([input, init]: [unknown, RequestInit | undefined]) => ({
      url: String(input instanceof Request ? input.url : input),
      headers: (init?.headers ?? {}) as Record<string, string>,
    }))
    .filter((c) => c.url.includes(part));
}
