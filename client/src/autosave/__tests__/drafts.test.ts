import { backoffDelay, clearDraft, draftKey, parseDraft, readDraft, reconcileDraft, sameData, mergeSection, writeDraft, type DraftStorage } from '../drafts';
import { getIn, setIn } from '../paths';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('draft storage', () => {
  it('keys drafts by tenant, student and section', () => {
    expect(draftKey('t1', 's1', 'academic')).toBe('ecap.draft.v1:t1:s1:academic');
    expect(draftKey('t:1', 's/1', 'goals')).toBe('ecap.draft.v1:t%3A1:s%2F1:goals');
    expect(draftKey('t1', 's1', 'academic')).not.toBe(draftKey('t1', 's2', 'academic'));
  });

  it('writes, reads and clears a draft', () => {
    const storage = memoryStorage();
    const key = draftKey('t1', 's1', 'reflections');
    expect(writeDraft(storage, key, { baseVersion: 3, data: { whoAmI: 'me' }, savedAt: '2026-01-01T00:00:00Z' })).toBe(true);
    expect(readDraft(storage, key)).toEqual({ baseVersion: 3, data: { whoAmI: 'me' }, savedAt: '2026-01-01T00:00:00Z' });
    clearDraft(storage, key);
    expect(readDraft(storage, key)).toBeNull();
  });

  it('treats malformed drafts as absent and survives blocked storage', () => {
    expect(parseDraft('not json')).toBeNull();
    expect(parseDraft(JSON.stringify({ baseVersion: -1, data: {} }))).toBeNull();
    expect(parseDraft(JSON.stringify({ baseVersion: 1 }))).toBeNull();
    const throwing: DraftStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(writeDraft(throwing, 'k', { baseVersion: 0, data: 1, savedAt: '' })).toBe(false);
    expect(readDraft(throwing, 'k')).toBeNull();
    expect(() => clearDraft(throwing, 'k')).not.toThrow();
    expect(writeDraft(null, 'k', { baseVersion: 0, data: 1, savedAt: '' })).toBe(false);
  });

  it('decides whether a stored draft is restored, conflicts, or is stale', () => {
    const server = { version: 4, data: { a: 'saved' } };
    expect(reconcileDraft(null, server)).toBe('none');
    expect(reconcileDraft({ baseVersion: 4, data: { a: 'saved' }, savedAt: '' }, server)).toBe('none');
    expect(reconcileDraft({ baseVersion: 4, data: { a: 'typed' }, savedAt: '' }, server)).toBe('restore');
    expect(reconcileDraft({ baseVersion: 2, data: { a: 'typed' }, savedAt: '' }, server)).toBe('conflict');
  });

  it('compares JSON data structurally, ignoring undefined keys', () => {
    expect(sameData({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameData({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameData([], {})).toBe(false);
  });

  it('backs off exponentially up to a minute', () => {
    const mid = () => 0.5;
    expect(backoffDelay(0, mid)).toBe(2000);
    expect(backoffDelay(1, mid)).toBe(4000);
    expect(backoffDelay(3, mid)).toBe(16000);
    expect(backoffDelay(10, mid)).toBe(60000);
    expect(backoffDelay(0, () => 0)).toBe(1600);
  });
});

describe('paths', () => {
  it('reads and writes nested values immutably, removing keys set to undefined', () => {
    const data = { courses: [{ name: 'A', credits: 1 }], goal: { title: 'x', year: 2030 } };
    const next = setIn(data, ['courses', 0, 'credits'], 2) as typeof data;
    expect(next.courses[0]?.credits).toBe(2);
    expect(data.courses[0]?.credits).toBe(1);
    expect(Array.isArray(next.courses)).toBe(true);
    expect(getIn(next, ['courses', 0, 'name'])).toBe('A');
    const removed = setIn(data, ['goal', 'year'], undefined) as { goal: Record<string, unknown> };
    expect('year' in removed.goal).toBe(false);
    expect(getIn(data, ['missing', 0, 'x'])).toBeUndefined();
  });
});

describe('mergeSection (keep my version after a conflict)', () => {
  it('keeps the other tab’s edits to fields this tab did not touch', () => {
    const base = { whoAmI: '', whereAmIGoing: '', whatDoINeed: '', nextSteps: '' };
    const theirs = { ...base, whoAmI: 'From tab 1' };
    const mine = { ...base, nextSteps: 'From tab 2' };
    expect(mergeSection(base, mine, theirs)).toEqual({ whoAmI: 'From tab 1', whereAmIGoing: '', whatDoINeed: '', nextSteps: 'From tab 2' });
  });

  it('lets this tab win where both changed the same field, and merges nested records per key', () => {
    const base = { answers: { r1: 1, r2: 2 }, note: 'a' };
    const theirs = { answers: { r1: 5, r2: 2 }, note: 'theirs' };
    const mine = { answers: { r1: 1, r2: 4 }, note: 'mine' };
    expect(mergeSection(base, mine, theirs)).toEqual({ answers: { r1: 5, r2: 4 }, note: 'mine' });
  });

  it('keeps the whole of this tab’s version when the base is unknown', () => {
    expect(mergeSection(null, { a: 1 }, { a: 2, b: 3 })).toEqual({ a: 1 });
  });
});
