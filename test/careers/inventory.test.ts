import { INTEREST_ITEMS, scoreInterestInventory } from '../../shared/career/inventory';
import { RIASEC_LABELS, SKILLS, WORK_VALUES } from '../../shared/career/self-assessments';
import { RIASEC, type RiasecLetter } from '../../shared/api/plan';

/** Answers every item: `byLetter` rating for its letter, 1 otherwise. */
function answersFor(byLetter: Partial<Record<RiasecLetter, number>>): Record<string, number> {
  return Object.fromEntries(INTEREST_ITEMS.map((i) => [i.id, byLetter[i.letter] ?? 1]));
}

describe('interest inventory items', () => {
  it('has at least 36 items, at least 6 per RIASEC letter, with unique ids that fit the plan schema', () => {
    expect(INTEREST_ITEMS.length).toBeGreaterThanOrEqual(36);
    for (const letter of RIASEC) expect(INTEREST_ITEMS.filter((i) => i.letter === letter).length).toBeGreaterThanOrEqual(6);
    const ids = INTEREST_ITEMS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(16); // interestInventorySchema key limit
  });

  it('writes every item in English and Spanish', () => {
    for (const item of INTEREST_ITEMS) {
      expect(item.en.trim().length).toBeGreaterThan(10);
      expect(item.es.trim().length).toBeGreaterThan(10);
      expect(item.es).not.toBe(item.en);
    }
  });

  it('interleaves the letters so the first six items cover R, I, A, S, E and C', () => {
    expect(INTEREST_ITEMS.slice(0, 6).map((i) => i.letter)).toEqual([...RIASEC]);
  });
});

describe('scoreInterestInventory', () => {
  it('gives the expected Holland code for a crafted answer set', () => {
    const result = scoreInterestInventory(answersFor({ S: 5, A: 4, E: 3 }));
    expect(result?.code).toBe('SAE');
    expect(result?.scores).toMatchObject({ S: 5, A: 4, E: 3, R: 1, I: 1, C: 1 });
  });

  it('uses the mean per letter, so one strong item does not outweigh a letter the student likes throughout', () => {
    const answers = answersFor({ I: 4, C: 3, R: 2 });
    const firstA = INTEREST_ITEMS.find((i) => i.letter === 'A');
    if (firstA) answers[firstA.id] = 5;
    expect(scoreInterestInventory(answers)?.code).toBe('ICR');
  });

  it('breaks ties in R-I-A-S-E-C order', () => {
    expect(scoreInterestInventory(answersFor({ C: 5, E: 5, S: 5, A: 5 }))?.code).toBe('ASE');
  });

  it('returns null until every item is answered', () => {
    const answers = answersFor({ S: 5 });
    const last = INTEREST_ITEMS[INTEREST_ITEMS.length - 1];
    if (last) delete answers[last.id];
    expect(scoreInterestInventory(answers)).toBeNull();
    expect(scoreInterestInventory({})).toBeNull();
  });
});

describe('skills, work values and RIASEC labels', () => {
  it.each([
    ['SKILLS', SKILLS, 12],
    ['WORK_VALUES', WORK_VALUES, 10],
  ] as const)('%s has enough bilingual items with unique short ids', (_name, list, min) => {
    expect(list.length).toBeGreaterThanOrEqual(min);
    const ids = list.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of list) {
      expect(item.id).toMatch(/^[a-z_]{1,32}$/); // careerSectionSchema key limit
      expect(item.en).toBeTruthy();
      expect(item.es).toBeTruthy();
    }
  });

  it('labels and describes every letter in both languages', () => {
    for (const letter of RIASEC) {
      const label = RIASEC_LABELS[letter];
      expect(label.en && label.es && label.description.en && label.description.es).toBeTruthy();
    }
  });
});
