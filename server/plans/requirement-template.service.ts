import { RequirementTemplateModel, type RequirementTemplateDoc } from './requirement-template.model';
import { ARIZONA_DEFAULT_TEMPLATE } from './requirements';
import type { TenantId } from '../tenants/tenant-id';
import type { RequirementTemplate } from '../../shared/api/plan';

function present(doc: Pick<RequirementTemplateDoc, 'name' | 'totalCredits' | 'areas'>): RequirementTemplate {
  return {
    name: doc.name,
    totalCredits: doc.totalCredits,
    areas: doc.areas.map((a) => ({ area: a.area, credits: a.credits, alsoCounts: [...a.alsoCounts] })),
  };
}

/** The district's graduation requirements, or Arizona's default when it has not edited them. */
export async function getRequirementTemplate(tenantId: TenantId): Promise<RequirementTemplate> {
  const doc = await RequirementTemplateModel.findOne({ tenantId }).lean<RequirementTemplateDoc>().exec();
  return present(doc ?? ARIZONA_DEFAULT_TEMPLATE);
}

/** Replaces the district's template (a parsed `requirementTemplateWriteSchema` value). */
export async function saveRequirementTemplate(tenantId: TenantId, template: RequirementTemplate): Promise<RequirementTemplate> {
  const doc = await RequirementTemplateModel.findOneAndUpdate(
    { tenantId },
    { $set: { name: template.name, totalCredits: template.totalCredits, areas: template.areas } },
    { upsert: true, new: true, lean: true },
  );
  if (!doc) throw new Error('upsert returned no document');
  return present(doc);
}
