import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { SimpleSelect } from '@instructure/ui-simple-select/v11_6';
import { Table } from '@instructure/ui-table/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { TextInput } from '@instructure/ui-text-input/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { parentLinkCreateSchema, type CreatedParentLink, type ParentLinkView } from '../../../../shared/api/parent-links';
import type { Locale } from '../../../../shared/roles';
import { isApiFailure } from '../../api';
import { parentLinksApi } from '../../api/parentLinks';
import { useResource } from '../../api/useResource';
import { messagesFor } from '../../forms/fieldErrors';
import { useI18n, useT, type Translate } from '../../i18n';
import { formatDay } from '../AnnualReviewSignoffs/formatDay';
import { FormStatus } from '../FormStatus';
import { ResourceView } from '../ResourceView';
import { ScrollArea } from '../PlanParts';
import type { ParentLinksPanelProps } from './props';

type Status = { message: string | null; tone: 'info' | 'success' | 'danger' };
const idle: Status = { message: null, tone: 'info' };
const DAY_CHOICES = [7, 14, 30, 60] as const;
const stack = { display: 'grid', gap: '0.75rem', maxWidth: '40rem' } as const;
const fieldsetStyle = { border: '1px solid #c7cdd1', borderRadius: '0.5rem', margin: '0.75rem 0', padding: '0.75rem 1rem', minWidth: 0 } as const;
const legendStyle = { padding: '0 0.25rem', fontWeight: 700 } as const;

const failure = (e: unknown, t: Translate) => (isApiFailure(e) && e.kind === 'network' ? t('plinks.failed.offline') : t('plinks.failed.other'));

function statusText(link: ParentLinkView, t: Translate, locale: string): string {
  if (link.status === 'revoked' && link.revokedAt) return t('plinks.status.revoked', { date: formatDay(link.revokedAt, locale) });
  if (link.status === 'expired') return t('plinks.status.expired', { date: formatDay(link.expiresAt, locale) });
  return t('plinks.status.active', { date: formatDay(link.expiresAt, locale) });
}

/** The new link, shown once, with a copy button (the clipboard may be blocked in the LMS frame: then select it). */
function CreatedLink({ link }: { link: CreatedParentLink }) {
  const t = useT();
  const [status, setStatus] = useState<Status>(idle);
  const input = useRef<HTMLInputElement | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      setStatus({ message: t('plinks.copied'), tone: 'success' });
    } catch {
      input.current?.select();
      setStatus({ message: t('plinks.copyFailed'), tone: 'info' });
    }
  };
  return (
    <View as="div" borderWidth="small" borderRadius="medium" padding="small medium" margin="small 0" background="secondary">
      <Text as="p" weight="bold">
        {t('plinks.created', { name: link.guardianName })}
      </Text>
      <div style={stack}>
        <TextInput
          renderLabel={t('plinks.created.label', { name: link.guardianName })}
          value={link.url}
          interaction="readonly"
          inputRef={(el) => {
            input.current = el;
          }}
          onFocus={(e) => e.currentTarget.select()}
        />
        <div>
          <Button onClick={() => void copy()}>{t('plinks.copy')}</Button>
        </div>
      </div>
      <FormStatus message={status.message} tone={status.tone} />
    </View>
  );
}

/**
 * Links for parents and guardians without an LMS account (server/parents): make one for a name, copy it once, see
 * when each was last opened, and turn any of them off.
 */
