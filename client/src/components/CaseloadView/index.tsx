import { useEffect, useMemo, useState } from 'react';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Link } from '@instructure/ui-link/v11_6';
import { SimpleSelect } from '@instructure/ui-simple-select/v11_6';
import { Table } from '@instructure/ui-table/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { REVIEW_STAGES, type CaseloadView as CaseloadData, type ReviewStage } from '../../../../shared/api/caseload';
import { caseloadApi } from '../../api/caseload';
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { caseloadStudentHref, focusHeading } from '../../routing/hashRoute';
import { formatDay } from '../AnnualReviewSignoffs/formatDay';
import { ResourceView } from '../ResourceView';
import { ScrollArea } from '../PlanParts';
import type { CaseloadViewProps } from './props';

const loadCaseload = (signal: AbortSignal) => caseloadApi.caseload({ signal });
const filters = { display: 'flex', gap: '1rem', flexWrap: 'wrap', margin: '0.75rem 0' } as const;

function Students({ data }: { data: CaseloadData }) {
  const { t, locale } = useI18n();
  const [stage, setStage] = useState<ReviewStage | 'all'>('all');
  const [school, setSchool] = useState<string>('all');
  const shown = useMemo(
    () => data.students.filter((s) => (stage === 'all' || s.stage === stage) && (school === 'all' || s.schools.includes(school))),
    [data.students, stage, school],
  );
  const schoolNames = data.schools.map((s) => s.name);
  return (
    <>
      <Text as="p">{t('caseload.intro', { schools: schoolNames.join(', '), year: data.schoolYear })}</Text>
      <div style={filters}>
        <SimpleSelect renderLabel={t('caseload.filter.stage')} value={stage} onChange={(_e, { value }) => setStage(String(value) as ReviewStage | 'all')}>
          <SimpleSelect.Option id="caseload-stage-all" value="all">
            {t('caseload.filter.all')}
          </SimpleSelect.Option>
          {REVIEW_STAGES.map((s) => (
            <SimpleSelect.Option key={s} id={`caseload-stage-${s}`} value={s}>
              {t(`caseload.stage.${s}`)}
            </SimpleSelect.Option>
          ))}
        </SimpleSelect>
        {schoolNames.length > 1 ? (
          <SimpleSelect renderLabel={t('caseload.filter.school')} value={school} onChange={(_e, { value }) => setSchool(String(value))}>
            <SimpleSelect.Option id="caseload-school-all" value="all">
              {t('caseload.filter.allSchools')}
            </SimpleSelect.Option>
            {schoolNames.map((name, i) => (
              <SimpleSelect.Option key={name} id={`caseload-school-${i}`} value={name}>
                {name}
              </SimpleSelect.Option>
            ))}
          </SimpleSelect>
        ) : null}
      </div>
      <Text as="p" size="small" color="secondary" role="status">
        {t('caseload.count', { shown: shown.length, total: data.students.length })}
      </Text>
      {data.students.length === 0 ? (
        <Text as="p">{t('caseload.empty')}</Text>
      ) : shown.length === 0 ? (
        <Text as="p">{t('caseload.none')}</Text>
      ) : (
        <ScrollArea label={t('caseload.caption')}>
          <Table caption={t('caseload.caption')} layout="auto">
            <Table.Head>
              <Table.Row>
                <Table.ColHeader id="caseload-col-name">{t('caseload.col.name')}</Table.ColHeader>
                <Table.ColHeader id="caseload-col-grade">{t('caseload.col.grade')}</Table.ColHeader>
                <Table.ColHeader id="caseload-col-school">{t('caseload.col.school')}</Table.ColHeader>
                <Table.ColHeader id="caseload-col-stage">{t('caseload.col.stage')}</Table.ColHeader>
                <Table.ColHeader id="caseload-col-last">{t('caseload.col.lastLaunch')}</Table.ColHeader>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((s) => (
                <Table.Row key={s.id}>
                  <Table.RowHeader>
                    <Link href={caseloadStudentHref(s.id)} isWithinText={false}>
                      {s.name}
                    </Link>
                  </Table.RowHeader>
                  <Table.Cell>{s.grade === null ? '' : t('caseload.grade', { grade: s.grade })}</Table.Cell>
                  <Table.Cell>{s.schools.join(', ')}</Table.Cell>
                  <Table.Cell>{t(`caseload.stage.${s.stage}`)}</Table.Cell>
                  <Table.Cell>{s.lastLaunchAt ? formatDay(s.lastLaunchAt, locale) : ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollArea>
      )}
    </>
  );
}

/**
 * A counselor's caseload (`#/caseload`): every student of their schools with where this year's annual review
 * stands, filterable, each opening the student's plan (`#/caseload/student/<id>`) to review it.
 */
export function CaseloadView({ backHref }: CaseloadViewProps) {
  const { t } = useI18n();
  const [data, retry] = useResource(loadCaseload);
  useEffect(() => {
    focusHeading();
  }, []);
  return (
    <>
      {backHref ? (
        <View as="div" margin="0 0 small 0">
          <Link href={backHref} isWithinText={false}>
            {t('caseload.backToCourse')}
          </Link>
        </View>
      ) : null}
      <Heading level="h1" margin="0 0 small 0">
        {t('caseload.title')}
      </Heading>
      <ResourceView resource={data} onRetry={retry}>
        {(loaded) => <Students data={loaded} />}
      </ResourceView>
    </>
  );
}

export default CaseloadView;
