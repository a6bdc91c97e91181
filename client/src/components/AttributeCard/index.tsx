import { Heading } from '@instructure/ui-heading/v11_6';
import { Link } from '@instructure/ui-link/v11_6';
import { ProgressBar } from '@instructure/ui-progress/v11_6';
import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import { useT } from '../../i18n';
import type { AttributeCardProps } from './props';

const columnStyle = { display: 'flex', flexDirection: 'column', height: '100%' } as const;
const bottomStyle = { marginTop: 'auto', paddingTop: '0.75rem' } as const;

/** One ECAP attribute: its name, what it covers, and a labelled progress bar (completed of total). */
export function AttributeCard({ attribute, completed, total, href }: AttributeCardProps) {
  const t = useT();
  const name = t(`student.attribute.${attribute}`);
  const done = Math.min(completed, total);
  const value = t('student.progressValue', { completed: done, total });
  return (
    <View as="li" display="block" borderWidth="small" borderRadius="medium" padding="medium" height="100%">
      <div style={columnStyle}>
        <Heading level="h3" margin="0 0 x-small 0">
          {href ? (
            <Link href={href} isWithinText={false}>
              {name}
            </Link>
          ) : (
            name
          )}
        </Heading>
        <Text as="p" size="small">
          {t(`student.attribute.${attribute}.description`)}
        </Text>
        <div style={bottomStyle}>
          <Text as="div" size="small" color="secondary" aria-hidden="true">
            {value}
          </Text>
          <ProgressBar
            screenReaderLabel={t('student.progressLabel', { attribute: name })}
            valueNow={done}
            valueMax={total}
            formatScreenReaderValue={() => value}
            meterColor={done >= total ? 'success' : 'brand'}
            margin="xx-small 0 0 0"
            // A visible track, so an empty bar reads as "0 of n" and not as a divider line.
            themeOverride={{ trackColor: '#E8EAEC', trackBottomBorderColor: '#6A7883' }}
          />
        </div>
      </div>
    </View>
  );
}

export default AttributeCard;
