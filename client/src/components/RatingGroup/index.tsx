import { useEffect, useState } from 'react';
import { RadioInput, RadioInputGroup } from '@instructure/ui-radio-input/v11_6';
import { fieldId, messagesFor } from '../../forms/fieldErrors';
import type { RatingGroupProps } from './props';

const NARROW = '(max-width: 40rem)';

/** True on narrow screens (phones, zoomed Chromebooks), where scales stack vertically. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia?.(NARROW).matches === true);
  useEffect(() => {
    const mq = window.matchMedia?.(NARROW);
    if (!mq) return;
    const on = () => setNarrow(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return narrow;
}

/** A 1..n rating as a radio group (a fieldset with the statement as its legend). */
export function RatingGroup({ host, path, legend, labels }: RatingGroupProps) {
  const narrow = useNarrow();
  const id = fieldId(host.section, path);
  const value = host.get(path);
  return (
    <RadioInputGroup
      name={id}
      description={legend}
      value={typeof value === 'number' ? String(value) : ''}
      layout={narrow ? 'stacked' : 'columns'}
      size="small"
      messages={messagesFor(host.errorsAt(path))}
      onChange={(_e, v) => host.set(path, Number(v))}
    >
      {labels.map((label, i) => (
        <RadioInput key={label} id={i === 0 ? id : `${id}-${i + 1}`} value={String(i + 1)} label={label} />
      ))}
    </RadioInputGroup>
  );
}

export default RatingGroup;
