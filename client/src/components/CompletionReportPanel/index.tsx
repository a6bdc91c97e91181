import { useState } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { SimpleSelect } from '@instructure/ui-simple-select/v11_6';
import { Table } from '@instructure/ui-table/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import type { CompletionCounts, CompletionReport } from '../../../../shared/api/reports';
import { saveBlob } from '../../api/client';
import { reportsApi } from '../../api/reports';
import { useResource } from '../../api/useResource';
import { useT } from '../../i18n';
import { FormStatus } from '../FormStatus';
import { ResourceView } from '../ResourceView';
import { ScrollArea } from '../PlanParts';

const loadReport = (signal: AbortSignal) => reportsApi.completion({ signal });
const percent = (c: CompletionCounts) => (c.students === 0 ? 0 : Math.round((c.complete / c.students) * 1000) / 10);
const COUNT_KEYS = ['students', 'submitted', 'allAttributes', 'advisorReviewed', 'parentSigned', 'complete'] as const;
const COUNT_LABELS = {
  students: 'reports.col.students',
  submitted: 'reports.col.submitted',
  allAttributes: 'reports.col.attributes',
  advisorReviewed: 'reports.col.reviewed',
  parentSigned: 'reports.col.signed',
  complete: 'reports.col.complete',
} as const;

function CsvButton() {
  const t = useT();
  const [failed, setFailed] = useState(false);
  const download = async () => {
    try {
      saveBlob(await reportsApi.completionCsv(), t('reports.csv.filename'));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <Button onClick={() => void download()}>{t('reports.csv')}</Button>
      <FormStatus message={failed ? t('reports.csv.failed') : null} tone="danger" />
    </>
  );
}

function Report({ report }: { report: CompletionReport }) {
  const t = useT();
  const [year, setYear] = useState(report.schoolYears[0] ?? report.currentSchoolYear);
  const total = report.years.find((y) => y.schoolYear === year);
  const rows = report.rows.filter((r) => r.schoolYear === year);
  if (report.years.length === 0) return <Text as="p">{t('reports.empty')}</Text>;
  return (
    <>
      <ScrollArea label={t('reports.trend.caption')}>
        <Table caption={t('reports.trend.caption')} layout="auto">
          <Table.Head>
            <Table.Row>
              {[
                <Table.ColHeader key="year" id="trend-year">
                  {t('reports.col.year')}
                </Table.ColHeader>,
                ...COUNT_KEYS.map((k) => (
                  <Table.ColHeader key={k} id={`trend-${k}`}>
                    {t(COUNT_LABELS[k])}
                  </Table.ColHeader>
                )),
                <Table.ColHeader key="percent" id="trend-percent">
                  {t('reports.col.percent')}
                </Table.ColHeader>,
              ]}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {report.years.map((y) => (
              <Table.Row key={y.schoolYear}>
                {[
                  <Table.RowHeader key="year">{y.schoolYear}</Table.RowHeader>,
                  ...COUNT_KEYS.map((k) => <Table.Cell key={k}>{y[k]}</Table.Cell>),
                  <Table.Cell key="percent">{percent(y)}</Table.Cell>,
                ]}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollArea>
      <View as="div" margin="medium 0 small 0" maxWidth="16rem">
        <SimpleSelect renderLabel={t('reports.year')} value={year} onChange={(_e, { value }) => setYear(String(value))}>
          {report.schoolYears.map((y) => (
            <SimpleSelect.Option key={y} id={`report-year-${y}`} value={y}>
              {y}
            </SimpleSelect.Option>
          ))}
        </SimpleSelect>
      </View>
      {total ? (
        <Text as="p" weight="bold">
          {t('reports.total', { year, percent: percent(total), complete: total.complete, students: total.students })}
        </Text>
      ) : null}
      <ScrollArea label={t('reports.byschool.caption', { year })}>
        <Table caption={t('reports.byschool.caption', { year })} layout="auto">
          <Table.Head>
            <Table.Row>
              {[
                <Table.ColHeader key="school" id="school-name">
                  {t('reports.col.school')}
                </Table.ColHeader>,
                <Table.ColHeader key="grade" id="school-grade">
                  {t('reports.col.grade')}
                </Table.ColHeader>,
                ...COUNT_KEYS.map((k) => (
                  <Table.ColHeader key={k} id={`school-${k}`}>
                    {t(COUNT_LABELS[k])}
                  </Table.ColHeader>
                )),
                <Table.ColHeader key="percent" id="school-percent">
                  {t('reports.col.percent')}
                </Table.ColHeader>,
              ]}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={`${r.schoolId ?? ''}-${r.grade}`}>
                {[
                  <Table.RowHeader key="school">{r.schoolName || t('reports.noSchool')}</Table.RowHeader>,
                  <Table.Cell key="grade">{r.grade ?? t('reports.noGrade')}</Table.Cell>,
                  ...COUNT_KEYS.map((k) => <Table.Cell key={k}>{r[k]}</Table.Cell>),
                  <Table.Cell key="percent">{percent(r)}</Table.Cell>,
                ]}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollArea>
    </>
  );
}

/** The district's ECAP completion: year over year, then by school and grade for a chosen year; CSV download. */
export function CompletionReportPanel() {
  const t = useT();
  const [report, retry] = useResource(loadReport);
  return (
    <>
      <Heading level="h2" variant="titleSection" margin="x-large 0 small 0">
        {t('reports.heading')}
      </Heading>
      <Text as="p">{t('reports.intro')}</Text>
      <View as="div" margin="small 0">
        <CsvButton />
      </View>
      <ResourceView resource={report} onRetry={retry}>
        {(data) => <Report report={data} />}
      </ResourceView>
    </>
  );
}

export default CompletionReportPanel;
