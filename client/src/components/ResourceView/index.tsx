import { LoadingState } from '../LoadingState';
import { StatusPage } from '../StatusPage';
import type { StatusKind } from '../StatusPage/props';
import type { ApiFailure } from '../../api';
import type { ResourceViewProps } from './props';

/** Maps a failed API call to the page that explains it. */
export function statusKindOf(failure: ApiFailure): StatusKind {
  switch (failure.kind) {
    case 'no_token':
      return 'noToken';
    case 'unauthorized':
      return 'sessionEnded';
    case 'network':
      return 'offline';
    case 'http':
      return failure.status === 403 ? 'forbidden' : failure.status === 404 ? 'notFound' : 'error';
    case 'contract':
      return 'error';
  }
}

/** Shows a spinner, then the page, or the page explaining a failure (with "Try again" where that can help). */
export function ResourceView<T>({ resource, onRetry, children }: ResourceViewProps<T>) {
  if (resource.status === 'loading') return <LoadingState />;
  if (resource.status === 'failed') {
    const kind = statusKindOf(resource.failure);
    const retryable = kind === 'offline' || kind === 'error';
    return (
      <StatusPage kind={kind} onRetry={retryable ? onRetry : undefined} referenceId={resource.failure.body?.referenceId} />
    );
  }
  return <>{children(resource.data)}</>;
}

export default ResourceView;
