import type { DataPath } from '../forms/fieldErrors';

/** Reads the value at `path` in JSON-like data. */
export function getIn(data: unknown, path: DataPath): unknown {
  let cur: unknown = data;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}

/**
 * A copy of `data` with `value` at `path` (arrays stay arrays); `undefined` removes an object key, so optional
 * fields left empty are sent as absent.
 */
export function setIn(data: unknown, path: DataPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(data)) {
    const copy = [...data];
    copy[Number(head)] = setIn(copy[Number(head)], rest, value);
    return copy;
  }
  const obj = data && typeof data === 'object' ? { ...(data as Record<string, unknown>) } : {};
  const next = setIn(obj[head], rest, value);
  if (next === undefined) delete obj[head];
  else obj[head] = next;
  return obj;
}
