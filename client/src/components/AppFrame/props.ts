import type { ReactNode } from 'react';

export type AppFrameProps = {
  /** Name of the signed-in user, shown in the banner; omitted before a session is known. */
  userName?: string;
  /** District (tenant) name, shown next to the app name; omitted before a session is known. */
  tenantName?: string;
  /** The page: must contain exactly one h1. Rendered inside the `main` landmark. */
  children: ReactNode;
};
