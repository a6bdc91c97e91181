import { useRef, useState } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Link } from '@instructure/ui-link/v11_6';
import { SimpleSelect } from '@instructure/ui-simple-select/v11_6';
import { Table } from '@instructure/ui-table/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { PROGRESS_STATUSES, type ClassDashboardView, type ProgressStatus } from '../../../../shared/api/activities';
import { isApiFailure } from '../../api';
import { DASHBOARD_SORTS, activitiesApi, type DashboardSort } from '../../api/activities';
import { useI18n, type MessageKey } from '../../i18n';
import { focusHeading, studentHref } from '../../routing/hashRoute';
import { ProgressStatusText, SyncStateText, statusLabel, syncLabel } from '../ActivityStatus';
import type { ClassDashboardProps } from './props';
import { RemovePlacementDialog, type RemoveOutcome } from './RemovePlacementDialog';
import { markRemoved, useRemovedPlacements } from './removedPlacements';

type Row = ClassDashboardView['students'][number];
type Cell = Row['progress'][string];
const EMPTY_CELL: Cell = { status: 'not_started', sync: 'none', syncError: null, updatedAt: null };
const ALL = 'all';

const sortLabel: Record<DashboardSort, MessageKey> = {
  name: 'dashboard.sort.name',
  lastActivity: 'dashboard.sort.lastActivity',
  progress: 'dashboard.sort.progress',
};

