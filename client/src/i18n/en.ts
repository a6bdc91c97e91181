/**
 * English catalog: the source of every user-facing string in the client. Keys are flat, grouped by screen;
 * `{name}` marks a variable filled by `t(key, { name })`. es.ts must define exactly these keys.
 */
import { activitiesEn } from './activities.en';
import { planEn } from './plan.en';
import { reportsEn } from './reports.en';
import { caseloadEn } from './caseload.en';
import { privacyEn } from './privacy.en';
import { parentLinksEn } from './parentlinks.en';
import { signoffEn } from './signoff.en';

export const en = {
  'app.name': 'ECAP Planner',
  'app.loading': 'Loading…',
  'app.signedInAs': 'Signed in as {name}',
  'app.retry': 'Try again',

  'status.noToken.title': 'Open ECAP Planner from your course',
  'status.noToken.body':
    'ECAP Planner opens from your school’s learning platform (Canvas, Schoology or Moodle). Go to your course and select the ECAP Planner activity or link.',
  'status.sessionEnded.title': 'Your session has ended',
  'status.sessionEnded.body':
    'For your security, ECAP Planner signs you out after a while. Go back to your course and open the activity again to continue. Nothing you saved was lost.',
  'status.offline.title': 'You appear to be offline',
  'status.offline.body':
    'ECAP Planner could not reach the server. Check your internet connection, then try again.',
  'status.forbidden.title': 'This page is not available to you',
  'status.forbidden.body': 'Your account does not have access to this page. If you think this is a mistake, ask your teacher or school.',
  'status.error.title': 'Something went wrong',
  'status.error.body': 'ECAP Planner could not load this page. Try again in a moment.',
  'status.error.reference': 'Reference: {id}',
  'status.unknownRole.body': 'Your role in this course does not have a page in ECAP Planner yet.',

  'student.title': 'My Education and Career Action Plan',
  'student.schoolYear': 'School year {year}',
  'student.intro': 'Your plan has four parts. Keep each one up to date during the school year.',
  'student.attributesHeading': 'The four parts of your plan',
  'student.progressLabel': '{attribute} progress',
  'student.progressValue': '{completed} of {total} steps done',
  'student.attribute.academic': 'Academic',
  'student.attribute.academic.description':
    'Your course plan through graduation, your education goals, and your achievements and awards.',
  'student.attribute.career': 'Career',
  'student.attribute.career.description':
    'Discover your interests, skills and values, explore careers, and choose a career goal.',
  'student.attribute.postsecondary': 'Postsecondary',
  'student.attribute.postsecondary.description':
    'Your options after high school (college, apprenticeship, military or work), applications, and how to pay for them.',
  'student.attribute.extracurricular': 'Extracurricular',
  'student.attribute.extracurricular.description':
    'Clubs, sports, the arts, community service, jobs and other activities outside of class.',

  'teacher.subtitle': 'ECAP activities in this course',
  'teacher.placementsHeading': 'ECAP activities',
  'teacher.placementsEmpty':
    'This course has no ECAP activities yet. To add one, open your course’s “add external tool” or “add assignment” chooser and pick ECAP Planner.',
  'teacher.points': 'Points: {points}',
  'teacher.notGraded': 'Not graded',
  'teacher.rosterHeading': 'Students who have opened ECAP Planner',
  'teacher.rosterCaption': 'Students in this course who have opened ECAP Planner',
  'teacher.rosterNote':
    'This list shows only students who have opened an ECAP activity. The full class roster from your learning platform will appear with the class dashboard.',
  'teacher.rosterEmpty': 'No students have opened ECAP Planner from this course yet.',
  'teacher.rosterName': 'Name',
  'teacher.rosterLastOpened': 'Last opened',

  'admin.title': 'District settings',
  'admin.platform': 'Connected to {product} ({issuer})',
  'admin.settingsHeading': 'District',
  'admin.field.name': 'District name',
  'admin.field.schoolYear': 'School year',
  'admin.field.schoolYear.hint': 'For example 2026-2027',
  'admin.field.gradeFrom': 'First grade',
  'admin.field.gradeTo': 'Last grade',
  'admin.field.grade': 'Grade {grade}',
  'admin.field.gradeSpan': 'Grades served',
  'admin.field.languages': 'Languages',
  'admin.language.en': 'English',
  'admin.language.es': 'Spanish (Español)',
  'admin.save': 'Save settings',
  'admin.status.saving': 'Saving…',
  'admin.status.saved': 'Settings saved.',
  'admin.status.invalid': 'Fix the highlighted fields, then save again.',
  'admin.status.error': 'The settings could not be saved. Try again.',
  'admin.status.offline': 'You appear to be offline. Your changes are still here: save again when you are back online.',
  'admin.error.required': 'Enter a value.',
  'admin.error.tooLong': 'Use at most {max} characters.',
  'admin.error.schoolYear': 'Use the form 2026-2027.',
  'admin.error.gradeOrder': 'The first grade must not be after the last grade.',
  'admin.error.languages': 'Choose at least one language.',
  'admin.error.invalid': 'Check this value.',
  'admin.deploymentsHeading': 'Schools',
  'admin.deploymentsIntro':
    'Each school (an LMS deployment or sub-account) that uses ECAP Planner. Launches from a deployment not listed here are refused.',
  'admin.deploymentsCaption': 'Schools connected to ECAP Planner',
  'admin.deploymentsEmpty': 'No schools are connected yet.',
  'admin.deployment.name': 'School name',
  'admin.deployment.id': 'Deployment ID',
  'admin.deployment.addHeading': 'Add a school',
  'admin.deployment.add': 'Add school',
  'admin.deployment.adding': 'Adding…',
  'admin.deployment.added': '{name} was added.',
  'admin.deployment.exists': 'The school was not added because it is already connected. {message}',
  'admin.deployment.error': 'The school could not be added. Try again.',
  'admin.deployment.offline': 'You appear to be offline. Add the school again when you are back online.',

  'parent.title': 'Your children’s plans',
  'parent.intro': 'These are the students linked to your account.',
  'parent.notSignedIn': 'Student not yet signed in to ECAP Planner',
  'parent.empty': 'No students are linked to your account yet. Ask your school to connect your account.',
  'parent.listLabel': 'Your children',
  'parent.viewPlan': 'Open {name}’s plan',
  'parent.back': 'Back to your children',
  'parent.childPlanTitle': '{name}’s Education and Career Action Plan',
  'parent.readOnly': 'You can read this plan; your child and their school keep it up to date.',

  ...planEn,
  ...activitiesEn,
  ...signoffEn,
  ...parentLinksEn,
  ...privacyEn,
  ...caseloadEn,
  ...reportsEn,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
