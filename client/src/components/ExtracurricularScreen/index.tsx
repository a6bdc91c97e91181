import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { ACTIVITY_CATEGORIES, WORK_BASED, type Activity, type ExtracurricularSection } from '../../../../shared/api/plan';
import { fieldId } from '../../forms/fieldErrors';
import { useT, type MessageKey } from '../../i18n';
import { DateField, NumberField, SelectField, TextField } from '../PlanField';
import { FieldGrid, ItemFieldset, enumOptions, focusSoon, newId, usePlanSection } from '../PlanParts';
import type { PlanScreenProps } from '../PlanShell/props';
import { RatingGroup } from '../RatingGroup';
import { SaveStatus } from '../SaveStatus';

const today = () => new Date().toISOString().slice(0, 10);
const isWorkBased = (c: string) => (WORK_BASED as readonly string[]).includes(c);

/** Extracurricular: activities by category (employer assessment for work-based learning) and credentials. */
export function ExtracurricularScreen(props: PlanScreenProps) {
  const t = useT();
  const editor = usePlanSection('extracurricular', props);
  const data: ExtracurricularSection = editor.data;
  const categoryOptions = enumOptions(t, 'enum.category', ACTIVITY_CATEGORIES);
  const ratingLabels = [1, 2, 3, 4].map((n) => t(`extra.assessment.scale.${n}` as MessageKey));
  const byCategory = ACTIVITY_CATEGORIES.map((c) => ({ c, rows: data.activities.map((a, i) => ({ a, i })).filter((x) => x.a.category === c) })).filter(
    (g) => g.rows.length > 0,
  );

  const addActivity = () => {
    const activity: Activity = { id: newId(), category: 'club', name: '', role: '', startDate: today(), hours: 0, reflection: '' };
    editor.update((d) => ({ ...d, activities: [...d.activities, activity] }));
    focusSoon(fieldId('extracurricular', ['activities', data.activities.length, 'category']));
  };

  return (
    <>
      <Heading level="h1">{t('nav.extracurricular')}</Heading>
      <Text as="p">{t('extra.intro')}</Text>
      <SaveStatus editor={editor} name={t('nav.extracurricular')} />

      <Heading level="h2" margin="large 0 small 0">
        {t('extra.activities.heading')}
      </Heading>
      {data.activities.length === 0 ? <Text as="p">{t('extra.activities.empty')}</Text> : null}
      {byCategory.map(({ c, rows }) => (
        <section key={c} aria-labelledby={`cat-${c}`}>
          <Heading level="h3" id={`cat-${c}`} margin="medium 0 x-small 0">
            {t(`enum.category.${c}` as MessageKey)}
          </Heading>
          {rows.map(({ a, i }) => {
            const name = a.name.trim() || t('extra.activity.new');
            const assessment = a.employerAssessment;
            return (
              <ItemFieldset
                key={a.id}
                legend={name}
                removeLabel={t('extra.activity.remove', { name })}
                onRemove={() => {
                  editor.update((d) => ({ ...d, activities: d.activities.filter((_x, j) => j !== i) }));
                  focusSoon('extra-add-activity');
                }}
              >
                <FieldGrid>
                  <SelectField host={editor} path={['activities', i, 'category']} label={t('extra.activity.category')} options={categoryOptions} />
                  <TextField host={editor} path={['activities', i, 'name']} label={t('extra.activity.name')} required />
                  <TextField host={editor} path={['activities', i, 'role']} label={t('extra.activity.role')} />
                  <DateField host={editor} path={['activities', i, 'startDate']} label={t('extra.activity.start')} required />
                  <DateField host={editor} path={['activities', i, 'endDate']} label={t('extra.activity.end')} hint={t('extra.activity.end.hint')} optional />
                  <NumberField host={editor} path={['activities', i, 'hours']} label={t('extra.activity.hours')} />
                </FieldGrid>
                <View as="div" margin="small 0 0 0">
                  <TextField host={editor} path={['activities', i, 'reflection']} label={t('extra.activity.reflection')} hint={t('extra.activity.reflection.hint')} multiline />
                </View>
                {isWorkBased(a.category) ? (
                  <fieldset id={fieldId('extracurricular', ['activities', i, 'employerAssessment'])} tabIndex={-1} style={{ border: 0, padding: 0, margin: '0.75rem 0 0 0', minWidth: 0 }}>
                    <legend style={{ fontWeight: 700, padding: 0 }}>{t('extra.assessment.heading')}</legend>
                    {assessment ? (
                      <>
                        <FieldGrid>
                          <TextField host={editor} path={['activities', i, 'employerAssessment', 'employer']} label={t('extra.assessment.employer')} required />
                        </FieldGrid>
                        <View as="div" margin="small 0">
                          <RatingGroup host={editor} path={['activities', i, 'employerAssessment', 'rating']} legend={t('extra.assessment.rating')} labels={ratingLabels} />
                        </View>
                        <TextField host={editor} path={['activities', i, 'employerAssessment', 'comments']} label={t('extra.assessment.comments')} multiline />
                        <Button size="small" margin="small 0 0 0" onClick={() => editor.set(['activities', i, 'employerAssessment'], undefined)}>
                          {t('extra.assessment.remove', { name })}
                        </Button>
                      </>
                    ) : (
                      <>
                        <Text as="p" size="small">
                          {t('extra.assessment.intro')}
                        </Text>
                        <Button
                          size="small"
                          onClick={() => {
                            editor.set(['activities', i, 'employerAssessment'], { employer: '', rating: 3, comments: '' });
                            focusSoon(fieldId('extracurricular', ['activities', i, 'employerAssessment', 'employer']));
                          }}
                        >
                          {t('extra.assessment.add', { name })}
                        </Button>
                      </>
                    )}
                  </fieldset>
                ) : assessment ? (
                  <Text as="p" color="danger" size="small">
                    {t('form.error.employerOnlyWorkBased')}
                    <Button size="small" margin="0 0 0 small" onClick={() => editor.set(['activities', i, 'employerAssessment'], undefined)}>
                      {t('extra.assessment.remove', { name })}
                    </Button>
                  </Text>
                ) : null}
              </ItemFieldset>
            );
          })}
        </section>
      ))}
      <Button id="extra-add-activity" onClick={addActivity}>
        {t('extra.activity.add')}
      </Button>

      <Heading level="h2" margin="large 0 small 0">
        {t('extra.credentials.heading')}
      </Heading>
      {data.credentials.length === 0 ? <Text as="p">{t('extra.credentials.empty')}</Text> : null}
      {data.credentials.map((c, i) => {
        const name = c.name.trim() || t('extra.credential.new');
        return (
          <ItemFieldset
            key={c.id}
            legend={name}
            removeLabel={t('extra.credential.remove', { name })}
            onRemove={() => {
              editor.update((d) => ({ ...d, credentials: d.credentials.filter((_x, j) => j !== i) }));
              focusSoon('extra-add-credential');
            }}
          >
            <FieldGrid>
              <TextField host={editor} path={['credentials', i, 'name']} label={t('extra.credential.name')} required />
              <TextField host={editor} path={['credentials', i, 'issuer']} label={t('extra.credential.issuer')} />
              <DateField host={editor} path={['credentials', i, 'earnedOn']} label={t('extra.credential.earnedOn')} required />
            </FieldGrid>
          </ItemFieldset>
        );
      })}
      <Button
        id="extra-add-credential"
        onClick={() => {
          editor.update((d) => ({ ...d, credentials: [...d.credentials, { id: newId(), name: '', issuer: '', earnedOn: today() }] }));
          focusSoon(fieldId('extracurricular', ['credentials', data.credentials.length, 'name']));
        }}
      >
        {t('extra.credential.add')}
      </Button>
    </>
  );
}

export default ExtracurricularScreen;
