import { signSession, verifySession } from '../../server/session/session-token';

const claims = { uid: 'u1', tid: 't1', role: 'student' as const, lid: 'l1', loc: 'es' as const };

describe('session tokens', () => {
  it('round-trips the claims', () => {
    const token = signSession(claims, 'secret-1', 60);
    expect(verifySession(token, 'secret-1')).toMatchObject({ ...claims, v: 1 });
  });

  it('refuses another secret, a changed payload, an expired token and junk', () => {
    const token = signSession(claims, 'secret-1', 60);
    expect(verifySession(token, 'secret-2')).toBeNull();
    const [, sig] = token.split('.');
    const tampered = `${Buffer.from(JSON.stringify({ v: 1, ...claims, role: 'admin', iat: 1, exp: 9e9 })).toString('base64url')}.${sig}`;
    expect(verifySession(tampered, 'secret-1')).toBeNull();
    expect(verifySession(signSession(claims, 'secret-1', -1), 'secret-1')).toBeNull();
    expect(verifySession('junk', 'secret-1')).toBeNull();
    expect(verifySession('a.b.c', 'secret-1')).toBeNull();
  });
});
