import { authorizePlanRead, listSnapshots, loadPlanView } from './plan.service';
import { recordPlanAudit } from './plan-audit.service';
import { fileSlug } from '../http/file-slug';
import { renderPlanPdf } from './pdf/render-plan-pdf';
import { listArtifacts } from '../portfolio/artifact.service';
import { getCareer } from '../careers/career.service';
import type { Actor } from '../session/authenticate';
import type { Locale } from '../../shared/roles';
import type { CareerSection, PlanView } from '../../shared/api/plan';

export interface PlanPdf {
  /** ASCII-only, safe in a Content-Disposition header. */
  filename: string;
  pdf: Buffer;
}

/** "ecap-ana-ruiz-2026-2027.pdf": letters and digits only, accents folded, never a path or a quote. */
export function pdfFilename(view: Pick<PlanView, 'studentName' | 'schoolYear'>): string {
  return `ecap-${fileSlug(view.studentName, 'plan')}-${view.schoolYear.replace(/[^0-9-]/g, '')}.pdf`;
}

async function careerTitles(view: PlanView): Promise<Record<string, string>> {
  const career = view.sections.career.data as CareerSection;
  const codes = [...new Set([...career.savedCareers, ...(career.careerGoal?.careerCode ? [career.careerGoal.careerCode] : [])])];
  const found = await Promise.all(codes.map((code) => getCareer(code)));
  return Object.fromEntries(found.flatMap((c) => (c ? [[c.code, c.title]] : [])));
}

/**
 * The plan as a PDF portfolio, with the portfolio's file list and career titles, recorded in the audit log.
 * `studentId` null is the caller's own plan; otherwise the caller must pass `canReadPlan`. The language is the
 * one asked for, else the student's.
 */
export async function exportPlanPdf(actor: Actor, studentId: string | null, locale?: Locale): Promise<PlanPdf> {
  let view: PlanView;
  let studentLocale: Locale;
  if (studentId === null) {
    view = await loadPlanView(actor.tenantId, actor.userId, { readOnly: false });
    studentLocale = actor.locale;
  } else {
    const student = await authorizePlanRead(actor, studentId);
    view = await loadPlanView(actor.tenantId, String(student._id), { readOnly: true });
    studentLocale = student.locale;
  }
  const [artifacts, titles, annualReviews] = await Promise.all([
    listArtifacts(actor.tenantId, view.studentId),
    careerTitles(view),
    listSnapshots(actor.tenantId, view.studentId),
  ]);
  const pdf = await renderPlanPdf(view, { locale: locale ?? studentLocale, artifacts, careerTitles: titles, annualReviews });
  await recordPlanAudit(actor.tenantId, { studentId: view.studentId, actorId: actor.userId, actorRole: actor.role, action: 'export' });
  return { filename: pdfFilename(view), pdf };
}
