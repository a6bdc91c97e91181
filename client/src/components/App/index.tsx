import { useEffect, useState } from 'react';
import { InstUISettingsProvider } from '@instructure/emotion';
import { canvas } from '@instructure/ui-themes';
import { localeFrom } from '../../../../shared/roles';
import { api, getToken, onSessionEnded } from '../../api';
import { useResource } from '../../api/useResource';
import { I18nProvider } from '../../i18n';
import { AppFrame } from '../AppFrame';
import { ResourceView } from '../ResourceView';
import { RoleHome } from '../RoleHome';
import { StatusPage } from '../StatusPage';

const loadSession = (signal: AbortSignal) => api.session({ signal });

/** The signed-in app: loads the session, then the role's home; any 401 turns into the "session ended" page. */
function SignedIn() {
  const [session, retry] = useResource(loadSession);
  const [ended, setEnded] = useState(false);
  useEffect(() => onSessionEnded(() => setEnded(true)), []);

  const ready = session.status === 'ready' ? session.data : null;
  const locale = ready?.user.locale ?? localeFrom(navigator.language);
  return (
    <I18nProvider locale={locale}>
      <AppFrame userName={ended ? undefined : ready?.user.name} tenantName={ready?.tenant.name}>
        {ended ? (
          <StatusPage kind="sessionEnded" />
        ) : (
          <ResourceView resource={session} onRetry={retry}>
            {(data) => <RoleHome session={data} />}
          </ResourceView>
        )}
      </AppFrame>
    </I18nProvider>
  );
}

/** Root component: theme, then either the signed-in app or the "open it from your LMS" page. */
export function App() {
  const [hasToken] = useState(() => getToken() !== null);
  return (
    <InstUISettingsProvider theme={canvas}>
      {hasToken ? (
        <SignedIn />
      ) : (
        <I18nProvider locale={localeFrom(navigator.language)}>
          <AppFrame>
            <StatusPage kind="noToken" />
          </AppFrame>
        </I18nProvider>
      )}
    </InstUISettingsProvider>
  );
}

export default App;
