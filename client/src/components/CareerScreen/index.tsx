import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { Checkbox } from '@instructure/ui-checkbox/v11_6';
import { Heading } from '@instructure/ui-heading/v11_6';
import { List } from '@instructure/ui-list/v11_6';
import { ProgressBar } from '@instructure/ui-progress/v11_6';
import { SimpleSelect } from '@instructure/ui-simple-select/v11_6';
import { Tabs } from '@instructure/ui-tabs/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { TextInput } from '@instructure/ui-text-input/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { EDUCATION_LEVELS, type CareerSearchResult, type CareerSection, type CareerView, type RiasecLetter } from '../../../../shared/api/plan';
import { INTEREST_ITEMS, scoreInterestInventory } from '../../../../shared/career/inventory';
import { maxRiasecFit } from '../../../../shared/career/match';
import { RIASEC_LABELS, SKILLS, WORK_VALUES } from '../../../../shared/career/self-assessments';
import { isApiFailure } from '../../api';
import { planApi } from '../../api/plan';
import { useI18n, type MessageKey } from '../../i18n';
import { NumberField, TextField } from '../PlanField';
import { FieldGrid, focusSoon, usePlanSection } from '../PlanParts';
import type { PlanScreenProps } from '../PlanShell/props';
import { RatingGroup } from '../RatingGroup';
import { SaveStatus } from '../SaveStatus';

const PAGE_SIZE = 6;

