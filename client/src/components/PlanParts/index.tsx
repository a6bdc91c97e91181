import type { ReactNode } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import type { SectionKey, VersionedSection } from '../../../../shared/api/plan';
import { useSectionEditor } from '../../autosave/useSectionEditor';
import type { Translate, MessageKey } from '../../i18n';
import type { PlanScreenProps } from '../PlanShell/props';
import type { FieldGridProps, ItemFieldsetProps } from './props';

/** The autosaving editor of one section, keyed to this tenant and student. */
export function usePlanSection<K extends SectionKey>(
  section: K,
  { plan, session, sectionSaved }: Pick<PlanScreenProps, 'plan' | 'session' | 'sectionSaved'>,
  onSaved?: (saved: VersionedSection<K>) => void,
) {
  return useSectionEditor(section, plan.sections[section] as VersionedSection<K>, {
    tenantId: session.tenant.id,
    studentId: plan.studentId || session.user.id,
    onSaved: (saved) => {
      sectionSaved(section, saved as VersionedSection);
      onSaved?.(saved);
    },
  });
}

/** A fresh id for a new list item (ids are at most 64 characters). */
export function newId(): string {
  try {
    return crypto.randomUUID();
  } catch {
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  }
}

/** Focuses an element once React has rendered it (after adding or removing an item). */
export function focusSoon(id: string): void {
  let tries = 0;
  const attempt = () => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (++tries < 10) setTimeout(attempt, 30);
  };
  setTimeout(attempt, 0);
}

/** Options for a SelectField from an enum, labelled from the catalog (`prefix.value`). */
export function enumOptions<V extends string>(t: Translate, prefix: string, values: readonly V[]) {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
}

const gridStyle = (min: string) =>
  ({
    display: 'grid',
    gap: '0.75rem 1rem',
    gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${min}), 1fr))`,
    alignItems: 'start',
  }) as const;

export function FieldGrid({ children, min = '13rem' }: FieldGridProps) {
  return <div style={gridStyle(min)}>{children}</div>;
}

const fieldsetStyle = { border: 0, margin: 0, padding: 0, minWidth: 0 } as const;
const legendStyle = { fontWeight: 700, fontSize: '1rem', padding: 0, marginBottom: '0.5rem' } as const;

/** One item of a list (a course, an activity...) as a fieldset with a legend and a remove button. */
export function ItemFieldset({ legend, removeLabel, onRemove, children }: ItemFieldsetProps) {
  return (
    <View as="div" borderWidth="small" borderRadius="medium" padding="small" margin="0 0 small 0">
      <fieldset style={fieldsetStyle}>
        <legend style={legendStyle}>{legend}</legend>
        {children}
        <View as="div" margin="small 0 0 0">
          <Button size="small" color="secondary" onClick={onRemove}>
            {removeLabel}
          </Button>
        </View>
      </fieldset>
    </View>
  );
}

/** A horizontally scrollable area (wide tables on a phone), reachable by keyboard and named for screen readers. */
export function ScrollArea({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </div>
  );
}
