import { RIASEC, type RiasecLetter } from '../api/plan';

/** One statement of the interest inventory; the student rates how much they would like it (1..5). */
export interface InterestItem {
  id: string;
  letter: RiasecLetter;
  en: string;
  es: string;
}

/** Our own RIASEC items (not O*NET's), at least 5 per letter. */
export const INTEREST_ITEMS: readonly InterestItem[] = [];

/**
 * Scores complete answers: the mean rating per letter, and the three highest letters as the Holland code
 * (ties broken in R-I-A-S-E-C order). Null until every item is answered.
 */
export function scoreInterestInventory(
  answers: Readonly<Record<string, number>>,
  items: readonly InterestItem[] = INTEREST_ITEMS,
): { scores: Record<RiasecLetter, number>; code: string } | null {
  if (items.length === 0 || items.some((item) => answers[item.id] === undefined)) return null;
  const scores = {} as Record<RiasecLetter, number>;
  for (const letter of RIASEC) {
    const mine = items.filter((i) => i.letter === letter);
    const total = mine.reduce((sum, i) => sum + (answers[i.id] ?? 0), 0);
    scores[letter] = mine.length ? Math.round((total / mine.length) * 100) / 100 : 0;
  }
  const code = [...RIASEC]
    .sort((a, b) => scores[b] - scores[a] || RIASEC.indexOf(a) - RIASEC.indexOf(b))
    .slice(0, 3)
    .join('');
  return { scores, code };
}
