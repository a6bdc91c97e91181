import { useState } from 'react';
import { Button } from '@instructure/ui-buttons/v11_6';
import { saveBlob } from '../../api/client';
import { isApiFailure } from '../../api';
import { planApi } from '../../api/plan';
import { useT } from '../../i18n';
import type { ExportPdfButtonProps } from './props';

/** Downloads the whole plan as a PDF (fetched with the token, saved through an object URL). */
export function ExportPdfButton({ studentId }: ExportPdfButtonProps = {}) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'working' | 'failed' | 'offline'>('idle');
  const run = async () => {
    setState('working');
    try {
      const blob = await planApi.exportPdf({ studentId });
      saveBlob(blob, t('export.filename'));
      setState('idle');
    } catch (e) {
      if (!isApiFailure(e)) throw e;
      setState(e.kind === 'network' ? 'offline' : 'failed');
    }
  };
  return (
    <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
      <Button onClick={() => void run()} interaction={state === 'working' ? 'disabled' : 'enabled'}>
        {state === 'working' ? t('export.working') : t('export.button')}
      </Button>
      <span role="status" aria-live="polite" style={{ fontSize: '0.875rem' }}>
        {state === 'failed' ? t('export.failed') : state === 'offline' ? t('export.offline') : ''}
      </span>
    </div>
  );
}

export default ExportPdfButton;
