import type { ArtifactView, PlanSnapshotSummary, PlanView } from '../../../shared/api/plan';
import { label, PDF_CATALOGS, type LabelKey, type PdfCatalog } from './labels';
import { COLORS, PdfLayout } from './pdf-layout';

export interface RenderPlanPdfOptions {
  locale: 'en' | 'es';
  /** The student's portfolio files (listArtifacts), listed by title; the files themselves are not embedded. */
  artifacts?: ArtifactView[];
  /** Career code -> title, to name saved careers (codes are shown when missing). */
  careerTitles?: Record<string, string>;
  /** Submitted years with their advisor review and parent signatures (listSnapshots), newest first. */
  annualReviews?: PlanSnapshotSummary[];
}

/** Knobs for tests: uncompressed content streams (greppable text) and a fixed export date. */
export interface RenderPlanPdfInternals {
  compress?: boolean;
  now?: Date;
}

/**
 * The whole plan as a PDF portfolio a student can show a parent, a counselor or a college: a cover, the four
 * attributes, goals, reflections and the list of portfolio files, with page numbers and the export date.
 */
export async function renderPlanPdf(view: PlanView, opts: RenderPlanPdfOptions, internals: RenderPlanPdfInternals = {}): Promise<Buffer> {
  const r = new PlanRenderer(view, opts, internals.now ?? new Date(), internals.compress ?? true);
  return r.render();
}

type Section = 'academic' | 'career' | 'postsecondary' | 'extracurricular' | 'goals' | 'reflections' | 'annualReviews' | 'artifacts';
const SECTION_ORDER: Section[] = ['academic', 'career', 'postsecondary', 'extracurricular', 'goals', 'reflections', 'annualReviews', 'artifacts'];
const SECTION_TITLE: Record<Section, LabelKey> = {
  academic: 'academic',
  career: 'career',
  postsecondary: 'postsecondary',
  extracurricular: 'extracurricular',
  goals: 'goals',
  reflections: 'reflections',
  annualReviews: 'annualReviews',
  artifacts: 'artifacts',
};

class PlanRenderer {
  private readonly c: PdfCatalog;
  private readonly out: PdfLayout;
  private readonly intlLocale: string;
  private readonly sectionPages = new Map<Section, number>();
  private tocY = 0;

  constructor(
    private readonly view: PlanView,
    private readonly opts: RenderPlanPdfOptions,
    private readonly now: Date,
    compress: boolean,
  ) {
    this.c = PDF_CATALOGS[opts.locale];
    this.intlLocale = opts.locale === 'es' ? 'es-US' : 'en-US';
    this.out = new PdfLayout({
      compress,
      title: `${this.t('portfolio')}: ${view.studentName}`,
      author: view.studentName,
      lang: opts.locale === 'es' ? 'es-US' : 'en-US',
    });
  }

  async render(): Promise<Buffer> {
    this.cover();
    for (const section of SECTION_ORDER) {
      // Goals and reflections are short: they share a page.
      if (section === 'reflections') this.out.gap(12);
      else this.out.newPage();
      this.sectionPages.set(section, this.out.pageIndex);
      this.out.doc.outline.addItem(this.t(SECTION_TITLE[section]));
      this.out.sectionTitle(this.t(SECTION_TITLE[section]));
      this[section]();
    }
    this.contents();
    const exported = label(this.c, 'exportedOn', { date: this.dateTime(this.now) });
    return this.out.finish(({ index, count, y }) => {
      const { left, width } = this.out;
      this.out.doc.moveTo(left, y - 6).lineTo(left + width, y - 6).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      this.out.smallText(`${this.view.studentName} \u2022 ${exported}`, left, y, width * 0.75);
      this.out.smallText(label(this.c, 'pageOf', { page: index + 1, pages: count }), left + width * 0.75, y, width * 0.25, 'right');
    });
  }

  // ---------- cover ----------
  private cover(): void {
    const { doc } = this.out;
    const profile = this.view.sections.profile.data;
    doc.y = 120;
    this.out.paragraph(this.t('documentTitle').toUpperCase(), { muted: true, size: 10 });
    this.out.paragraph(this.t('portfolio'), { bold: true, size: 30 });
    this.out.gap(6);
    this.out.paragraph(this.view.studentName, { size: 22 });
    this.out.gap(18);
    const review = this.view.annualReview;
    this.out.keyValues([
      [this.t('schoolYear'), this.view.schoolYear],
      [this.t('grade'), profile ? String(profile.grade) : null],
      [this.t('graduationYear'), profile ? String(profile.graduationYear) : null],
      [this.t('careerStage'), profile ? this.c.careerStage[profile.careerStage] : null],
      [
        this.t('reviewStatus'),
        review.status === 'submitted' && review.submittedAt ? label(this.c, 'reviewSubmitted', { date: this.dateTime(review.submittedAt) }) : this.t('reviewOpen'),
      ],
    ]);
    this.out.gap(30);
    this.out.heading(this.t('contents'));
    this.tocY = doc.y;
  }

