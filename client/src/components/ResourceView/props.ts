import type { ReactNode } from 'react';
import type { Resource } from '../../api/useResource';

export type ResourceViewProps<T> = {
  /** The loading state of the page's data. */
  resource: Resource<T>;
  /** Loads the data again (offered on offline and generic failures). */
  onRetry: () => void;
  /** Renders the page once the data is there. */
  children: (data: T) => ReactNode;
};
