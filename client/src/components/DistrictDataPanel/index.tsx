import { useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { List } from '@instructure/ui-list/v11_6';
import { Modal } from '@instructure/ui-modal/v11_6';
import { Table } from '@instructure/ui-table/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { TextInput } from '@instructure/ui-text-input/v11_6';
import type { StudentMatch } from '../../../../shared/api/privacy';
import { isApiFailure } from '../../api';
import { saveBlob } from '../../api/client';
import { privacyApi } from '../../api/privacy';
import { useResource } from '../../api/useResource';
import { messagesFor } from '../../forms/fieldErrors';
import { useI18n, useT, type Translate } from '../../i18n';
import { formatDay } from '../AnnualReviewSignoffs/formatDay';
import { FormStatus } from '../FormStatus';
import { ResourceView } from '../ResourceView';
import { ScrollArea } from '../PlanParts';

type Status = { message: string | null; tone: 'info' | 'success' | 'danger' };
const idle: Status = { message: null, tone: 'info' };
const row = { display: 'flex', gap: '0.75rem', alignItems: 'flex-end', flexWrap: 'wrap', maxWidth: '40rem' } as const;
const loadEvents = (signal: AbortSignal) => privacyApi.events({ signal });
const failure = (e: unknown, t: Translate) => (isApiFailure(e) && e.kind === 'network' ? t('privacy.failed.offline') : t('privacy.failed.other'));
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

function ExportButton({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [status, setStatus] = useState<Status>(idle);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setStatus({ message: t('privacy.export.working'), tone: 'info' });
    try {
      saveBlob(await privacyApi.exportDistrict(), t('privacy.export.filename'));
      setStatus({ message: t('privacy.export.done'), tone: 'success' });
      onDone();
    } catch (e) {
      setStatus({ message: failure(e, t), tone: 'danger' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => void run()} interaction={busy ? 'disabled' : 'enabled'}>
        {t('privacy.export.button')}
      </Button>
      <FormStatus message={status.message} tone={status.tone} />
    </>
  );
}

/** The confirmation: the admin types the student's name before anything is deleted. */
function ConfirmDeletion({ student, onClose, onDeleted }: { student: StudentMatch; onClose: () => void; onDeleted: (message: string) => void }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(idle);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!sameName(typed, student.name)) {
      setError(t('privacy.confirm.mismatch', { name: student.name }));
      document.getElementById('privacy-confirm-name')?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    setStatus({ message: t('privacy.deleting'), tone: 'info' });
    try {
      const result = await privacyApi.deleteStudent(student.id, typed);
      const count = Object.values(result.deleted).reduce((a, b) => a + b, 0);
      onDeleted(t('privacy.deleted', { name: result.studentName, count }));
    } catch (e) {
      setStatus({ message: failure(e, t), tone: 'danger' });
      setBusy(false);
    }
  };
  return (
    <Modal open onDismiss={onClose} label={t('privacy.confirm.title', { name: student.name })} size="small" shouldCloseOnDocumentClick={false}>
      <form onSubmit={submit} noValidate>
        <Modal.Header>
          <Heading level="h2">{t('privacy.confirm.title', { name: student.name })}</Heading>
        </Modal.Header>
        <Modal.Body>
          <Text as="p">{t('privacy.confirm.body', { name: student.name })}</Text>
          <TextInput
            id="privacy-confirm-name"
            renderLabel={t('privacy.confirm.name')}
            value={typed}
            autoComplete="off"
            onChange={(_e, value) => setTyped(value)}
            messages={messagesFor(error ? [error] : undefined)}
          />
          <FormStatus message={status.message} tone={status.tone} />
        </Modal.Body>
        <Modal.Footer>
          <Button onClick={onClose} margin="0 x-small 0 0">
            {t('privacy.confirm.cancel')}
          </Button>
          <Button type="submit" color="danger" interaction={busy ? 'disabled' : 'enabled'}>
            {t('privacy.confirm.submit')}
          </Button>
        </Modal.Footer>
      </form>
    </Modal>
  );
}

/**
 * The district's own data, for its admins: export everything in one file, and delete one student's data on
 * request (found by name or LMS user id, confirmed by typing the name). Lists the requests carried out.
 */
export function DistrictDataPanel() {
  const { t, locale } = useI18n();
  const [events, retryEvents] = useResource(loadEvents);
  const [q, setQ] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [matches, setMatches] = useState<StudentMatch[]>([]);
  const [queryError, setQueryError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(idle);
  const [confirming, setConfirming] = useState<StudentMatch | null>(null);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    if (q.trim().length < 2) {
      setQueryError(t('privacy.search.tooShort'));
      return;
    }
    setQueryError(null);
    setStatus(idle);
    try {
      setMatches(await privacyApi.findStudents(q.trim()));
      setSearched(q.trim());
    } catch (e) {
      setStatus({ message: failure(e, t), tone: 'danger' });
    }
  };

  return (
    <>
      <Heading level="h2" variant="titleSection" margin="x-large 0 small 0">
        {t('privacy.heading')}
      </Heading>
      <Heading level="h3" variant="titleCardMini" margin="small 0 xx-small 0">
        {t('privacy.export.heading')}
      </Heading>
      <Text as="p">{t('privacy.export.intro')}</Text>
      <ExportButton onDone={retryEvents} />

      <Heading level="h3" variant="titleCardMini" margin="medium 0 xx-small 0">
        {t('privacy.delete.heading')}
      </Heading>
      <Text as="p">{t('privacy.delete.intro')}</Text>
      <form onSubmit={search} noValidate role="search" aria-label={t('privacy.delete.heading')}>
        <div style={row}>
          <TextInput
            id="privacy-search"
            renderLabel={t('privacy.search.label')}
            value={q}
            onChange={(_e, value) => setQ(value)}
            messages={messagesFor(queryError ? [queryError] : undefined)}
          />
          <Button type="submit">{t('privacy.search.button')}</Button>
        </div>
      </form>
      <FormStatus message={status.message} tone={status.tone} />
      {searched !== null && matches.length === 0 ? <Text as="p">{t('privacy.search.none', { q: searched })}</Text> : null}
      {matches.length > 0 ? (
        <ScrollArea label={t('privacy.search.caption')}>
          <Table caption={t('privacy.search.caption')} layout="auto">
            <Table.Head>
              <Table.Row>
                <Table.ColHeader id="privacy-col-name">{t('privacy.col.name')}</Table.ColHeader>
                <Table.ColHeader id="privacy-col-courses">{t('privacy.col.courses')}</Table.ColHeader>
                <Table.ColHeader id="privacy-col-last">{t('privacy.col.lastLaunch')}</Table.ColHeader>
                <Table.ColHeader id="privacy-col-actions">{t('privacy.col.actions')}</Table.ColHeader>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {matches.map((m) => (
                <Table.Row key={m.id}>
                  <Table.RowHeader>
                    {m.name}
                    <Text as="div" size="small" color="secondary">
                      {m.ltiSubject}
                    </Text>
                  </Table.RowHeader>
                  <Table.Cell>{m.courses.join(', ')}</Table.Cell>
                  <Table.Cell>{m.lastLaunchAt ? formatDay(m.lastLaunchAt, locale) : ''}</Table.Cell>
                  <Table.Cell>
                    <Button size="small" color="danger" onClick={() => setConfirming(m)}>
                      {t('privacy.delete.button', { name: m.name })}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollArea>
      ) : null}
      {confirming ? (
        <ConfirmDeletion
          student={confirming}
          onClose={() => setConfirming(null)}
          onDeleted={(message) => {
            setMatches((list) => list.filter((m) => m.id !== confirming.id));
            setConfirming(null);
            setStatus({ message, tone: 'success' });
            retryEvents();
          }}
        />
      ) : null}

      <Heading level="h3" variant="titleCardMini" margin="medium 0 xx-small 0">
        {t('privacy.events.heading')}
      </Heading>
      <ResourceView resource={events} onRetry={retryEvents}>
        {(list) =>
          list.length === 0 ? (
            <Text as="p" color="secondary">
              {t('privacy.events.empty')}
            </Text>
          ) : (
            <List isUnstyled itemSpacing="xx-small">
              {list.map((e) => (
                <List.Item key={`${e.action}-${e.at}`}>
                  {e.action === 'export'
                    ? t('privacy.events.export', { date: formatDay(e.at, locale), actor: e.actorName })
                    : t('privacy.events.delete', { date: formatDay(e.at, locale), actor: e.actorName, name: e.subjectName ?? '' })}
                </List.Item>
              ))}
            </List>
          )
        }
      </ResourceView>
    </>
  );
}

export default DistrictDataPanel;
