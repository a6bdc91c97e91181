import { useCallback, useEffect, useState } from 'react';
import { ApiFailure } from './client';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; failure: ApiFailure };

/**
 * Loads `load()` on mount and on `retry()`; aborts the request when the component unmounts. A failure that is
 * not an ApiFailure (a bug) is reported as a `contract` failure so the page shows the generic error.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
): [Resource<T>, () => void, (data: T) => void] {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure = error instanceof ApiFailure ? error : new ApiFailure('contract', null, null, { cause: error });
        setState({ status: 'failed', failure });
      },
    );
    return () => controller.abort();
    // `load` is expected to be stable (a module-level function); reloads happen through `retry`.
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setState({ status: 'ready', data }), []);
  return [state, retry, replace];
}
