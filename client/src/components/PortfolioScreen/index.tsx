import { useRef, useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { FileDrop } from '@instructure/ui-file-drop/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Modal } from '@instructure/ui-modal/v11_6';
import { SimpleSelect } from '@instructure/ui-simple-select/v11_6';
import { Table } from '@instructure/ui-table/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { TextInput } from '@instructure/ui-text-input/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { ARTIFACT_LIMITS, ARTIFACT_TYPES, type ArtifactView } from '../../../../shared/api/plan';
import { isApiFailure, type ApiFailure } from '../../api';
import { saveBlob } from '../../api/client';
import { planApi } from '../../api/plan';
import { useResource } from '../../api/useResource';
import { focusFirstError, messagesFor, type FieldErrors } from '../../forms/fieldErrors';
import { useI18n, type MessageKey } from '../../i18n';
import { FormStatus } from '../FormStatus';
import { ResourceView } from '../ResourceView';
import type { PlanScreenProps } from '../PlanShell/props';
import { ScrollArea } from '../PlanParts';

type ArtifactType = (typeof ARTIFACT_TYPES)[number];
type Field = 'type' | 'title' | 'file';
const ids: Record<Field, string> = { type: 'artifact-type', title: 'artifact-title', file: 'artifact-file' };
const loadArtifacts = (signal: AbortSignal) => planApi.artifacts({ signal });
const MAX_MB = Math.round(ARTIFACT_LIMITS.maxBytes / (1024 * 1024));

/** Human size: "1.2 MB", "340 KB". */
export function formatSize(bytes: number, locale: string): string {
  const f = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${f(bytes / (1024 * 1024))} MB`;
  return `${f(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

function isAllowedType(file: File) {
  return (ARTIFACT_LIMITS.mimeTypes as readonly string[]).includes(file.type);
}

type Status = { message: string | null; tone: 'info' | 'success' | 'danger' };

/** Portfolio: upload artifacts (type, title, file; checked before upload), list, download, delete with confirmation. */
export function PortfolioScreen(_props: PlanScreenProps) {
  const { t, locale } = useI18n();
  const [artifacts, retry, replace] = useResource(loadArtifacts);
  const [type, setType] = useState<ArtifactType>('resume');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [status, setStatus] = useState<Status>({ message: null, tone: 'info' });
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<ArtifactView | null>(null);
  const [listStatus, setListStatus] = useState<Status>({ message: null, tone: 'info' });
  const loc = locale === 'es' ? 'es-US' : 'en-US';
  const fileInput = useRef<HTMLInputElement | null>(null);

  const failureMessage = (e: ApiFailure, fallback: MessageKey) => {
    if (e.kind === 'network') return t('portfolio.offline');
    if (e.status === 413) return t('portfolio.error.tooBig', { max: MAX_MB });
    if (e.status === 415) return t('portfolio.error.type');
    if (e.status === 409) return t('portfolio.error.limit');
    return t(fallback);
  };

  const pick = (files: ArrayLike<DataTransferItem | File>) => {
    const f = files[0];
    if (!(f instanceof File)) return;
    const next: FieldErrors<Field> = { ...errors, file: undefined };
    if (!isAllowedType(f)) next.file = [t('portfolio.error.type')];
    else if (f.size > ARTIFACT_LIMITS.maxBytes) next.file = [t('portfolio.error.tooBigFile', { size: formatSize(f.size, loc), max: MAX_MB })];
    else if (f.size === 0) next.file = [t('portfolio.error.empty')];
    setErrors(next);
    setFile(next.file ? null : f);
    if (!title.trim() && !next.file) setTitle(f.name.replace(/\.[^.]+$/, '').slice(0, 120));
  };

  const submit = async (e: FormEvent, onAdded: (a: ArtifactView) => void) => {
    e.preventDefault();
    const found: FieldErrors<Field> = {};
    if (!title.trim()) found.title = [t('form.error.required')];
    else if (title.trim().length > 120) found.title = [t('form.error.tooLong', { max: '120' })];
    if (!file) found.file = errors.file ?? [t('portfolio.error.noFile')];
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus({ message: t('portfolio.status.invalid'), tone: 'danger' });
      focusFirstError(['type', 'title', 'file'] as const, found, (f) => ids[f]);
      return;
    }
    setBusy(true);
    setStatus({ message: t('portfolio.status.uploading'), tone: 'info' });
    try {
      const created = await planApi.uploadArtifact(type, title.trim(), file as File);
      onAdded(created);
      setTitle('');
      setFile(null);
      setStatus({ message: t('portfolio.status.uploaded', { title: created.title }), tone: 'success' });
    } catch (err) {
      if (!isApiFailure(err)) throw err;
      const message = failureMessage(err, 'portfolio.error.upload');
      if (err.status === 413 || err.status === 415) {
        setErrors({ file: [message] });
        focusFirstError(['file'] as const, { file: [message] }, (f) => ids[f]);
      }
      setStatus({ message, tone: 'danger' });
    } finally {
      setBusy(false);
    }
  };

  const download = async (a: ArtifactView) => {
    setListStatus({ message: t('portfolio.status.downloading', { title: a.title }), tone: 'info' });
    try {
      saveBlob(await planApi.downloadArtifact(a.id), a.filename);
      setListStatus({ message: null, tone: 'info' });
    } catch (err) {
      if (!isApiFailure(err)) throw err;
      setListStatus({ message: failureMessage(err, 'portfolio.error.download'), tone: 'danger' });
    }
  };

  const remove = async (a: ArtifactView, list: ArtifactView[]) => {
    setConfirm(null);
    try {
      await planApi.deleteArtifact(a.id);
      replace(list.filter((x) => x.id !== a.id));
      setListStatus({ message: t('portfolio.status.deleted', { title: a.title }), tone: 'success' });
      setTimeout(() => document.getElementById('portfolio-heading')?.focus(), 0);
    } catch (err) {
      if (!isApiFailure(err)) throw err;
      setListStatus({ message: failureMessage(err, 'portfolio.error.delete'), tone: 'danger' });
    }
  };

  return (
    <>
      <Heading level="h1">{t('nav.portfolio')}</Heading>
      <Text as="p">{t('portfolio.intro')}</Text>
      <ResourceView resource={artifacts} onRetry={retry}>
        {(list) => (
          <>
            <Heading level="h2" margin="large 0 small 0">
              {t('portfolio.upload.heading')}
            </Heading>
            <form noValidate onSubmit={(e) => void submit(e, (a) => replace([a, ...list]))}>
              <div style={{ display: 'grid', gap: '1rem', maxWidth: '40rem' }}>
                <SimpleSelect
                  id={ids.type}
                  renderLabel={t('portfolio.type')}
                  value={type}
                  onChange={(_e, { value }) => typeof value === 'string' && setType(value as ArtifactType)}
                >
                  {ARTIFACT_TYPES.map((a) => (
                    <SimpleSelect.Option key={a} id={`artifact-type-${a}`} value={a}>
                      {t(`enum.artifact.${a}` as MessageKey)}
                    </SimpleSelect.Option>
                  ))}
                </SimpleSelect>
                <TextInput id={ids.title} renderLabel={t('portfolio.title')} value={title} isRequired onChange={(_e, v) => setTitle(v)} messages={messagesFor(errors.title)} />
                <FileDrop
                  id={ids.file}
                  accept={[...ARTIFACT_LIMITS.mimeTypes]}
                  inputRef={(el) => {
                    fileInput.current = el;
                  }}
                  onDropAccepted={(files) => pick(files)}
                  onDropRejected={() => {
                    setFile(null);
                    setErrors({ ...errors, file: [t('portfolio.error.type')] });
                  }}
                  messages={messagesFor(errors.file, t('portfolio.file.hint', { max: MAX_MB }))}
                  renderLabel={
                    <View as="div" padding="medium" textAlign="center">
                      <Text as="p" weight="bold">
                        {file ? t('portfolio.file.chosen', { name: file.name, size: formatSize(file.size, loc) }) : t('portfolio.file.label')}
                      </Text>
                      <Text as="p" size="small">
                        {t('portfolio.file.types')}
                      </Text>
                    </View>
                  }
                />
              </div>
              <View as="div" margin="medium 0 0 0">
                <Button type="submit" color="primary" interaction={busy ? 'disabled' : 'enabled'}>
                  {t('portfolio.upload.button')}
                </Button>
              </View>
              <FormStatus message={status.message} tone={status.tone} />
            </form>

            <Heading level="h2" id="portfolio-heading" margin="large 0 small 0" tabIndex={-1}>
              {t('portfolio.list.heading')}
            </Heading>
            <FormStatus message={listStatus.message} tone={listStatus.tone} />
            {list.length === 0 ? (
              <Text as="p">{t('portfolio.list.empty')}</Text>
            ) : (
              <ScrollArea label={t('portfolio.list.caption')}>
                <Table caption={t('portfolio.list.caption')} layout="auto">
                  <Table.Head>
                    <Table.Row>
                      <Table.ColHeader id="art-title">{t('portfolio.title')}</Table.ColHeader>
                      <Table.ColHeader id="art-type">{t('portfolio.type')}</Table.ColHeader>
                      <Table.ColHeader id="art-file">{t('portfolio.list.file')}</Table.ColHeader>
                      <Table.ColHeader id="art-date">{t('portfolio.list.uploaded')}</Table.ColHeader>
                      <Table.ColHeader id="art-actions">{t('portfolio.list.actions')}</Table.ColHeader>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {list.map((a) => (
                      <Table.Row key={a.id}>
                        <Table.RowHeader>{a.title}</Table.RowHeader>
                        <Table.Cell>{t(`enum.artifact.${a.type}` as MessageKey)}</Table.Cell>
                        <Table.Cell>{`${a.filename} (${formatSize(a.size, loc)})`}</Table.Cell>
                        <Table.Cell>{new Date(a.uploadedAt).toLocaleDateString(loc)}</Table.Cell>
                        <Table.Cell>
                          <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
                            <Button size="small" onClick={() => void download(a)}>
                              {t('portfolio.download', { title: a.title })}
                            </Button>
                            <Button size="small" color="danger" onClick={() => setConfirm(a)}>
                              {t('portfolio.delete', { title: a.title })}
                            </Button>
                          </div>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </ScrollArea>
            )}
            <Modal open={confirm !== null} onDismiss={() => setConfirm(null)} label={t('portfolio.confirm.title')} size="small" shouldCloseOnDocumentClick={false}>
              <Modal.Header>
                <Heading level="h2">{t('portfolio.confirm.title')}</Heading>
              </Modal.Header>
              <Modal.Body>
                <Text as="p">{t('portfolio.confirm.body', { title: confirm?.title ?? '' })}</Text>
              </Modal.Body>
              <Modal.Footer>
                <Button onClick={() => setConfirm(null)} margin="0 x-small 0 0">
                  {t('portfolio.confirm.cancel')}
                </Button>
                <Button color="danger" onClick={() => confirm && void remove(confirm, list)}>
                  {t('portfolio.confirm.delete')}
                </Button>
              </Modal.Footer>
            </Modal>
          </>
        )}
      </ResourceView>
    </>
  );
}

export default PortfolioScreen;
