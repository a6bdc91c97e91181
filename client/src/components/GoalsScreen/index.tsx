import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { CAREER_STAGES, GOAL_STATUSES, GRADE_LEVELS, type GoalsSection } from '../../../../shared/api/plan';
import { fieldId } from '../../forms/fieldErrors';
import { useT } from '../../i18n';
import { DateField, NumberField, SelectField, TextField } from '../PlanField';
import { FieldGrid, ItemFieldset, enumOptions, focusSoon, newId, usePlanSection } from '../PlanParts';
import type { PlanScreenProps } from '../PlanShell/props';
import { SaveStatus } from '../SaveStatus';

const REFLECTIONS = ['whoAmI', 'whereAmIGoing', 'whatDoINeed', 'nextSteps'] as const;

/** Goals and reflections: short- and long-term goals, the four questions, and the student's profile. */
export function GoalsScreen(props: PlanScreenProps) {
  const t = useT();
  const goals = usePlanSection('goals', props);
  const reflections = usePlanSection('reflections', props);
  const profile = usePlanSection('profile', props);
  const data: GoalsSection = goals.data;
  const statusOptions = enumOptions(t, 'enum.goalStatus', GOAL_STATUSES);

  const list = (kind: 'shortTerm' | 'longTerm') => (
    <>
      <Heading level="h3" margin="medium 0 x-small 0">
        {t(kind === 'shortTerm' ? 'goals.short.heading' : 'goals.long.heading')}
      </Heading>
      <Text as="p" size="small" color="secondary">
        {t(kind === 'shortTerm' ? 'goals.short.hint' : 'goals.long.hint')}
      </Text>
      {data[kind].length === 0 ? <Text as="p">{t('goals.empty')}</Text> : null}
      {data[kind].map((g, i) => {
        const name = g.text.trim() ? (g.text.length > 40 ? `${g.text.slice(0, 40)}…` : g.text) : t('goals.goal.new');
        return (
          <ItemFieldset
            key={g.id}
            legend={t('goals.goal.legend', { n: i + 1 })}
            removeLabel={t('goals.goal.remove', { name })}
            onRemove={() => {
              goals.update((d) => ({ ...d, [kind]: d[kind].filter((_x, j) => j !== i) }));
              focusSoon(`goals-add-${kind}`);
            }}
          >
            <TextField host={goals} path={[kind, i, 'text']} label={t('goals.goal.text')} required multiline />
            <View as="div" margin="small 0 0 0">
              <FieldGrid>
                <SelectField host={goals} path={[kind, i, 'status']} label={t('goals.goal.status')} options={statusOptions} />
                <DateField host={goals} path={[kind, i, 'targetDate']} label={t('goals.goal.targetDate')} optional />
              </FieldGrid>
            </View>
          </ItemFieldset>
        );
      })}
      <Button
        id={`goals-add-${kind}`}
        onClick={() => {
          goals.update((d) => ({ ...d, [kind]: [...d[kind], { id: newId(), text: '', status: 'not_started' }] }));
          focusSoon(fieldId('goals', [kind, data[kind].length, 'text']));
        }}
      >
        {t(kind === 'shortTerm' ? 'goals.short.add' : 'goals.long.add')}
      </Button>
    </>
  );

  return (
    <>
      <Heading level="h1">{t('nav.goals')}</Heading>
      <Text as="p">{t('goals.intro')}</Text>

      <Heading level="h2" margin="large 0 small 0">
        {t('goals.heading')}
      </Heading>
      <SaveStatus editor={goals} name={t('goals.heading')} />
      {list('shortTerm')}
      {list('longTerm')}

      <Heading level="h2" margin="large 0 small 0">
        {t('reflections.heading')}
      </Heading>
      <SaveStatus editor={reflections} name={t('reflections.heading')} />
      {REFLECTIONS.map((q) => (
        <View key={q} as="div" margin="0 0 medium 0">
          <TextField host={reflections} path={[q]} label={t(`reflections.${q}`)} hint={t(`reflections.${q}.hint`)} multiline />
        </View>
      ))}

      <Heading level="h2" margin="large 0 small 0">
        {t('profile.heading')}
      </Heading>
      <SaveStatus editor={profile} name={t('profile.heading')} />
      <FieldGrid>
        <SelectField host={profile} path={['grade']} label={t('profile.grade')} options={GRADE_LEVELS.map((g) => ({ value: g, label: t('academic.grade', { grade: g }) }))} />
        <NumberField host={profile} path={['graduationYear']} label={t('profile.graduationYear')} integer />
        <SelectField host={profile} path={['careerStage']} label={t('profile.stage')} hint={t('profile.stage.hint')} options={enumOptions(t, 'enum.stage', CAREER_STAGES)} />
      </FieldGrid>
    </>
  );
}

export default GoalsScreen;
