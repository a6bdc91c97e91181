import type { TenantView } from '../../../../shared/api/session';

export type DeploymentsPanelProps = {
  /** The district's deployments (schools) as last loaded. */
  deployments: TenantView['deployments'];
  /** Called with the server's updated tenant view after a school is added. */
  onAdded: (view: TenantView) => void;
};
