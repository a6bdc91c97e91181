/** Weight of each position of the student's code: first letter 3, second 2, third 1. */
const POSITION_WEIGHTS = [3, 2, 1] as const;

/** The largest fit a code of `length` letters can reach (6 for a three-letter code). */
export function maxRiasecFit(length = 3): number {
  return POSITION_WEIGHTS.slice(0, length).reduce<number>((sum, w) => sum + w, 0);
}

/**
 * How well a career's RIASEC code fits a student's code (pure; the server also computes it in MongoDB, see
 * server/careers/career.service.ts, and a test keeps the two in step).
 *
 * Each letter of the student's code carries a weight by position (3, 2, 1). It scores its full weight when the
 * career has the same letter at the same position, half its weight when the letter is elsewhere in the career's
 * code, and nothing when absent. "SAE" vs "SAE" = 6, vs "ASE" = 1.5 + 1 + 1 = 3.5, vs "SRC" = 3, vs "RIC" = 0.
 * Letters are compared case-insensitively; anything that is not a RIASEC letter is ignored.
 */
export function riasecFit(studentCode: string, careerCode: string): number {
  const student = normalize(studentCode);
  const career = normalize(careerCode);
  let fit = 0;
  student.forEach((letter, i) => {
    const weight = POSITION_WEIGHTS[i] ?? 0;
    const at = career.indexOf(letter);
    if (at === i) fit += weight;
    else if (at >= 0) fit += weight / 2;
  });
  return fit;
}

function normalize(code: string): string[] {
  return [...code.toUpperCase()].filter((c) => 'RIASEC'.includes(c)).slice(0, 3);
}
