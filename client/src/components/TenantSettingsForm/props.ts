import type { TenantSettings, TenantView } from '../../../../shared/api/session';

export type TenantSettingsFormProps = {
  /** The saved settings the form starts from. */
  settings: TenantSettings;
  /** Called with the server's tenant view after a successful save. */
  onSaved: (view: TenantView) => void;
};