  /** Fills the cover's contents now that each section's page is known. */
  private contents(): void {
    const { doc } = this.out;
    doc.switchToPage(0);
    let y = this.tocY;
    for (const section of SECTION_ORDER) {
      const page = (this.sectionPages.get(section) ?? 0) + 1;
      this.out.smallText(this.t(SECTION_TITLE[section]), this.out.left, y, this.out.width - 40, 'left', COLORS.ink);
      this.out.smallText(String(page), this.out.left + this.out.width - 40, y, 40, 'right', COLORS.ink);
      y += 16;
    }
    doc.switchToPage(this.out.pageIndex);
  }

  // ---------- academic ----------
  private academic(): void {
    const { courses, postsecondaryGoals, achievements } = this.view.sections.academic.data;
    this.out.heading(this.t('coursePlan'));
    if (courses.length === 0) this.out.empty(this.t('nothingYet'));
    const grades = [...new Set(courses.map((c) => c.gradeLevel))].sort((a, b) => a - b);
    for (const grade of grades) {
      const inGrade = courses.filter((c) => c.gradeLevel === grade);
      const credits = inGrade.reduce((sum, c) => sum + c.credits, 0);
      this.out.heading(`${label(this.c, 'gradeN', { grade })} \u2013 ${label(this.c, 'creditsInGrade', { credits: this.num(credits) })}`, 3);
      this.out.table(
        [
          { header: this.t('course'), width: 28 },
          { header: this.t('subject'), width: 20 },
          { header: this.t('term'), width: 15 },
          { header: this.t('credits'), width: 10, align: 'right' },
          { header: this.t('status'), width: 13 },
          { header: this.t('gradeEarned'), width: 14 },
        ],
        inGrade.map((c) => [c.name, this.c.subjectArea[c.subjectArea], this.c.term[c.term], this.num(c.credits), this.c.courseStatus[c.status], c.gradeEarned ?? '']),
      );
    }

    const req = this.view.requirements;
    this.out.heading(this.t('requirementsCheck'));
    this.out.paragraph(req.met ? this.t('requirementsMet') : this.t('requirementsNotMet'), { bold: true });
    this.out.paragraph(label(this.c, 'requirementsTotal', { planned: this.num(req.totalPlanned), required: this.num(req.totalRequired), template: req.template }));
    if (req.areas.length > 0) {
      this.out.table(
        [
          { header: this.t('area'), width: 34 },
          { header: this.t('required'), width: 16, align: 'right' },
          { header: this.t('planned'), width: 16, align: 'right' },
          { header: this.t('completed'), width: 18, align: 'right' },
          { header: this.t('met'), width: 16 },
        ],
        req.areas.map((a) => [this.c.subjectArea[a.area], this.num(a.required), this.num(a.planned), this.num(a.completed), a.met ? this.t('yes') : this.t('no')]),
      );
    }
    if (req.gaps.length > 0) {
      this.out.bullets(
        req.gaps.map((g) => label(this.c, 'missingCredits', { area: g.area === 'total' ? this.t('totalArea') : this.c.subjectArea[g.area], credits: this.num(g.missingCredits) })),
      );
    }

    this.out.heading(this.t('postsecondaryGoals'));
    this.textOrEmpty(postsecondaryGoals);

    this.out.heading(this.t('achievements'));
    if (achievements.length === 0) this.out.empty(this.t('nothingYet'));
    for (const a of achievements) {
      this.out.paragraph([a.title, a.date ? this.date(a.date) : ''].filter(Boolean).join(' \u2013 '), { bold: true });
      if (a.description) this.out.paragraph(a.description, { indent: 12 });
    }
  }