export function ParentLinksPanel({ studentId, defaultLocale }: ParentLinksPanelProps) {
  const { t, locale } = useI18n();
  const load = useRef((signal: AbortSignal) => parentLinksApi.list(studentId, { signal })).current;
  const [links, retry, replace] = useResource(load);
  const [name, setName] = useState('');
  const [linkLocale, setLinkLocale] = useState<Locale>(defaultLocale);
  const [days, setDays] = useState<number>(14);
  const [nameError, setNameError] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(idle);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedParentLink | null>(null);
  const list = links.status === 'ready' ? links.data : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = parentLinkCreateSchema.safeParse({ guardianName: name, locale: linkLocale, expiresInDays: days });
    if (!parsed.success) {
      setNameError(t('plinks.form.nameError'));
      setStatus({ message: t('plinks.form.invalid'), tone: 'danger' });
      document.getElementById('plink-name')?.focus();
      return;
    }
    setNameError(null);
    setBusy(true);
    setStatus({ message: t('plinks.form.sending'), tone: 'info' });
    try {
      const link = await parentLinksApi.create(studentId, parsed.data);
      setCreated(link);
      replace([link, ...list]);
      setName('');
      setStatus(idle);
    } catch (e) {
      setStatus({ message: failure(e, t), tone: 'danger' });
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (link: ParentLinkView) => {
    try {
      const updated = await parentLinksApi.revoke(studentId, link.id);
      replace(list.map((l) => (l.id === updated.id ? updated : l)));
      if (created?.id === link.id) setCreated(null);
      setStatus({ message: t('plinks.revoked', { name: link.guardianName }), tone: 'success' });
    } catch (e) {
      setStatus({ message: failure(e, t), tone: 'danger' });
    }
  };

  return (
    <View as="section" aria-labelledby="plinks-heading" display="block" margin="large 0 0 0">
      <Heading level="h2" variant="titleSection" id="plinks-heading" margin="0 0 small 0">
        {t('plinks.heading')}
      </Heading>
      <Text as="p">{t('plinks.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <fieldset style={fieldsetStyle}>
          <legend style={legendStyle}>{t('plinks.form.legend')}</legend>
          <div style={stack}>
            <TextInput
              id="plink-name"
              renderLabel={t('plinks.form.name')}
              value={name}
              isRequired
              onChange={(_e, value) => setName(value)}
              messages={messagesFor(nameError ? [nameError] : undefined)}
            />
            <SimpleSelect renderLabel={t('plinks.form.language')} value={linkLocale} onChange={(_e, { value }) => value === 'es' || value === 'en' ? setLinkLocale(value) : undefined}>
              <SimpleSelect.Option id="plink-en" value="en">
                English
              </SimpleSelect.Option>
              <SimpleSelect.Option id="plink-es" value="es">
                Español
              </SimpleSelect.Option>
            </SimpleSelect>
            <SimpleSelect renderLabel={t('plinks.form.days')} value={days} onChange={(_e, { value }) => (typeof value === 'number' ? setDays(value) : undefined)}>
              {DAY_CHOICES.map((d) => (
                <SimpleSelect.Option key={d} id={`plink-days-${d}`} value={d}>
                  {t('plinks.form.daysOption', { days: d })}
                </SimpleSelect.Option>
              ))}
            </SimpleSelect>
            <div>
              <Button type="submit" color="primary" interaction={busy ? 'disabled' : 'enabled'}>
                {t('plinks.form.submit')}
              </Button>
            </div>
          </div>
        </fieldset>
      </form>
      <FormStatus message={status.message} tone={status.tone} />
      {created ? <CreatedLink link={created} /> : null}
      <ResourceView resource={links} onRetry={retry}>
        {(data) =>
          data.length === 0 ? (
            <Text as="p" color="secondary">
              {t('plinks.list.empty')}
            </Text>
          ) : (
            <ScrollArea label={t('plinks.list.caption')}>
              <Table caption={t('plinks.list.caption')} layout="auto">
                <Table.Head>
                  <Table.Row>
                    <Table.ColHeader id="plink-col-name">{t('plinks.list.name')}</Table.ColHeader>
                    <Table.ColHeader id="plink-col-status">{t('plinks.list.status')}</Table.ColHeader>
                    <Table.ColHeader id="plink-col-used">{t('plinks.list.lastUsed')}</Table.ColHeader>
                    <Table.ColHeader id="plink-col-actions">{t('plinks.list.actions')}</Table.ColHeader>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.map((link) => (
                    <Table.Row key={link.id}>
                      <Table.RowHeader>{link.guardianName}</Table.RowHeader>
                      <Table.Cell>{statusText(link, t, locale)}</Table.Cell>
                      <Table.Cell>{link.lastUsedAt ? formatDay(link.lastUsedAt, locale) : t('plinks.never')}</Table.Cell>
                      <Table.Cell>
                        {link.status === 'active' ? (
                          <Button size="small" color="secondary" onClick={() => void revoke(link)}>
                            {t('plinks.revoke', { name: link.guardianName })}
                          </Button>
                        ) : null}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollArea>
          )
        }
      </ResourceView>
    </View>
  );
}

export default ParentLinksPanel;
