/**
 * English strings of the annual review sign-off: the advisor's review and the parents' signatures of each
 * submitted year, as students, teachers and parents see them. Spread into en.ts; signoff.es.ts must define
 * exactly these keys.
 */
export const signoffEn = {
  'signoff.heading': 'Annual reviews',
  'signoff.intro.teacher': 'Each year the student submits the plan; an advisor reviews it and a parent or guardian signs it.',
  'signoff.intro.parent': 'Each year your child submits the plan and an advisor reviews it. Read it, then sign to show you reviewed it with your child.',
  'signoff.empty': 'No annual review submitted yet.',
  'signoff.year': 'School year {year} (grade {grade})',
  'signoff.submitted': 'Submitted by the student on {date}',
  'signoff.advisor.done': 'Reviewed by {name} on {date}',
  'signoff.advisor.pending': 'Not reviewed by an advisor yet',
  'signoff.advisor.comment': 'Advisor’s comment: {comment}',
  'signoff.parent.done': 'Signed by {name} on {date}',
  'signoff.parent.doneTyped': 'Signed by {name} (typed “{typed}”) on {date}',
  'signoff.parent.pending': 'Not signed by a parent or guardian yet',
  'signoff.parent.you': 'You signed on {date}',
  'signoff.column.advisor': 'Advisor review',
  'signoff.column.parent': 'Parent signature',

  'signoff.advise.legend': 'Review {year}',
  'signoff.advise.comment': 'Comment for the student (optional)',
  'signoff.advise.hint': 'Up to 2000 characters. The student and their parents see it.',
  'signoff.advise.submit': 'Mark {year} as reviewed',
  'signoff.advise.sending': 'Saving the review…',
  'signoff.advise.done': 'Review saved.',
  'signoff.advise.invalid': 'Check the comment.',

  'signoff.sign.legend': 'Sign {year}',
  'signoff.sign.confirm': 'I reviewed this plan with my child.',
  'signoff.sign.name': 'Type your full name to sign',
  'signoff.sign.nameHint': 'Your typed name is your signature.',
  'signoff.sign.submit': 'Sign {year}',
  'signoff.sign.sending': 'Saving your signature…',
  'signoff.sign.done': 'Thank you. Your signature is saved.',
  'signoff.sign.invalid': 'Check the fields marked above.',
  'signoff.error.confirm': 'Check the box to confirm you reviewed the plan.',
  'signoff.error.name': 'Type your full name (at most 120 characters).',
  'signoff.error.comment': 'Use at most 2000 characters.',

  'signoff.failed.offline': 'You are offline. Nothing was saved; try again when you are back online.',
  'signoff.failed.conflict': 'Someone already did this for {year}. The list now shows what is saved.',
  'signoff.failed.other': 'That did not work. Try again.',
} as const satisfies Record<string, string>;

export type SignoffMessageKey = keyof typeof signoffEn;