export function formatDate(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

const syncDomId = (userId: string, placementId: string) => `sync-${userId}-${placementId}`;
const filtersStyle = { display: 'flex', flexWrap: 'wrap', gap: '1rem 1.5rem', alignItems: 'flex-end' } as const;
const syncStyle = { outline: 'none', display: 'flex', flexDirection: 'column', alignItems: 'flex-start' } as const;
const cellStyle = { display: 'flex', flexDirection: 'column', gap: '0.125rem', alignItems: 'flex-start', minWidth: '9rem' } as const;

/** The class view: every student of the course by placed activity, with status, grade sync and filters. */
export function ClassDashboard({ data, allPlacements, filters, onFiltersChange, onRefreshRoster, loading, failure, onSyncChange }: ClassDashboardProps) {
  const { t, locale } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const [retrying, setRetrying] = useState<string | null>(null);
  const refreshButton = useRef<HTMLElement | null>(null);
  const [removing, setRemoving] = useState<{ id: string; title: string } | null>(null);
  const focusAfterDialog = useRef(false);
  const removed = useRemovedPlacements();
  const { students, roster } = data;
  // Activities removed since this view was loaded are hidden until the next load (which no longer lists them).
  const placements = data.placements.filter((p) => !removed.has(p.id));
  const activityOptions = allPlacements.filter((p) => !removed.has(p.id));
  const neverOpened = students.filter((s) => !s.launched).length;

  const retry = async (row: Row, placement: ClassDashboardView['placements'][number]) => {
    if (!row.userId) return;
    const key = `${row.userId}:${placement.id}`;
    setRetrying(key);
    setAnnouncement(t('dashboard.retry.working', { student: row.name, activity: placement.title }));
    try {
      const result = await activitiesApi.retrySync(placement.id, row.userId);
      onSyncChange(row.userId, placement.id, { sync: result.sync, syncError: result.syncError });
      setAnnouncement(t('dashboard.retry.done', { student: row.name, activity: placement.title, state: t(syncLabel[result.sync]) }));
    } catch (e) {
      setAnnouncement(
        isApiFailure(e) && e.kind === 'network'
          ? t('dashboard.retry.offline')
          : t('dashboard.retry.failed', { student: row.name, activity: placement.title }),
      );
    } finally {
      setRetrying(null);
      // The button is gone when the sync is no longer failed: keep focus in the cell.
      requestAnimationFrame(() => {
        const target = document.getElementById(syncDomId(row.userId ?? '', placement.id));
        if (target && !target.contains(document.activeElement)) {
          const button = target.querySelector<HTMLElement>('button');
          (button ?? target).focus();
        }
      });
    }
  };

  const removedDone = (placementId: string, outcome: RemoveOutcome) => {
    const title = outcome.kind === 'removed' ? outcome.result.title : (removing?.title ?? '');
    markRemoved(placementId);
    focusAfterDialog.current = true;
    setRemoving(null);
    setAnnouncement(outcome.kind === 'removed' ? t('dashboard.remove.done', { activity: title }) : t('dashboard.remove.already', { activity: title }));
    // Filtered to the removed activity: show every activity again (that load no longer lists it).
    if (filters.activity === placementId) onFiltersChange({ ...filters, activity: null });
  };
  const dialogExited = () => {
    // The column and its button are gone: start again from the page heading (the announcement says what happened).
    if (focusAfterDialog.current) {
      focusAfterDialog.current = false;
      focusHeading();
    }
  };

  const rosterNote = () => {
    if (roster.source === 'nrps') {
      const when = formatDate(roster.fetchedAt, locale);
      return when ? t('dashboard.roster.nrps', { time: when }) : t('dashboard.roster.nrpsNoTime');
    }
    return t('dashboard.roster.launches');
  };

  const failureText = failure
    ? failure.kind === 'network'
      ? t('dashboard.error.offline')
      : failure.status === 400 && failure.body?.fields?.activity
        ? t('dashboard.error.activityGone')
        : t('dashboard.error.reload')
    : null;

  return (
    <>
      <Heading level="h1" margin="0 0 xx-small 0">
        {data.context.title}
      </Heading>
      <Text as="p" size="large" color="secondary">
        {t('dashboard.subtitle')}
      </Text>

      <View as="section" aria-labelledby="dashboard-roster-heading" display="block" margin="medium 0">
        <Heading level="h2" variant="titleSection" id="dashboard-roster-heading" margin="0 0 x-small 0">
          {t('dashboard.roster.heading')}
        </Heading>
        <Text as="p" size="small">
          {rosterNote()} {t('dashboard.summary', { count: students.length, never: neverOpened })}
        </Text>
        {roster.error ? (
          <Text as="p" size="small" color="danger">
            {t('dashboard.roster.error', { error: roster.error })}
          </Text>
        ) : null}
        <Button
          margin="x-small 0 0 0"
          onClick={onRefreshRoster}
          interaction={loading ? 'disabled' : 'enabled'}
          elementRef={(el) => {
            refreshButton.current = el instanceof HTMLElement ? el : null;
          }}
        >
          {t('dashboard.refresh')}
        </Button>
      </View>

      <div style={filtersStyle}>
        <SimpleSelect
          renderLabel={t('dashboard.filter.status')}
          value={filters.status ?? ALL}
          width="14rem"
          onChange={(_e, { value }) => onFiltersChange({ ...filters, status: value === ALL ? null : (value as ProgressStatus) })}
        >
          <SimpleSelect.Option id="status-all" value={ALL}>
            {t('dashboard.filter.allStatuses')}
          </SimpleSelect.Option>
          {PROGRESS_STATUSES.map((s) => (
            <SimpleSelect.Option key={s} id={`status-${s}`} value={s}>
              {t(statusLabel[s])}
            </SimpleSelect.Option>
          ))}
        </SimpleSelect>
        <SimpleSelect
          renderLabel={t('dashboard.filter.activity')}
          value={filters.activity ?? ALL}
          width="18rem"
          onChange={(_e, { value }) => onFiltersChange({ ...filters, activity: value === ALL ? null : String(value) })}
        >
          <SimpleSelect.Option id="activity-all" value={ALL}>
            {t('dashboard.filter.allActivities')}
          </SimpleSelect.Option>
          {activityOptions.map((p) => (
            <SimpleSelect.Option key={p.id} id={`activity-${p.id}`} value={p.id}>
              {p.title}
            </SimpleSelect.Option>
          ))}
        </SimpleSelect>
        <SimpleSelect
          renderLabel={t('dashboard.sort')}
          value={filters.sort}
          width="12rem"
          onChange={(_e, { value }) => onFiltersChange({ ...filters, sort: value as DashboardSort })}
        >
          {DASHBOARD_SORTS.map((s) => (
            <SimpleSelect.Option key={s} id={`sort-${s}`} value={s}>
              {t(sortLabel[s])}
            </SimpleSelect.Option>
          ))}
        </SimpleSelect>
      </div>

      <View as="div" role="status" aria-live="polite" display="block" margin="small 0" minHeight="1.5rem">
        {loading ? (
          <Text color="secondary">{t('dashboard.loading')}</Text>
        ) : failureText ? (
          <Text color="danger" weight="bold">
            {failureText}
          </Text>
        ) : (
          <Text color="secondary">{announcement || t('dashboard.showing', { count: students.length })}</Text>
        )}
      </View>

      <RemovePlacementDialog placement={removing} onCancel={() => setRemoving(null)} onDone={removedDone} onExited={dialogExited} />

      {/* Without activities the roster still shows who is in the course and who has opened the tool. */}
      {placements.length === 0 && <Text as="p">{t('dashboard.noActivities')}</Text>}
      {students.length === 0 ? (
        <Text as="p">{filters.status ? t('dashboard.noMatch') : t('dashboard.noStudents')}</Text>
      ) : (
        <View as="div" overflowX="auto" tabIndex={0} role="region" aria-label={t('dashboard.tableRegion')} borderWidth="small" borderRadius="medium">
          <Table caption={t('dashboard.caption', { course: data.context.title })} margin="0">
            <Table.Head>
              <Table.Row>
                {[
                  <Table.ColHeader key="student" id="col-student">
                    {t('dashboard.col.student')}
                  </Table.ColHeader>,
                  <Table.ColHeader key="last" id="col-last">
                    {t('dashboard.col.lastActivity')}
                  </Table.ColHeader>,
                  ...placements.map((p) => (
                    <Table.ColHeader key={p.id} id={`col-${p.id}`}>
                      {p.title}
                      <Text as="div" size="small" weight="normal" color="secondary">
                        {p.points > 0 ? t('teacher.points', { points: p.points }) : t('teacher.notGraded')}
                      </Text>
                      <Button
                        size="small"
                        margin="xx-small 0 0 0"
                        aria-label={t('dashboard.remove.label', { activity: p.title })}
                        aria-haspopup="dialog"
                        onClick={() => setRemoving({ id: p.id, title: p.title })}
                      >
                        {t('dashboard.remove.button')}
                      </Button>
                    </Table.ColHeader>
                  )),
                ]}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {students.map((row) => (
                <Table.Row key={row.userId ?? row.ltiSubject}>
                  {[
                  <Table.RowHeader key="name">
                    {row.userId ? (
                      <Link href={studentHref(row.userId)} isWithinText={false}>
                        {row.name}
                      </Link>
                    ) : (
                      <Text>{row.name}</Text>
                    )}
                    {row.launched ? null : (
                      <Text as="div" size="small" color="secondary" weight="normal">
                        {t('dashboard.neverOpened')}
                      </Text>
                    )}
                  </Table.RowHeader>,
                  <Table.Cell key="last">
                    <Text size="small">{formatDate(row.lastActivityAt, locale) ?? t('dashboard.noActivity')}</Text>
                  </Table.Cell>,
                  ...placements.map((p) => {
                    const cell = row.progress[p.id] ?? EMPTY_CELL;
                    const busy = retrying === `${row.userId}:${p.id}`;
                    return (
                      <Table.Cell key={p.id}>
                        <div style={cellStyle}>
                          <ProgressStatusText status={cell.status} size="small" />
                          <div id={row.userId ? syncDomId(row.userId, p.id) : undefined} tabIndex={-1} style={syncStyle}>
                            <SyncStateText sync={cell.sync} error={cell.syncError} />
                            {cell.sync === 'failed' && row.userId ? (
                              <Button
                                size="small"
                                margin="xx-small 0 0 0"
                                interaction={busy ? 'disabled' : 'enabled'}
                                aria-label={t('dashboard.retry.label', { student: row.name, activity: p.title })}
                                onClick={() => void retry(row, p)}
                              >
                                {t('dashboard.retry.button')}
                              </Button>
                            ) : null}
                          </div>
                          {cell.status === 'submitted' && row.userId ? (
                            <Link href={studentHref(row.userId)} isWithinText={false}>
                              <Text size="small">{t('dashboard.review')}</Text>
                              <span style={visuallyHidden}>{` ${t('dashboard.reviewWhat', { student: row.name, activity: p.title })}`}</span>
                            </Link>
                          ) : null}
                        </div>
                      </Table.Cell>
                    );
                  }),
                  ]}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </View>
      )}
    </>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

export default ClassDashboard;
