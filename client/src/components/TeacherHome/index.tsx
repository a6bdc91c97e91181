import { Heading } from '@instructure/ui-heading/v11_6';
import { List } from '@instructure/ui-list/v11_6';
import { Table } from '@instructure/ui-table/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import type { CourseOverview } from '../../../../shared/api/session';
import { api } from '../../api';
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { ResourceView } from '../ResourceView';
import type { RoleHomeProps } from '../RoleHome/props';

const loadCourse = (signal: AbortSignal) => api.currentCourse({ signal });

function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function Placements({ course }: { course: CourseOverview }) {
  const { t } = useI18n();
  if (course.placements.length === 0) return <Text as="p">{t('teacher.placementsEmpty')}</Text>;
  return (
    <List margin="0">
      {course.placements.map((p) => (
        <List.Item key={p.id}>
          <Text weight="bold">{p.title}</Text>
          <Text color="secondary">
            {' · '}
            {p.points === null ? t('teacher.notGraded') : t('teacher.points', { points: p.points })}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function Roster({ course }: { course: CourseOverview }) {
  const { t, locale } = useI18n();
  if (course.roster.length === 0) return <Text as="p">{t('teacher.rosterEmpty')}</Text>;
  const students = [...course.roster].sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <View as="div" overflowX="auto">
      <Table caption={t('teacher.rosterCaption')}>
        <Table.Head>
          <Table.Row>
            <Table.ColHeader id="roster-name">{t('teacher.rosterName')}</Table.ColHeader>
            <Table.ColHeader id="roster-last">{t('teacher.rosterLastOpened')}</Table.ColHeader>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {students.map((s) => (
            <Table.Row key={s.id}>
              <Table.RowHeader>{s.name}</Table.RowHeader>
              <Table.Cell>{formatDate(s.lastLaunchAt, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </View>
  );
}

/** Teacher home: the course, its ECAP activity placements, and the students who have launched so far. */
export function TeacherHome(_props: RoleHomeProps) {
  const { t } = useI18n();
  const [course, retry] = useResource(loadCourse);
  return (
    <ResourceView resource={course} onRetry={retry}>
      {(data) => (
        <>
          <Heading level="h1" margin="0 0 xx-small 0">
            {data.context.title}
          </Heading>
          <Text as="p" size="large" color="secondary">
            {t('teacher.subtitle')}
          </Text>
          <Heading level="h2" variant="titleSection" margin="large 0 small 0">
            {t('teacher.placementsHeading')}
          </Heading>
          <Placements course={data} />
          <Heading level="h2" variant="titleSection" margin="large 0 small 0">
            {t('teacher.rosterHeading')}
          </Heading>
          <Text as="p" size="small" color="secondary">
            {t('teacher.rosterNote')}
          </Text>
          <Roster course={data} />
        </>
      )}
    </ResourceView>
  );
}

export default TeacherHome;
