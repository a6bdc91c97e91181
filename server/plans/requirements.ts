import type { PlannedCourse, RequirementCheck, RequirementTemplate, SubjectArea } from '../../shared/api/plan';

/** Arizona's minimum course of study (22 credits), the template a district has until it edits its own. */
export const ARIZONA_DEFAULT_TEMPLATE: RequirementTemplate = {
  name: 'Arizona graduation requirements',
  totalCredits: 22,
  areas: [
    { area: 'english', credits: 4, alsoCounts: [] },
    { area: 'math', credits: 4, alsoCounts: [] },
    { area: 'science', credits: 3, alsoCounts: [] },
    { area: 'social_studies', credits: 3, alsoCounts: [] },
    { area: 'cte', credits: 1, alsoCounts: ['fine_arts'] },
  ],
};

/** Credits rounded to hundredths, so half credits add up without float noise. */
const round = (n: number) => Math.round(n * 100) / 100;

interface Allocation {
  /** Credits shown per area: all of its own subject plus what it borrowed through `alsoCounts`. */
  perArea: Map<SubjectArea, number>;
  /** Credits beyond the area minimums. */
  electives: number;
  total: number;
}

/**
 * Allocates credits to the template's areas: each area first takes its own subject's credits, then fills what it
 * still needs from the leftovers of its `alsoCounts` subjects; every credit not used for a minimum is an elective.
 */
function allocate(template: RequirementTemplate, courses: readonly PlannedCourse[]): Allocation {
  const bySubject = new Map<SubjectArea, number>();
  for (const c of courses) bySubject.set(c.subjectArea, (bySubject.get(c.subjectArea) ?? 0) + c.credits);
  const total = [...bySubject.values()].reduce((a, b) => a + b, 0);
  const left = new Map(bySubject);
  const counted = new Map<SubjectArea, number>();
  const perArea = new Map<SubjectArea, number>();
  for (const req of template.areas) {
    const own = bySubject.get(req.area) ?? 0;
    const used = Math.min(own, req.credits);
    left.set(req.area, own - used);
    counted.set(req.area, used);
    perArea.set(req.area, own);
  }
  for (const req of template.areas) {
    for (const other of req.alsoCounts) {
      const need = req.credits - (counted.get(req.area) ?? 0);
      if (need <= 0) break;
      if (other === req.area) continue;
      const take = Math.min(need, left.get(other) ?? 0);
      if (take <= 0) continue;
      left.set(other, (left.get(other) ?? 0) - take);
      counted.set(req.area, (counted.get(req.area) ?? 0) + take);
      perArea.set(req.area, (perArea.get(req.area) ?? 0) + take);
    }
  }
  const minimums = [...counted.values()].reduce((a, b) => a + b, 0);
  return { perArea, electives: total - minimums, total };
}

/**
 * Checks a course plan against graduation requirements. Planned, in-progress and completed courses all count as
 * planned; completed ones are also counted on their own. Electives (`elective` row) are every credit beyond the
 * area minimums, and must reach the total minus those minimums. `met` when every area and the total are met.
 */
export function checkRequirements(template: RequirementTemplate, courses: readonly PlannedCourse[]): RequirementCheck {
  const planned = allocate(template, courses);
  const completed = allocate(
    template,
    courses.filter((c) => c.status === 'completed'),
  );
  const minimumSum = template.areas.reduce((sum, a) => sum + a.credits, 0);
  const rows: RequirementCheck['areas'] = template.areas.map((req) => {
    const p = round(planned.perArea.get(req.area) ?? 0);
    return { area: req.area, required: req.credits, planned: p, completed: round(completed.perArea.get(req.area) ?? 0), met: p >= req.credits };
  });
  const electivesRequired = round(Math.max(0, template.totalCredits - minimumSum));
  const electivesPlanned = round(planned.electives);
  rows.push({ area: 'elective', required: electivesRequired, planned: electivesPlanned, completed: round(completed.electives), met: electivesPlanned >= electivesRequired });

  const totalPlanned = round(planned.total);
  const gaps: RequirementCheck['gaps'] = rows.filter((r) => !r.met).map((r) => ({ area: r.area, missingCredits: round(r.required - r.planned) }));
  if (totalPlanned < template.totalCredits) gaps.push({ area: 'total', missingCredits: round(template.totalCredits - totalPlanned) });
  return {
    template: template.name,
    totalRequired: template.totalCredits,
    totalPlanned,
    areas: rows,
    met: gaps.length === 0,
    gaps,
  };
}
