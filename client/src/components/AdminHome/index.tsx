import { Heading } from '@instructure/ui-heading/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { api } from '../../api';
import { useResource } from '../../api/useResource';
import { useT } from '../../i18n';
import { CustomActivitiesEditor } from '../CustomActivitiesEditor';
import { DeploymentsPanel } from '../DeploymentsPanel';
import { DistrictDataPanel } from '../DistrictDataPanel';
import { CounselorsPanel } from '../CounselorsPanel';
import { CompletionReportPanel } from '../CompletionReportPanel';
import { RequirementsEditor } from '../RequirementsEditor';
import { ResourceView } from '../ResourceView';
import type { RoleHomeProps } from '../RoleHome/props';
import { TenantSettingsForm } from '../TenantSettingsForm';

const loadTenant = (signal: AbortSignal) => api.tenant({ signal });

/** Admin home: the district's settings, schools (deployments), requirements, custom activities and its data. */
export function AdminHome(_props: RoleHomeProps) {
  const t = useT();
  const [tenant, retry, replace] = useResource(loadTenant);
  return (
    <ResourceView resource={tenant} onRetry={retry}>
      {(data) => (
        <>
          <Heading level="h1" margin="0 0 xx-small 0">
            {t('admin.title')}
          </Heading>
          <Text as="p" size="small" color="secondary">
            {t('admin.platform', { product: data.platform.product, issuer: data.platform.issuer })}
          </Text>
          <Heading level="h2" variant="titleSection" margin="large 0 small 0">
            {t('admin.settingsHeading')}
          </Heading>
          <TenantSettingsForm settings={data.settings} onSaved={replace} />
          <Heading level="h2" variant="titleSection" margin="x-large 0 small 0">
            {t('admin.deploymentsHeading')}
          </Heading>
          <DeploymentsPanel deployments={data.deployments} onAdded={replace} />
          <Heading level="h2" variant="titleSection" margin="x-large 0 small 0">
            {t('requirements.heading')}
          </Heading>
          <RequirementsEditor />
          <CustomActivitiesEditor />
          <CompletionReportPanel />
          <CounselorsPanel schools={data.deployments} />
          <DistrictDataPanel />
        </>
      )}
    </ResourceView>
  );
}

export default AdminHome;
