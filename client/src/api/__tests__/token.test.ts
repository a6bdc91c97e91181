import { splitFragment } from '../token';

describe('splitFragment', () => {
  it('takes the token out and keeps other parameters', () => {
    expect(splitFragment('#t=abc&x=1')).toEqual({ token: 'abc', rest: '#x=1' });
    expect(splitFragment('#t=abc')).toEqual({ token: 'abc', rest: '' });
  });

  it('turns a launch view of a placed activity into its hash route', () => {
    expect(splitFragment('#t=abc&view=activity:0123456789abcdef01234567')).toEqual({
      token: 'abc',
      rest: '#/activity/0123456789abcdef01234567',
    });
    expect(splitFragment('#view=activity:p1&t=tok')).toEqual({ token: 'tok', rest: '#/activity/p1' });
  });

  it('ignores a view it does not know', () => {
    expect(splitFragment('#t=abc&view=report:1')).toEqual({ token: 'abc', rest: '#view=report%3A1' });
    expect(splitFragment('#t=abc&view=activity:../x')).toEqual({ token: 'abc', rest: '#view=activity%3A..%2Fx' });
  });
});