  // ---------- career ----------
  private career(): void {
    const career = this.view.sections.career.data;
    const interest = this.view.interestResult;
    this.out.heading(this.t('interestCode'));
    if (!interest) this.out.empty(this.t('nothingYet'));
    else {
      const letters = [...interest.code].map((l) => this.c.riasec[l as keyof PdfCatalog['riasec']] ?? l);
      this.out.paragraph(`${interest.code} \u2013 ${letters.join(', ')}`, { bold: true, size: 12 });
      this.out.paragraph(label(this.c, 'interestCompleted', { date: this.dateTime(interest.completedAt) }), { muted: true });
    }

    this.out.heading(this.t('topSkills'));
    this.ratings(career.skills);
    this.out.heading(this.t('topValues'));
    this.ratings(career.workValues);

    this.out.heading(this.t('savedCareers'));
    if (career.savedCareers.length === 0) this.out.empty(this.t('nothingYet'));
    else this.out.bullets(career.savedCareers.map((code) => (this.opts.careerTitles?.[code] ? `${this.opts.careerTitles[code]} (${code})` : code)));

    this.out.heading(this.t('careerGoal'));
    const goal = career.careerGoal;
    if (!goal) this.out.empty(this.t('nothingYet'));
    else {
      this.out.paragraph(goal.careerCode ? `${goal.title} (${goal.careerCode})` : goal.title, { bold: true, size: 12 });
      this.out.keyValues([
        [this.t('educationPath'), goal.educationPath],
        [this.t('trainingNeeded'), goal.trainingNeeded],
        [this.t('targetYear'), goal.targetYear ? String(goal.targetYear) : null],
      ]);
    }
  }

