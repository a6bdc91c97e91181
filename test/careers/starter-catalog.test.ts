import mongoose from 'mongoose';
import { freshMongoUri } from '../support/app-harness';
import { CAREER_CLUSTERS, ensureStarterCatalog, STARTER_CATALOG } from '../../server/careers/starter-catalog';
import { CareerModel, ONET_SOC_CODE, RIASEC_CODE } from '../../server/careers/career.model';
import { EDUCATION_LEVELS } from '../../shared/api/plan';

describe('starter catalog data', () => {
  it('has at least 60 occupations covering all 16 clusters, each with valid facts', () => {
    expect(STARTER_CATALOG.length).toBeGreaterThanOrEqual(60);
    expect(CAREER_CLUSTERS).toHaveLength(16);
    for (const cluster of CAREER_CLUSTERS) expect(STARTER_CATALOG.filter((c) => c.cluster === cluster).length).toBeGreaterThanOrEqual(3);
    const codes = STARTER_CATALOG.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of STARTER_CATALOG) {
      expect(c.code).toMatch(ONET_SOC_CODE);
      expect(c.riasec).toMatch(RIASEC_CODE);
      expect(EDUCATION_LEVELS).toContain(c.education);
      expect(c.title && c.titleEs && c.pathway).toBeTruthy();
    }
  });
});

describe('ensureStarterCatalog', () => {
  beforeAll(async () => {
    await mongoose.connect(freshMongoUri());
    await CareerModel.init();
  });
  afterAll(async () => {
    await mongoose.disconnect();
  });
  beforeEach(async () => {
    await CareerModel.deleteMany({});
  });

  it('seeds an empty catalog once, also when called concurrently', async () => {
    const [a, b] = await Promise.all([ensureStarterCatalog(), ensureStarterCatalog()]);
    expect(a + b).toBe(STARTER_CATALOG.length);
    expect(await CareerModel.countDocuments()).toBe(STARTER_CATALOG.length);
    expect(await ensureStarterCatalog()).toBe(0);
    const nurse = await CareerModel.findOne({ code: '29-1141.00' }).lean();
    expect(nurse).toMatchObject({ title: 'Registered Nurses', source: 'starter', medianWage: null, outlook: null, cluster: 'Health Science' });
  });

  it('leaves a catalog that already has careers alone', async () => {
    await CareerModel.create({ code: '99-0000.00', title: 'Imported', cluster: 'X', pathway: 'Y', riasec: 'R', education: 'bachelor', medianWage: null, outlook: null, description: null, source: 'onet' });
    expect(await ensureStarterCatalog()).toBe(0);
    expect(await CareerModel.countDocuments()).toBe(1);
  });
});
