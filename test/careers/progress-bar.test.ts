import { createProgressBar, renderProgress } from '../../server/careers/progress-bar';

describe('progress bar', () => {
  it('renders the share done as a bar, a percentage and counts', () => {
    expect(renderProgress('Importing', 5, 10, 10)).toBe('Importing [#####-----]  50%  5/10');
    expect(renderProgress('Importing', 0, 0, 4)).toBe('Importing [####] 100%  0/0');
  });

  it('draws in place on a terminal and nothing on a pipe', () => {
    const out: string[] = [];
    const tty = createProgressBar('x', { isTTY: true, columns: 80, write: (s) => out.push(s) > 0 }, 0);
    tty.update(1, 2);
    tty.update(2, 2);
    tty.done();
    expect(out[0]).toMatch(/^\r.*50%/);
    expect(out[1]).toMatch(/100%/);
    expect(out[out.length - 1]).toBe('\r\u001b[K');

    const piped: string[] = [];
    const pipe = createProgressBar('x', { isTTY: false, write: (s) => piped.push(s) > 0 });
    pipe.update(1, 2);
    pipe.done();
    expect(piped).toEqual([]);
  });
});
