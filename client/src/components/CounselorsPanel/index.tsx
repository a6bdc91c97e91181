import { useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Checkbox, CheckboxGroup } from '@instructure/ui-checkbox/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { TextInput } from '@instructure/ui-text-input/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import type { StaffMember } from '../../../../shared/api/caseload';
import { isApiFailure } from '../../api';
import { caseloadApi } from '../../api/caseload';
import { useResource } from '../../api/useResource';
import { messagesFor } from '../../forms/fieldErrors';
import { useT } from '../../i18n';
import { FormStatus } from '../FormStatus';
import { ResourceView } from '../ResourceView';
import type { CounselorsPanelProps } from './props';

type Status = { message: string | null; tone: 'info' | 'success' | 'danger' };
const idle: Status = { message: null, tone: 'info' };
const row = { display: 'flex', gap: '0.75rem', alignItems: 'flex-end', flexWrap: 'wrap', maxWidth: '40rem' } as const;
const loadCounselors = (signal: AbortSignal) => caseloadApi.counselors({ signal });

/** One staff member's schools: a checkbox per school of the district and a save button. */
function CaseloadEditor({
  member,
  schools,
  onSaved,
}: {
  member: StaffMember;
  schools: CounselorsPanelProps['schools'];
  onSaved: (m: StaffMember, message: string) => void;
}) {
  const t = useT();
  const [chosen, setChosen] = useState<string[]>(member.caseloadDeploymentIds);
  const [status, setStatus] = useState<Status>(idle);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setStatus({ message: t('counselors.saving'), tone: 'info' });
    try {
      const saved = await caseloadApi.setCaseload(member.id, chosen);
      setStatus(idle);
      // The panel says it: a new counselor's editor moves from the search results to the list.
      onSaved(saved, t(saved.caseloadDeploymentIds.length ? 'counselors.saved' : 'counselors.removed', { name: member.name }));
    } catch (e) {
      setStatus({ message: t(isApiFailure(e) && e.kind === 'network' ? 'counselors.offline' : 'counselors.failed'), tone: 'danger' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View as="div" borderWidth="small" borderRadius="medium" padding="small medium" margin="small 0">
      <CheckboxGroup
        name={`caseload-${member.id}`}
        description={t('counselors.schools', { name: member.name })}
        value={chosen}
        onChange={(values) => setChosen(values.map(String))}
      >
        {schools.map((s) => (
          <Checkbox key={s.deploymentId} id={`caseload-${member.id}-${s.deploymentId}`} label={s.name} value={s.deploymentId} />
        ))}
      </CheckboxGroup>
      <View as="div" margin="small 0 0 0">
        <Button onClick={() => void save()} interaction={busy ? 'disabled' : 'enabled'}>
          {t('counselors.save', { name: member.name })}
        </Button>
      </View>
      <FormStatus message={status.message} tone={status.tone} />
    </View>
  );
}

/**
 * Counselor caseloads for district admins: who has one (with their schools, editable), and a search for staff who
 * have launched, to give them schools.
 */
export function CounselorsPanel({ schools }: CounselorsPanelProps) {
  const t = useT();
  const [counselors, retry, replace] = useResource(loadCounselors);
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<{ q: string; staff: StaffMember[] } | null>(null);
  const [status, setStatus] = useState<Status>(idle);
  const current = counselors.status === 'ready' ? counselors.data : [];

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (q.trim().length < 2) {
      setError(t('counselors.search.tooShort'));
      return;
    }
    setError(null);
    setStatus(idle);
    try {
      setFound({ q: q.trim(), staff: await caseloadApi.findStaff(q.trim()) });
    } catch (e) {
      setStatus({ message: t(isApiFailure(e) && e.kind === 'network' ? 'counselors.offline' : 'counselors.failed'), tone: 'danger' });
    }
  };
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const saved = (m: StaffMember, message: string) => {
    setSavedMessage(message);
    const others = current.filter((c) => c.id !== m.id);
    replace(m.caseloadDeploymentIds.length ? [...others, m].sort((a, b) => a.name.localeCompare(b.name)) : others);
    setFound((f) => (f ? { ...f, staff: f.staff.filter((s) => s.id !== m.id) } : f));
  };

  return (
    <>
      <Heading level="h2" variant="titleSection" margin="x-large 0 small 0">
        {t('counselors.heading')}
      </Heading>
      <Text as="p">{t('counselors.intro')}</Text>
      <FormStatus message={savedMessage} tone="success" />
      <ResourceView resource={counselors} onRetry={retry}>
        {(list) =>
          list.length === 0 ? (
            <Text as="p" color="secondary">
              {t('counselors.empty')}
            </Text>
          ) : (
            <>
              {list.map((m) => (
                <CaseloadEditor key={m.id} member={m} schools={schools} onSaved={saved} />
              ))}
            </>
          )
        }
      </ResourceView>
      <form onSubmit={search} noValidate role="search" aria-label={t('counselors.heading')}>
        <div style={row}>
          <TextInput
            id="counselor-search"
            renderLabel={t('counselors.search.label')}
            value={q}
            onChange={(_e, value) => setQ(value)}
            messages={messagesFor(error ? [error] : undefined)}
          />
          <Button type="submit">{t('counselors.search.button')}</Button>
        </div>
      </form>
      <FormStatus message={status.message} tone={status.tone} />
      {found && found.staff.length === 0 ? <Text as="p">{t('counselors.search.none', { q: found.q })}</Text> : null}
      {found?.staff
        .filter((s) => !current.some((c) => c.id === s.id))
        .map((m) => <CaseloadEditor key={m.id} member={m} schools={schools} onSaved={saved} />)}
    </>
  );
}

export default CounselorsPanel;
