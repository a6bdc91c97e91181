import { Button } from '@instructure/ui-buttons/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { APPLICATION_STATUSES, FAFSA_STATUSES, OPTION_TYPES, type PostsecondarySection } from '../../../../shared/api/plan';
import { fieldId } from '../../forms/fieldErrors';
import { useT, type MessageKey } from '../../i18n';
import { CheckField, DateField, NumberField, SelectField, TextField } from '../PlanField';
import { FieldGrid, ItemFieldset, enumOptions, focusSoon, newId, usePlanSection } from '../PlanParts';
import type { PlanScreenProps } from '../PlanShell/props';
import { SaveStatus } from '../SaveStatus';

const SCHOLARSHIP_STATUSES = ['researching', 'applied', 'awarded', 'denied'] as const;
const today = () => new Date().toISOString().slice(0, 10);

/** Postsecondary: options explored, the applications tracker, and the financial plan. */
export function PostsecondaryScreen(props: PlanScreenProps) {
  const t = useT();
  const editor = usePlanSection('postsecondary', props);
  const data: PostsecondarySection = editor.data;
  const typeOptions = enumOptions(t, 'enum.optionType', OPTION_TYPES);
  const up = editor.update;

  return (
    <>
      <Heading level="h1">{t('nav.postsecondary')}</Heading>
      <Text as="p">{t('post.intro')}</Text>
      <SaveStatus editor={editor} name={t('nav.postsecondary')} />

      <Heading level="h2" margin="large 0 small 0">
        {t('post.options.heading')}
      </Heading>
      {data.options.length === 0 ? <Text as="p">{t('post.options.empty')}</Text> : null}
      {data.options.map((o, i) => {
        const name = o.name.trim() || t('post.option.new');
        return (
          <ItemFieldset
            key={o.id}
            legend={`${t(`enum.optionType.${o.type}` as MessageKey)}: ${name}`}
            removeLabel={t('post.option.remove', { name })}
            onRemove={() => {
              up((d) => ({ ...d, options: d.options.filter((_x, j) => j !== i) }));
              focusSoon('post-add-option');
            }}
          >
            <FieldGrid>
              <SelectField host={editor} path={['options', i, 'type']} label={t('post.option.type')} options={typeOptions} />
              <TextField host={editor} path={['options', i, 'name']} label={t('post.option.name')} required />
            </FieldGrid>
            <View as="div" margin="small 0 0 0">
              <TextField host={editor} path={['options', i, 'admissionRequirements']} label={t('post.option.admission')} hint={t('post.option.admission.hint')} multiline />
            </View>
            <View as="div" margin="small 0 0 0">
              <TextField host={editor} path={['options', i, 'notes']} label={t('post.option.notes')} optional multiline />
            </View>
          </ItemFieldset>
        );
      })}
      <Button
        id="post-add-option"
        onClick={() => {
          up((d) => ({ ...d, options: [...d.options, { id: newId(), type: 'four_year', name: '', admissionRequirements: '' }] }));
          focusSoon(fieldId('postsecondary', ['options', data.options.length, 'type']));
        }}
      >
        {t('post.option.add')}
      </Button>

      <Heading level="h2" margin="large 0 small 0">
        {t('post.apps.heading')}
      </Heading>
      {data.applications.length === 0 ? <Text as="p">{t('post.apps.empty')}</Text> : null}
      {data.applications.map((a, i) => {
        const name = a.institution.trim() || t('post.app.new');
        const done = a.checklist.filter((c) => c.done).length;
        return (
          <ItemFieldset
            key={a.id}
            legend={name}
            removeLabel={t('post.app.remove', { name })}
            onRemove={() => {
              up((d) => ({ ...d, applications: d.applications.filter((_x, j) => j !== i) }));
              focusSoon('post-add-application');
            }}
          >
            <FieldGrid>
              <TextField host={editor} path={['applications', i, 'institution']} label={t('post.app.institution')} required />
              <SelectField host={editor} path={['applications', i, 'type']} label={t('post.option.type')} options={typeOptions} />
              <DateField host={editor} path={['applications', i, 'deadline']} label={t('post.app.deadline')} required />
              <SelectField host={editor} path={['applications', i, 'status']} label={t('post.app.status')} options={enumOptions(t, 'enum.appStatus', APPLICATION_STATUSES)} />
            </FieldGrid>
            <fieldset style={{ border: 0, padding: 0, margin: '0.75rem 0 0 0', minWidth: 0 }}>
              <legend style={{ fontWeight: 700, padding: 0 }}>{t('post.app.checklist', { done, total: a.checklist.length })}</legend>
              {a.checklist.map((c, k) => (
                <div key={c.id} style={{ display: 'flex', gap: '0.5rem 1rem', flexWrap: 'wrap', alignItems: 'flex-end', margin: '0.5rem 0' }}>
                  <div style={{ flex: '1 1 14rem' }}>
                    <TextField host={editor} path={['applications', i, 'checklist', k, 'item']} label={t('post.app.checkItem', { n: k + 1 })} required />
                  </div>
                  <CheckField host={editor} path={['applications', i, 'checklist', k, 'done']} label={t('post.app.checkDone', { item: c.item || String(k + 1) })} />
                  <Button
                    size="small"
                    onClick={() => {
                      editor.set(['applications', i, 'checklist'], a.checklist.filter((_x, j) => j !== k));
                      focusSoon(`post-add-check-${a.id}`);
                    }}
                  >
                    {t('post.app.checkRemove', { item: c.item || String(k + 1) })}
                  </Button>
                </div>
              ))}
              <Button
                id={`post-add-check-${a.id}`}
                size="small"
                margin="x-small 0 0 0"
                onClick={() => {
                  editor.set(['applications', i, 'checklist'], [...a.checklist, { id: newId(), item: '', done: false }]);
                  focusSoon(fieldId('postsecondary', ['applications', i, 'checklist', a.checklist.length, 'item']));
                }}
              >
                {t('post.app.checkAdd', { name })}
              </Button>
            </fieldset>
          </ItemFieldset>
        );
      })}
      <Button
        id="post-add-application"
        onClick={() => {
          up((d) => ({
            ...d,
            applications: [...d.applications, { id: newId(), institution: '', type: 'four_year', deadline: today(), status: 'researching', checklist: [] }],
          }));
          focusSoon(fieldId('postsecondary', ['applications', data.applications.length, 'institution']));
        }}
      >
        {t('post.app.add')}
      </Button>

      <Heading level="h2" margin="large 0 small 0">
        {t('post.money.heading')}
      </Heading>
      <FieldGrid>
        <NumberField host={editor} path={['financialPlan', 'estimatedAnnualCost']} label={t('post.money.cost')} hint={t('post.money.cost.hint')} empty="null" width="12rem" />
        <SelectField host={editor} path={['financialPlan', 'fafsaStatus']} label={t('post.money.fafsa')} options={enumOptions(t, 'enum.fafsa', FAFSA_STATUSES)} />
      </FieldGrid>
      <View as="div" margin="small 0">
        <TextField host={editor} path={['financialPlan', 'notes']} label={t('post.money.notes')} multiline />
      </View>
      <Heading level="h3" margin="medium 0 small 0">
        {t('post.scholarships.heading')}
      </Heading>
      {data.financialPlan.scholarships.length === 0 ? <Text as="p">{t('post.scholarships.empty')}</Text> : null}
      {data.financialPlan.scholarships.map((s, i) => {
        const name = s.name.trim() || t('post.scholarship.new');
        return (
          <ItemFieldset
            key={s.id}
            legend={name}
            removeLabel={t('post.scholarship.remove', { name })}
            onRemove={() => {
              editor.set(['financialPlan', 'scholarships'], data.financialPlan.scholarships.filter((_x, j) => j !== i));
              focusSoon('post-add-scholarship');
            }}
          >
            <FieldGrid>
              <TextField host={editor} path={['financialPlan', 'scholarships', i, 'name']} label={t('post.scholarship.name')} required />
              <NumberField host={editor} path={['financialPlan', 'scholarships', i, 'amount']} label={t('post.scholarship.amount')} width="10rem" />
              <DateField host={editor} path={['financialPlan', 'scholarships', i, 'deadline']} label={t('post.scholarship.deadline')} optional />
              <SelectField
                host={editor}
                path={['financialPlan', 'scholarships', i, 'status']}
                label={t('post.scholarship.status')}
                options={enumOptions(t, 'enum.scholarshipStatus', SCHOLARSHIP_STATUSES)}
              />
            </FieldGrid>
          </ItemFieldset>
        );
      })}
      <Button
        id="post-add-scholarship"
        onClick={() => {
          editor.set(['financialPlan', 'scholarships'], [...data.financialPlan.scholarships, { id: newId(), name: '', amount: 0, status: 'researching' }]);
          focusSoon(fieldId('postsecondary', ['financialPlan', 'scholarships', data.financialPlan.scholarships.length, 'name']));
        }}
      >
        {t('post.scholarship.add')}
      </Button>
    </>
  );
}

export default PostsecondaryScreen;
