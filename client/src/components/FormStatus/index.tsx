import { Text } from '@instructure/ui-text/v11_6';
import { View } from '@instructure/ui-view/v11_6';
import type { FormStatusProps } from './props';

const colors = { info: 'secondary', success: 'success', danger: 'danger' } as const;

/** A polite live region next to a form's submit button: "Saving…", "Saved.", or what went wrong. */
export function FormStatus({ message, tone, details }: FormStatusProps) {
  return (
    <View as="div" role="status" aria-live="polite" display="block" margin="small 0 0 0" minHeight="1.5rem">
      {message ? (
        <Text color={colors[tone]} weight={tone === 'info' ? 'normal' : 'bold'}>
          {message}
        </Text>
      ) : null}
      {details?.map((d) => (
        <Text as="p" key={d} color="danger" size="small">
          {d}
        </Text>
      ))}
    </View>
  );
}

export default FormStatus;
