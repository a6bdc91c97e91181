import { maxRiasecFit, riasecFit } from '../../shared/career/match';

describe('riasecFit', () => {
  it.each([
    ['SAE', 'SAE', 6],
    ['SAE', 'SAC', 5],
    ['SAE', 'SRC', 3],
    ['SAE', 'RSC', 1.5],
    ['SAE', 'ASE', 3.5],
    ['SAE', 'RIC', 0],
    ['SAE', 'S', 3],
    ['S', 'SIC', 3],
    ['S', 'IS', 1.5],
    ['IR', 'RI', 2.5],
    ['sae', 'sae', 6],
  ])('fit of %s for a %s career is %d', (student, career, fit) => {
    expect(riasecFit(student, career)).toBe(fit);
  });

  it('ranks the same first letter above a shared letter elsewhere', () => {
    expect(riasecFit('SAE', 'SIC')).toBeGreaterThan(riasecFit('SAE', 'CIS'));
  });

  it('never exceeds the maximum', () => {
    expect(maxRiasecFit()).toBe(6);
    expect(maxRiasecFit(1)).toBe(3);
    for (const c of ['SAE', 'ESA', 'AES', 'S', 'A']) expect(riasecFit('SAE', c)).toBeLessThanOrEqual(maxRiasecFit());
  });
});
