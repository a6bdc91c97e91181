import { appRoleFor } from '../../server/users/roles';

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';

describe('LTI roles to app roles', () => {
  it.each([
    [[`${LIS}membership#Learner`], 0, 'student'],
    [[`${LIS}membership#Learner`, `${LIS}institution/person#Student`], 0, 'student'],
    [[`${LIS}membership#Instructor`], 0, 'teacher'],
    [[`${LIS}membership/Instructor#TeachingAssistant`], 0, 'teacher'],
    [[`${LIS}membership#Instructor`, `${LIS}institution/person#Administrator`], 0, 'teacher'],
    [[`${LIS}membership#Administrator`], 0, 'admin'],
    [[`${LIS}institution/person#Administrator`], 0, 'admin'],
    [[`${LIS}system/person#SysAdmin`], 0, 'admin'],
    [[`${LIS}membership#Mentor`], 2, 'parent'],
    [['Learner'], 0, 'student'],
    [['Instructor'], 0, 'teacher'],
  ] as const)('%j (mentees %i) -> %s', (roles, mentees, expected) => {
    expect(appRoleFor(roles, mentees)).toBe(expected);
  });

  it('gives no access to roles it does not know', () => {
    expect(appRoleFor([`${LIS}institution/person#Guest`], 0)).toBeNull();
    expect(appRoleFor([], 0)).toBeNull();
  });
});
