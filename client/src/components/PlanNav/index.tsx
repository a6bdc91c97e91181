import { Link } from '@instructure/ui-link/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { useT, type MessageKey } from '../../i18n';
import { PLAN_ROUTES, hrefFor, type PlanRoute } from '../../routing/hashRoute';
import { ExportPdfButton } from '../ExportPdfButton';
import type { PlanNavProps } from './props';

export const routeLabel: Record<PlanRoute, MessageKey> = {
  overview: 'nav.overview',
  academic: 'nav.academic',
  career: 'nav.career',
  postsecondary: 'nav.postsecondary',
  extracurricular: 'nav.extracurricular',
  goals: 'nav.goals',
  portfolio: 'nav.portfolio',
  review: 'nav.review',
};

const listStyle = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1.25rem' } as const;
const rowStyle = { display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1rem', alignItems: 'center', justifyContent: 'space-between' } as const;

/** The plan's screens as links (hash routes), with the current one marked, and the PDF export. */
export function PlanNav({ current }: PlanNavProps) {
  const t = useT();
  return (
    <View as="div" borderWidth="0 0 small 0" padding="0 0 small 0" margin="0 0 medium 0">
      <div style={rowStyle}>
        <nav aria-label={t('nav.label')}>
          <ul style={listStyle}>
            {PLAN_ROUTES.map((r) => (
              <li key={r}>
                <Link href={hrefFor(r)} aria-current={r === current ? 'page' : undefined} isWithinText={false}>
                  <span style={r === current ? { fontWeight: 700, textDecoration: 'underline' } : undefined}>{t(routeLabel[r])}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <ExportPdfButton />
      </div>
    </View>
  );
}

export default PlanNav;
