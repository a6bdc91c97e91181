import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { List } from '@instructure/ui-list/v11_6';
import { ProgressBar } from '@instructure/ui-progress/v11_6';
import { Table } from '@instructure/ui-table/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import {
  COURSE_STATUSES,
  GRADE_LEVELS,
  SUBJECT_AREAS,
  TERMS,
  type AcademicSection,
  type PlannedCourse,
  type RequirementCheck,
} from '../../../../shared/api/plan';
import { fieldId } from '../../forms/fieldErrors';
import { useI18n, type MessageKey } from '../../i18n';
import { NumberField, SelectField, TextField, DateField } from '../PlanField';
import { FieldGrid, ItemFieldset, ScrollArea, enumOptions, focusSoon, newId, usePlanSection } from '../PlanParts';
import type { PlanScreenProps } from '../PlanShell/props';
import { SaveStatus } from '../SaveStatus';

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** The live graduation requirements check (from the server's last computation). */
function RequirementsPanel({ check }: { check: RequirementCheck }) {
  const { t } = useI18n();
  const area = (a: string) => (a === 'total' ? t('academic.req.total') : t(`enum.subject.${a}` as MessageKey));
  return (
    <section aria-labelledby="req-heading">
      <Heading level="h2" id="req-heading" margin="large 0 small 0">
        {t('academic.req.heading')}
      </Heading>
      <Text as="p" size="small" color="secondary">
        {t('academic.req.template', { name: check.template })}
      </Text>
      <ProgressBar
        screenReaderLabel={t('academic.req.progressLabel')}
        valueNow={Math.min(check.totalPlanned, check.totalRequired)}
        valueMax={Math.max(check.totalRequired, 1)}
        formatScreenReaderValue={() => t('academic.req.progressValue', { planned: fmt(check.totalPlanned), required: fmt(check.totalRequired) })}
        renderValue={() => <Text size="small">{t('academic.req.progressValue', { planned: fmt(check.totalPlanned), required: fmt(check.totalRequired) })}</Text>}
        meterColor={check.met ? 'success' : 'brand'}
        margin="x-small 0 small 0"
      />
      <div role="status" aria-live="polite">
        {check.met ? (
          <Text as="p" color="success" weight="bold">
            {t('academic.req.met')}
          </Text>
        ) : (
          <>
            <Text as="p" weight="bold">
              {t('academic.req.gapsHeading')}
            </Text>
            <List margin="0 0 small 0">
              {check.gaps.map((g) => (
                <List.Item key={g.area}>{t(g.missingCredits === 1 ? 'academic.req.gapOne' : 'academic.req.gap', { area: area(g.area), credits: fmt(g.missingCredits) })}</List.Item>
              ))}
            </List>
          </>
        )}
      </div>
      <ScrollArea label={t('academic.req.caption')}>
        <Table caption={t('academic.req.caption')} layout="auto">
          <Table.Head>
            <Table.Row>
              <Table.ColHeader id="req-area">{t('academic.req.area')}</Table.ColHeader>
              <Table.ColHeader id="req-required">{t('academic.req.required')}</Table.ColHeader>
              <Table.ColHeader id="req-planned">{t('academic.req.planned')}</Table.ColHeader>
              <Table.ColHeader id="req-completed">{t('academic.req.completed')}</Table.ColHeader>
              <Table.ColHeader id="req-status">{t('academic.req.status')}</Table.ColHeader>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {check.areas.map((a) => (
              <Table.Row key={a.area}>
                <Table.RowHeader>{area(a.area)}</Table.RowHeader>
                <Table.Cell>{fmt(a.required)}</Table.Cell>
                <Table.Cell>{fmt(a.planned)}</Table.Cell>
                <Table.Cell>{fmt(a.completed)}</Table.Cell>
                <Table.Cell>
                  <Text color={a.met ? 'success' : 'danger'}>{a.met ? t('academic.req.areaMet') : t('academic.req.areaMissing', { credits: fmt(Math.max(0, a.required - a.planned)) })}</Text>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollArea>
    </section>
  );
}

/** Academic: the course plan by grade with the live requirements check, education goals, achievements, advisor notes. */
export function AcademicScreen(props: PlanScreenProps) {
  const { t, locale } = useI18n();
  const { plan, refreshPlan } = props;
  const editor = usePlanSection('academic', props, refreshPlan);
  const data: AcademicSection = editor.data;
  const currentGrade = plan.sections.profile.data.grade;
  const grades = GRADE_LEVELS.filter((g) => g >= Math.min(currentGrade, 9) || data.courses.some((c) => c.gradeLevel === g));
  const subjectOptions = enumOptions(t, 'enum.subject', SUBJECT_AREAS);
  const termOptions = enumOptions(t, 'enum.term', TERMS);
  const statusOptions = enumOptions(t, 'enum.courseStatus', COURSE_STATUSES);
  const gradeOptions = GRADE_LEVELS.map((g) => ({ value: g, label: t('academic.grade', { grade: g }) }));

  const addCourse = (grade: number) => {
    const course: PlannedCourse = { id: newId(), name: '', subjectArea: 'english', credits: 1, gradeLevel: grade, term: 'full_year', status: 'planned' };
    editor.update((d) => ({ ...d, courses: [...d.courses, course] }));
    focusSoon(fieldId('academic', ['courses', data.courses.length, 'name']));
  };
  const removeCourse = (index: number, grade: number) => {
    editor.update((d) => ({ ...d, courses: d.courses.filter((_c, i) => i !== index) }));
    focusSoon(`academic-add-course-${grade}`);
  };
  const addAchievement = () => {
    editor.update((d) => ({ ...d, achievements: [...d.achievements, { id: newId(), title: '' }] }));
    focusSoon(fieldId('academic', ['achievements', data.achievements.length, 'title']));
  };

  return (
    <>
      <Heading level="h1">{t('nav.academic')}</Heading>
      <Text as="p">{t('academic.intro')}</Text>
      <SaveStatus editor={editor} name={t('nav.academic')} />
      <RequirementsPanel check={plan.requirements} />

      <Heading level="h2" margin="large 0 small 0">
        {t('academic.courses.heading')}
      </Heading>
      {grades.map((g) => {
        const rows = data.courses.map((c, i) => ({ c, i })).filter((x) => x.c.gradeLevel === g);
        const credits = rows.reduce((s, x) => s + (Number.isFinite(x.c.credits) ? x.c.credits : 0), 0);
        return (
          <section key={g} aria-labelledby={`grade-${g}-heading`}>
            <Heading level="h3" id={`grade-${g}-heading`} margin="medium 0 x-small 0">
              {t('academic.grade', { grade: g })}
            </Heading>
            <Text as="p" size="small" color="secondary">
              {t('academic.gradeSummary', { count: rows.length, credits: fmt(credits) })}
            </Text>
            {rows.map(({ c, i }) => {
              const name = c.name.trim() || t('academic.course.new');
              const showGrade = c.status === 'completed' || !!c.gradeEarned;
              return (
                <ItemFieldset key={c.id} legend={name} removeLabel={t('academic.course.remove', { name })} onRemove={() => removeCourse(i, g)}>
                  <FieldGrid min="9.5rem">
                    <TextField host={editor} path={['courses', i, 'name']} label={t('academic.course.name')} required />
                    <SelectField host={editor} path={['courses', i, 'subjectArea']} label={t('academic.course.subject')} options={subjectOptions} />
                    <NumberField host={editor} path={['courses', i, 'credits']} label={t('academic.course.credits')} />
                    <SelectField host={editor} path={['courses', i, 'gradeLevel']} label={t('academic.course.gradeLevel')} options={gradeOptions} />
                    <SelectField host={editor} path={['courses', i, 'term']} label={t('academic.course.term')} options={termOptions} />
                    <SelectField host={editor} path={['courses', i, 'status']} label={t('academic.course.status')} options={statusOptions} />
                    {showGrade ? (
                      <TextField host={editor} path={['courses', i, 'gradeEarned']} label={t('academic.course.gradeEarned')} optional width="8rem" />
                    ) : null}
                  </FieldGrid>
                </ItemFieldset>
              );
            })}
            <Button id={`academic-add-course-${g}`} onClick={() => addCourse(g)} margin="0 0 small 0">
              {t('academic.course.add', { grade: g })}
            </Button>
          </section>
        );
      })}

      <Heading level="h2" margin="large 0 small 0">
        {t('academic.goals.heading')}
      </Heading>
      <TextField host={editor} path={['postsecondaryGoals']} label={t('academic.goals.label')} hint={t('academic.goals.hint')} multiline />

      <Heading level="h2" margin="large 0 small 0">
        {t('academic.achievements.heading')}
      </Heading>
      {data.achievements.length === 0 ? <Text as="p">{t('academic.achievements.empty')}</Text> : null}
      {data.achievements.map((a, i) => {
        const name = a.title.trim() || t('academic.achievement.new');
        return (
          <ItemFieldset
            key={a.id}
            legend={name}
            removeLabel={t('academic.achievement.remove', { name })}
            onRemove={() => {
              editor.update((d) => ({ ...d, achievements: d.achievements.filter((_x, j) => j !== i) }));
              focusSoon('academic-add-achievement');
            }}
          >
            <FieldGrid>
              <TextField host={editor} path={['achievements', i, 'title']} label={t('academic.achievement.title')} required />
              <DateField host={editor} path={['achievements', i, 'date']} label={t('academic.achievement.date')} optional />
            </FieldGrid>
            <View as="div" margin="small 0 0 0">
              <TextField host={editor} path={['achievements', i, 'description']} label={t('academic.achievement.description')} optional multiline />
            </View>
          </ItemFieldset>
        );
      })}
      <Button id="academic-add-achievement" onClick={addAchievement}>
        {t('academic.achievement.add')}
      </Button>

      <Heading level="h2" margin="large 0 small 0">
        {t('academic.notes.heading')}
      </Heading>
      {plan.advisorNotes.length === 0 ? (
        <Text as="p">{t('academic.notes.empty')}</Text>
      ) : (
        <List isUnstyled itemSpacing="small">
          {plan.advisorNotes.map((n) => (
            <List.Item key={n.id}>
              <View as="div" borderWidth="0 0 0 medium" padding="0 0 0 small">
                <Text as="p" size="small" color="secondary">
                  {t('academic.notes.meta', {
                    author: n.authorName,
                    date: new Date(n.createdAt).toLocaleDateString(locale === 'es' ? 'es-US' : 'en-US'),
                  })}
                  {n.intervention ? ` · ${t('academic.notes.intervention')}` : ''}
                </Text>
                <Text as="p">{n.text}</Text>
              </View>
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

export default AcademicScreen;