  /** The five highest self-ratings, best first (ids shown as words: "problem_solving" -> "Problem solving"). */
  private ratings(values: Record<string, number>): void {
    const top = Object.entries(values)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 5);
    if (top.length === 0) return this.out.empty(this.t('nothingYet'));
    this.out.bullets(top.map(([id, value]) => `${humanize(id)} (${label(this.c, 'rating', { value })})`));
  }

  // ---------- postsecondary ----------
  private postsecondary(): void {
    const { options, applications, financialPlan } = this.view.sections.postsecondary.data;
    this.out.heading(this.t('optionsExplored'));
    if (options.length === 0) this.out.empty(this.t('nothingYet'));
    for (const o of options) {
      this.out.paragraph(`${o.name} \u2013 ${this.c.optionType[o.type]}`, { bold: true });
      this.out.keyValues([
        [this.t('admissionRequirements'), o.admissionRequirements],
        [this.t('notes'), o.notes],
      ]);
    }

    this.out.heading(this.t('applications'));
    if (applications.length === 0) this.out.empty(this.t('nothingYet'));
    else {
      this.out.table(
        [
          { header: this.t('institution'), width: 30 },
          { header: this.t('type'), width: 22 },
          { header: this.t('deadline'), width: 16 },
          { header: this.t('status'), width: 16 },
          { header: this.t('checklist'), width: 16 },
        ],
        [...applications]
          .sort((a, b) => a.deadline.localeCompare(b.deadline))
          .map((a) => [
            a.institution,
            this.c.optionType[a.type],
            this.date(a.deadline),
            this.c.applicationStatus[a.status],
            a.checklist.length ? label(this.c, 'checklistDone', { done: a.checklist.filter((i) => i.done).length, total: a.checklist.length }) : '',
          ]),
      );
    }

    this.out.heading(this.t('financialPlan'));
    this.out.keyValues([
      [this.t('estimatedCost'), financialPlan.estimatedAnnualCost === null ? this.t('notEstimated') : this.money(financialPlan.estimatedAnnualCost)],
      [this.t('fafsa'), this.c.fafsaStatus[financialPlan.fafsaStatus]],
      [this.t('notes'), financialPlan.notes],
    ]);
    this.out.heading(this.t('scholarships'), 3);
    if (financialPlan.scholarships.length === 0) this.out.empty(this.t('nothingYet'));
    else {
      this.out.table(
        [
          { header: this.t('scholarship'), width: 40 },
          { header: this.t('amount'), width: 20, align: 'right' },
          { header: this.t('deadline'), width: 20 },
          { header: this.t('status'), width: 20 },
        ],
        financialPlan.scholarships.map((s) => [s.name, this.money(s.amount), s.deadline ? this.date(s.deadline) : '', this.c.scholarshipStatus[s.status]]),
      );
    }
  }

  // ---------- extracurricular ----------
  private extracurricular(): void {
    const { activities, credentials } = this.view.sections.extracurricular.data;
    this.out.heading(this.t('activities'));
    if (activities.length === 0) this.out.empty(this.t('nothingYet'));
    else this.out.paragraph(label(this.c, 'totalHours', { hours: this.num(activities.reduce((s, a) => s + a.hours, 0)) }), { muted: true });
    for (const a of [...activities].sort((x, y) => y.startDate.localeCompare(x.startDate))) {
      this.out.heading(a.name, 3);
      this.out.keyValues(
        [
          [this.t('type'), this.c.activityCategory[a.category]],
          [this.t('role'), a.role],
          [this.t('dates'), `${this.date(a.startDate)} \u2013 ${a.endDate ? this.date(a.endDate) : this.t('ongoing')}`],
          [this.t('hours'), this.num(a.hours)],
          [this.t('reflection'), a.reflection],
          [
            this.t('employerAssessment'),
            a.employerAssessment
              ? [label(this.c, 'employerRating', { employer: a.employerAssessment.employer, rating: a.employerAssessment.rating }), a.employerAssessment.comments].filter(Boolean).join('\n')
              : null,
          ],
        ],
        110,
      );
    }

    this.out.heading(this.t('credentials'));
    if (credentials.length === 0) this.out.empty(this.t('nothingYet'));
    else {
      this.out.table(
        [
          { header: this.t('credential'), width: 45 },
          { header: this.t('issuer'), width: 35 },
          { header: this.t('earnedOn'), width: 20 },
        ],
        credentials.map((cr) => [cr.name, cr.issuer, this.date(cr.earnedOn)]),
      );
    }
  }

  // ---------- goals, reflections, artifacts ----------
  private goals(): void {
    const { shortTerm, longTerm } = this.view.sections.goals.data;
    for (const [key, goals] of [['shortTermGoals', shortTerm], ['longTermGoals', longTerm]] as const) {
      this.out.heading(this.t(key));
      if (goals.length === 0) this.out.empty(this.t('nothingYet'));
      else
        this.out.bullets(
          goals.map((g) => [g.text, [this.c.goalStatus[g.status], g.targetDate ? label(this.c, 'targetDate', { date: this.date(g.targetDate) }) : ''].filter(Boolean).join(', ')].join(' \u2013 ')),
        );
    }
  }

  private reflections(): void {
    const data = this.view.sections.reflections.data;
    for (const key of ['whoAmI', 'whereAmIGoing', 'whatDoINeed', 'nextSteps'] as const) {
      this.out.heading(this.t(key), 3);
      this.textOrEmpty(data[key]);
    }
  }

  /** Every submitted year: who reviewed it as advisor and which parents signed it (DESIGN: the history of every review). */
  private annualReviews(): void {
    const years = this.opts.annualReviews ?? [];
    if (years.length === 0) return this.out.empty(this.t('noAnnualReview'));
    this.out.table(
      [
        { header: this.t('schoolYear'), width: 16 },
        { header: this.t('grade'), width: 9 },
        { header: this.t('submitted'), width: 17 },
        { header: this.t('advisorReview'), width: 29 },
        { header: this.t('parentSignatures'), width: 29 },
      ],
      years.map((y) => [
        y.schoolYear,
        String(y.grade),
        this.dateTime(y.submittedAt),
        y.advisorReview
          ? [label(this.c, 'reviewedBy', { name: y.advisorReview.reviewerName, date: this.dateTime(y.advisorReview.reviewedAt) }), y.advisorReview.comment]
              .filter(Boolean)
              .join(': ')
          : this.t('notYet'),
        y.parentSignatures.length
          ? y.parentSignatures.map((p) => label(this.c, 'signedBy', { name: p.typedName, date: this.dateTime(p.signedAt) })).join('; ')
          : this.t('notYet'),
      ]),
    );
  }

  private artifacts(): void {
    const artifacts = this.opts.artifacts ?? [];
    if (artifacts.length === 0) return this.out.empty(this.t('nothingYet'));
    this.out.table(
      [
        { header: this.t('title'), width: 32 },
        { header: this.t('type'), width: 17 },
        { header: this.t('file'), width: 25 },
        { header: this.t('uploaded'), width: 15 },
        { header: this.t('size'), width: 11, align: 'right' },
      ],
      artifacts.map((a) => [a.title, this.c.artifactType[a.type], a.filename, this.dateTime(a.uploadedAt), this.bytes(a.size)]),
    );
    this.out.paragraph(this.t('artifactsNote'), { muted: true, italic: true });
  }

  // ---------- formatting ----------
  private t(key: LabelKey): string {
    return this.c.labels[key];
  }
  private textOrEmpty(text: string): void {
    if (text.trim()) this.out.paragraph(text);
    else this.out.empty(this.t('nothingYet'));
  }
  private num(n: number): string {
    return new Intl.NumberFormat(this.intlLocale, { maximumFractionDigits: 2 }).format(n);
  }
  private money(n: number): string {
    return new Intl.NumberFormat(this.intlLocale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(n);
  }
  private bytes(n: number): string {
    if (n < 1024) return `${n} B`;
    if (n < 1024 * 1024) return `${this.num(Math.round(n / 1024))} KB`;
    return `${this.num(Math.round((n / (1024 * 1024)) * 10) / 10)} MB`;
  }
  /** A calendar date (YYYY-MM-DD) in the reader's language, read as UTC so it never shifts a day. */
  private date(iso: string): string {
    const d = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(this.intlLocale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
  }
  private dateTime(value: string | Date): string {
    const d = value instanceof Date ? value : new Date(value);
    return Number.isNaN(d.getTime()) ? String(value) : new Intl.DateTimeFormat(this.intlLocale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
  }
}

function humanize(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
