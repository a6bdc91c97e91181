import type { Career } from './career.model';
import type { CareerView } from '../../shared/api/plan';

/** A catalog entry as the API returns it: CareerView plus the Spanish title when there is one. */
export type CareerListing = CareerView & { titleEs: string | null };

type Presentable = Pick<Career, 'code' | 'title' | 'titleEs' | 'cluster' | 'pathway' | 'riasec' | 'education' | 'medianWage' | 'outlook' | 'description'>;

/** Whitelists the fields a client may see; never the raw document. */
export function presentCareer(c: Presentable): CareerListing {
  return {
    code: c.code,
    title: c.title,
    titleEs: c.titleEs ?? null,
    cluster: c.cluster,
    pathway: c.pathway,
    riasec: c.riasec,
    education: c.education,
    medianWage: c.medianWage ?? null,
    outlook: c.outlook ?? null,
    description: c.description ?? null,
  };
}
