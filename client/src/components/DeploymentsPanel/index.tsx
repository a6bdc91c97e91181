import { useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Table } from '@instructure/ui-table/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { TextInput } from '@instructure/ui-text-input/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { addDeploymentSchema } from '../../../../shared/api/session';
import { api, isApiFailure, type NewDeployment } from '../../api';
import { useI18n } from '../../i18n';
import {
  focusFirstError,
  messagesFor,
  serverInvalid,
  zodFieldErrors,
  type FieldErrors,
} from '../../forms/fieldErrors';
import { FormStatus } from '../FormStatus';
import type { DeploymentsPanelProps } from './props';

type Field = 'name' | 'deploymentId';
const FIELD_ORDER: readonly Field[] = ['name', 'deploymentId'];
const ids: Record<Field, string> = { name: 'deployment-name', deploymentId: 'deployment-id' };

function fieldOf(path: readonly PropertyKey[]): Field | null {
  const head = path[0];
  return head === 'name' || head === 'deploymentId' ? head : null;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'adding' }
  | { kind: 'added'; name: string }
  | { kind: 'exists'; message: string }
  | { kind: 'invalid'; other: string[] }
  | { kind: 'error' | 'offline' };

const empty: NewDeployment = { name: '', deploymentId: '' };

/** The district's schools (LTI deployments) and a small form to add one (POST /api/tenant/deployments). */
export function DeploymentsPanel({ deployments, onAdded }: DeploymentsPanelProps) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<NewDeployment>(empty);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status.kind === 'adding') return;
    const parsed = addDeploymentSchema.safeParse(draft);
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error, t, fieldOf);
      setErrors(found);
      setStatus({ kind: 'invalid', other: [] });
      focusFirstError(FIELD_ORDER, found, (f) => ids[f]);
      return;
    }
    setErrors({});
    setStatus({ kind: 'adding' });
    try {
      const view = await api.addDeployment(parsed.data);
      setDraft(empty);
      setStatus({ kind: 'added', name: parsed.data.name });
      onAdded(view);
    } catch (e) {
      if (!isApiFailure(e)) throw e;
      const invalid = serverInvalid(e, { fieldOf, order: FIELD_ORDER, idOf: (f) => ids[f] });
      if (e.kind === 'http' && e.status === 409) {
        setStatus({ kind: 'exists', message: e.body?.message ?? '' });
        document.getElementById(ids.deploymentId)?.focus();
      } else if (invalid) {
        setErrors(invalid.errors);
        setStatus({ kind: 'invalid', other: invalid.other });
      } else {
        setStatus({ kind: e.kind === 'network' ? 'offline' : 'error' });
      }
    }
  };

  const statusView = (() => {
    switch (status.kind) {
      case 'idle':
        return { message: null, tone: 'info' as const };
      case 'adding':
        return { message: t('admin.deployment.adding'), tone: 'info' as const };
      case 'added':
        return { message: t('admin.deployment.added', { name: status.name }), tone: 'success' as const };
      case 'exists':
        return { message: t('admin.deployment.exists', { message: status.message }), tone: 'danger' as const };
      case 'invalid':
        return { message: t('admin.status.invalid'), tone: 'danger' as const, details: status.other };
      case 'error':
        return { message: t('admin.deployment.error'), tone: 'danger' as const };
      case 'offline':
        return { message: t('admin.deployment.offline'), tone: 'danger' as const };
    }
  })();

  const sorted = [...deployments].sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <>
      <Text as="p" size="small" color="secondary">
        {t('admin.deploymentsIntro')}
      </Text>
      {sorted.length === 0 ? (
        <Text as="p">{t('admin.deploymentsEmpty')}</Text>
      ) : (
        <View as="div" overflowX="auto" margin="small 0 0 0">
          <Table caption={t('admin.deploymentsCaption')}>
            <Table.Head>
              <Table.Row>
                <Table.ColHeader id="deployments-name">{t('admin.deployment.name')}</Table.ColHeader>
                <Table.ColHeader id="deployments-id">{t('admin.deployment.id')}</Table.ColHeader>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {sorted.map((d) => (
                <Table.Row key={d.deploymentId}>
                  <Table.RowHeader>{d.name}</Table.RowHeader>
                  <Table.Cell>
                    <code>{d.deploymentId}</code>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </View>
      )}
      <Heading level="h3" margin="large 0 small 0">
        {t('admin.deployment.addHeading')}
      </Heading>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div style={{ display: 'grid', gap: '1rem', maxWidth: '36rem' }}>
          <TextInput
            id={ids.name}
            renderLabel={t('admin.deployment.name')}
            value={draft.name}
            isRequired
            onChange={(_e, value) => setDraft({ ...draft, name: value })}
            messages={messagesFor(errors.name)}
          />
          <TextInput
            id={ids.deploymentId}
            renderLabel={t('admin.deployment.id')}
            value={draft.deploymentId}
            isRequired
            autoComplete="off"
            spellCheck={false}
            onChange={(_e, value) => setDraft({ ...draft, deploymentId: value })}
            messages={messagesFor(errors.deploymentId)}
          />
        </div>
        <View as="div" margin="medium 0 0 0">
          <Button type="submit" interaction={status.kind === 'adding' ? 'disabled' : 'enabled'}>
            {t('admin.deployment.add')}
          </Button>
        </View>
        <FormStatus {...statusView} />
      </form>
    </>
  );
}

export default DeploymentsPanel;