/** Career: interest inventory (RIASEC), skills and work values, the career explorer, saved careers, the goal. */
export function CareerScreen(props: PlanScreenProps) {
  const { t, locale } = useI18n();
  const editor = usePlanSection('career', props);
  const data: CareerSection = editor.data;
  const answers = data.interestInventory.answers;
  const answered = INTEREST_ITEMS.filter((i) => answers[i.id] !== undefined).length;
  // A student coming back to a finished inventory sees the result first; while answering it stays below the questions.
  const [resultFirst] = useState(() => INTEREST_ITEMS.length > 0 && answered === INTEREST_ITEMS.length);
  const pages = Math.max(1, Math.ceil(INTEREST_ITEMS.length / PAGE_SIZE));
  const firstOpen = INTEREST_ITEMS.findIndex((i) => answers[i.id] === undefined);
  const [page, setPage] = useState(() => (firstOpen < 0 ? 0 : Math.floor(firstOpen / PAGE_SIZE)));
  const scored = useMemo(() => scoreInterestInventory(answers), [answers]);
  const code = scored?.code ?? props.plan.interestResult?.code ?? null;
  const interestLabels = [1, 2, 3, 4, 5].map((n) => t(`career.interest.scale.${n}` as MessageKey));
  const skillLabels = [1, 2, 3, 4].map((n) => t(`career.skills.scale.${n}` as MessageKey));
  const valueLabels = [1, 2, 3, 4].map((n) => t(`career.values.scale.${n}` as MessageKey));
  const letterName = (l: RiasecLetter) => RIASEC_LABELS[l][locale];

  const [tab, setTab] = useState(0);
  const goToPage = (p: number) => {
    setPage(p);
    focusSoon('inventory-page-heading');
  };

  const toggleSaved = (careerCode: string) =>
    editor.update((d) => ({
      ...d,
      savedCareers: d.savedCareers.includes(careerCode) ? d.savedCareers.filter((c) => c !== careerCode) : [...d.savedCareers, careerCode],
    }));
  const chooseGoal = (career: CareerView) => {
    editor.update((d) => ({
      ...d,
      careerGoal: {
        educationPath: d.careerGoal?.educationPath ?? '',
        trainingNeeded: d.careerGoal?.trainingNeeded ?? '',
        ...(d.careerGoal?.targetYear !== undefined ? { targetYear: d.careerGoal.targetYear } : {}),
        careerCode: career.code,
        title: career.title,
      },
    }));
    setTab(3);
    focusSoon('career-careerGoal-educationPath');
  };

  const items = INTEREST_ITEMS.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE);
  const resultSection = (
    <section aria-labelledby="interest-result-heading">
      <Heading level="h3" id="interest-result-heading" margin="medium 0 x-small 0">
        {t('career.result.heading')}
      </Heading>
      <div role="status" aria-live="polite">
        {code ? (
          <>
            <Text as="p" size="large" weight="bold">
              {t('career.result.code', { code, names: [...code].map((l) => letterName(l as RiasecLetter)).join(' · ') })}
            </Text>
            <List>
              {[...code].map((l) => (
                <List.Item key={l}>
                  <Text weight="bold">{`${l} – ${letterName(l as RiasecLetter)}: `}</Text>
                  {RIASEC_LABELS[l as RiasecLetter].description[locale]}
                </List.Item>
              ))}
            </List>
          </>
        ) : (
          <Text as="p">{t('career.result.notYet', { remaining: Math.max(0, INTEREST_ITEMS.length - answered) })}</Text>
        )}
      </div>
    </section>
  );
  return (
    <>
      <Heading level="h1">{t('nav.career')}</Heading>
      <Text as="p">{t('career.intro')}</Text>
      <SaveStatus editor={editor} name={t('nav.career')} />

      <Tabs margin="medium 0 0 0" onRequestTabChange={(_e, { index }) => setTab(index)}>
        <Tabs.Panel id="career-tab-interest" renderTitle={t('career.interest.heading')} isSelected={tab === 0} padding="small 0">
          <Heading level="h2" margin="small 0">
            {t('career.interest.heading')}
          </Heading>
          {resultFirst && resultSection}
          {INTEREST_ITEMS.length === 0 ? (
            <Text as="p">{t('career.interest.unavailable')}</Text>
          ) : (
            <>
              <Text as="p">{t('career.interest.instructions')}</Text>
              <ProgressBar
                screenReaderLabel={t('career.interest.progressLabel')}
                valueNow={answered}
                valueMax={INTEREST_ITEMS.length}
                formatScreenReaderValue={() => t('career.interest.progress', { answered, total: INTEREST_ITEMS.length })}
                renderValue={() => <Text size="small">{t('career.interest.progress', { answered, total: INTEREST_ITEMS.length })}</Text>}
                margin="x-small 0 small 0"
              />
              <Heading level="h3" id="inventory-page-heading" margin="small 0" tabIndex={-1}>
                {t('career.interest.page', { page: page + 1, pages })}
              </Heading>
              {items.map((item) => (
                <View key={item.id} as="div" margin="0 0 medium 0">
                  <RatingGroup host={editor} path={['interestInventory', 'answers', item.id]} legend={item[locale]} labels={interestLabels} />
                </View>
              ))}
              <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
                <Button onClick={() => goToPage(page - 1)} interaction={page === 0 ? 'disabled' : 'enabled'}>
                  {t('career.interest.previous')}
                </Button>
                <Button color="primary" onClick={() => goToPage(page + 1)} interaction={page >= pages - 1 ? 'disabled' : 'enabled'}>
                  {t('career.interest.next')}
                </Button>
              </div>
            </>
          )}
          {!resultFirst && resultSection}
        </Tabs.Panel>

        <Tabs.Panel id="career-tab-self" renderTitle={t('career.tab.self')} isSelected={tab === 1} padding="small 0">
          <Heading level="h2" margin="small 0">
            {t('career.skills.heading')}
          </Heading>
          <Text as="p">{t('career.skills.instructions')}</Text>
          {SKILLS.map((s) => (
            <View key={s.id} as="div" margin="0 0 small 0">
              <RatingGroup host={editor} path={['skills', s.id]} legend={s[locale]} labels={skillLabels} />
            </View>
          ))}

          <Heading level="h2" margin="large 0 small 0">
            {t('career.values.heading')}
          </Heading>
          <Text as="p">{t('career.values.instructions')}</Text>
          {WORK_VALUES.map((v) => (
            <View key={v.id} as="div" margin="0 0 small 0">
              <RatingGroup host={editor} path={['workValues', v.id]} legend={v[locale]} labels={valueLabels} />
            </View>
          ))}

        </Tabs.Panel>

        <Tabs.Panel id="career-tab-explore" renderTitle={t('career.explore.heading')} isSelected={tab === 2} padding="small 0">
          <CareerExplorer code={code} saved={data.savedCareers} onToggleSaved={toggleSaved} onChooseGoal={chooseGoal} />
        </Tabs.Panel>

        <Tabs.Panel id="career-tab-goal" renderTitle={t('career.goal.heading')} isSelected={tab === 3} padding="small 0">
          <Heading level="h2" margin="small 0">
            {t('career.goal.heading')}
          </Heading>
          {data.careerGoal ? (
            <>
              <FieldGrid min="16rem">
                <TextField host={editor} path={['careerGoal', 'title']} label={t('career.goal.title')} required />
                <NumberField host={editor} path={['careerGoal', 'targetYear']} label={t('career.goal.targetYear')} empty="absent" integer />
              </FieldGrid>
              <View as="div" margin="small 0">
                <TextField host={editor} path={['careerGoal', 'educationPath']} label={t('career.goal.educationPath')} hint={t('career.goal.educationPath.hint')} required multiline />
              </View>
              <TextField host={editor} path={['careerGoal', 'trainingNeeded']} label={t('career.goal.training')} hint={t('career.goal.training.hint')} multiline />
              <View as="div" margin="small 0 0 0">
                <Button
                  onClick={() => {
                    editor.set(['careerGoal'], null);
                    focusSoon('career-add-goal');
                  }}
                >
                  {t('career.goal.remove')}
                </Button>
              </View>
            </>
          ) : (
            <>
              <Text as="p">{t('career.goal.empty')}</Text>
              <Button
                id="career-add-goal"
                color="primary"
                onClick={() => {
                  editor.set(['careerGoal'], { title: '', educationPath: '', trainingNeeded: '' });
                  focusSoon('career-careerGoal-title');
                }}
              >
                {t('career.goal.add')}
              </Button>
            </>
          )}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

type ExplorerProps = {
  code: string | null;
  saved: string[];
  onToggleSaved: (code: string) => void;
  onChooseGoal: (career: CareerView) => void;
};

type Query = { q: string; cluster: string; education: string; matchMine: boolean; page: number };
type Results = { status: 'loading' } | { status: 'ready'; data: CareerSearchResult } | { status: 'failed'; offline: boolean };

/** Career search over the catalog: text, cluster and education filters, "matches my code", paging. */
function CareerExplorer({ code, saved, onToggleSaved, onChooseGoal }: ExplorerProps) {
  const { t } = useI18n();
  const [form, setForm] = useState<Query>({ q: '', cluster: '', education: '', matchMine: !!code, page: 1 });
  const [query, setQuery] = useState<Query>(form);
  const [results, setResults] = useState<Results>({ status: 'loading' });
  const [clusters, setClusters] = useState<string[]>([]);
  const [known, setKnown] = useState<Record<string, CareerView>>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResults({ status: 'loading' });
    planApi
      .careers(
        {
          q: query.q.trim() || undefined,
          cluster: query.cluster || undefined,
          education: query.education || undefined,
          match: query.matchMine && code ? code : undefined,
          page: query.page,
          pageSize: 10,
        },
        { signal: controller.signal },
      )
      .then(
        (data) => {
          setResults({ status: 'ready', data });
          if (data.clusters.length) setClusters(data.clusters);
          setKnown((k) => ({ ...k, ...Object.fromEntries(data.items.map((c) => [c.code, c])) }));
        },
        (e: unknown) => {
          if (!controller.signal.aborted) setResults({ status: 'failed', offline: isApiFailure(e) && e.kind === 'network' });
        },
      );
    return () => controller.abort();
  }, [query, code, attempt]);

  // Titles of saved careers not in the current results.
  useEffect(() => {
    const missing = saved.filter((c) => !known[c]);
    if (missing.length === 0) return;
    const controller = new AbortController();
    for (const c of missing.slice(0, 20)) {
      planApi.career(c, { signal: controller.signal }).then(
        (career) => setKnown((k) => ({ ...k, [career.code]: career })),
        () => undefined,
      );
    }
    return () => controller.abort();
  }, [saved.join('|')]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQuery({ ...form, page: 1 });
  };
  const goTo = (p: number) => {
    const next = { ...query, page: p };
    setForm(next);
    setQuery(next);
    focusSoon('career-results-heading');
  };
  const max = maxRiasecFit(code?.length ?? 3);
  const wage = (n: number | null) => (n === null ? t('career.explore.noData') : `$${Math.round(n).toLocaleString('en-US')}`);

  return (
    <section aria-labelledby="explore-heading">
      <Heading level="h2" id="explore-heading" margin="small 0">
        {t('career.explore.heading')}
      </Heading>
      <form role="search" aria-label={t('career.explore.heading')} noValidate onSubmit={submit}>
        <div style={{ display: 'grid', gap: '0.75rem 1rem', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 14rem), 1fr))', alignItems: 'end' }}>
          <TextInput id="career-search-q" renderLabel={t('career.explore.q')} value={form.q} onChange={(_e, v) => setForm({ ...form, q: v })} />
          <SimpleSelect
            id="career-search-cluster"
            renderLabel={t('career.explore.cluster')}
            value={form.cluster}
            onChange={(_e, { value }) => setForm({ ...form, cluster: String(value ?? '') })}
          >
            {[
              <SimpleSelect.Option key="" id="cluster-any" value="">
                {t('career.explore.any')}
              </SimpleSelect.Option>,
              ...clusters.map((c, i) => (
                <SimpleSelect.Option key={c} id={`cluster-${i}`} value={c}>
                  {c}
                </SimpleSelect.Option>
              )),
            ]}
          </SimpleSelect>
          <SimpleSelect
            id="career-search-education"
            renderLabel={t('career.explore.education')}
            value={form.education}
            onChange={(_e, { value }) => setForm({ ...form, education: String(value ?? '') })}
          >
            {[
              <SimpleSelect.Option key="" id="education-any" value="">
                {t('career.explore.any')}
              </SimpleSelect.Option>,
              ...EDUCATION_LEVELS.map((l) => (
                <SimpleSelect.Option key={l} id={`education-${l}`} value={l}>
                  {t(`enum.education.${l}` as MessageKey)}
                </SimpleSelect.Option>
              )),
            ]}
          </SimpleSelect>
        </div>
        <View as="div" margin="small 0">
          <Checkbox
            id="career-search-match"
            label={code ? t('career.explore.match', { code }) : t('career.explore.matchNoCode')}
            checked={form.matchMine && !!code}
            disabled={!code}
            variant="toggle"
            onChange={(e) => {
              const next = { ...form, matchMine: e.target.checked, page: 1 };
              setForm(next);
              setQuery(next);
            }}
          />
        </View>
        <Button type="submit" color="primary">
          {t('career.explore.search')}
        </Button>
      </form>

      <Heading level="h3" id="career-results-heading" margin="medium 0 x-small 0" tabIndex={-1}>
        {t('career.explore.results')}
      </Heading>
      <div role="status" aria-live="polite">
        {results.status === 'loading' ? <Text>{t('app.loading')}</Text> : null}
        {results.status === 'failed' ? (
          <Text color="danger">{results.offline ? t('career.explore.offline') : t('career.explore.failed')}</Text>
        ) : null}
        {results.status === 'ready' ? <Text>{t('career.explore.count', { total: results.data.total })}</Text> : null}
      </div>
      {results.status === 'failed' ? (
        <Button margin="x-small 0" onClick={() => setAttempt((n) => n + 1)}>
          {t('app.retry')}
        </Button>
      ) : null}
      {results.status === 'ready' ? (
        <>
          <ul style={{ listStyle: 'none', margin: '0.5rem 0', padding: 0 }}>
            {results.data.items.map((c) => {
              const isSaved = saved.includes(c.code);
              return (
                <li key={c.code}>
                  <View as="div" borderWidth="small" borderRadius="medium" padding="small" margin="0 0 small 0">
                    <Heading level="h4" margin="0 0 xx-small 0">
                      {c.title}
                    </Heading>
                    <Text as="p" size="small">
                      {t('career.explore.facts', {
                        cluster: c.cluster,
                        education: t(`enum.education.${c.education}` as MessageKey),
                        wage: wage(c.medianWage),
                        outlook: c.outlook ? t(`enum.outlook.${c.outlook}` as MessageKey) : t('career.explore.noData'),
                        riasec: c.riasec,
                      })}
                    </Text>
                    {c.fit !== null && code ? (
                      <Text as="p" size="small" weight="bold">
                        {t('career.explore.fit', { percent: Math.round((c.fit / max) * 100), code })}
                      </Text>
                    ) : null}
                    {c.description ? (
                      <Text as="p" size="small">
                        {c.description}
                      </Text>
                    ) : null}
                    <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', marginTop: '0.5rem' }}>
                      <Button size="small" color={isSaved ? 'secondary' : 'primary'} onClick={() => onToggleSaved(c.code)}>
                        {isSaved ? t('career.explore.unsave', { title: c.title }) : t('career.explore.save', { title: c.title })}
                      </Button>
                      <Button size="small" onClick={() => onChooseGoal(c)}>
                        {t('career.explore.setGoal', { title: c.title })}
                      </Button>
                    </div>
                  </View>
                </li>
              );
            })}
          </ul>
          <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap', alignItems: 'center' }}>
            <Button onClick={() => goTo(query.page - 1)} interaction={query.page <= 1 ? 'disabled' : 'enabled'}>
              {t('career.explore.prevPage')}
            </Button>
            <Text>{t('career.explore.pageOf', { page: query.page, pages: Math.max(1, Math.ceil(results.data.total / results.data.pageSize)) })}</Text>
            <Button
              onClick={() => goTo(query.page + 1)}
              interaction={query.page * results.data.pageSize >= results.data.total ? 'disabled' : 'enabled'}
            >
              {t('career.explore.nextPage')}
            </Button>
          </div>
        </>
      ) : null}

      <Heading level="h3" margin="medium 0 x-small 0">
        {t('career.saved.heading')}
      </Heading>
      {saved.length === 0 ? (
        <Text as="p">{t('career.saved.empty')}</Text>
      ) : (
        <List>
          {saved.map((c) => (
            <List.Item key={c}>
              <span style={{ marginRight: '0.5rem' }}>{known[c] ? `${known[c].title} (${c})` : c}</span>
              <Button size="small" onClick={() => onToggleSaved(c)}>
                {t('career.explore.unsave', { title: known[c]?.title ?? c })}
              </Button>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

export default CareerScreen;
