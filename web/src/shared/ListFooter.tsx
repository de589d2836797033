// Previous / next for a cursor-paged list, and the error state with a retry.
import { Alert, Button, Space } from 'antd';
import { useI18n } from '../i18n';
import { useErrorText } from './errors';

export function PagerBar(p: { pageNumber: number; hasPrevious: boolean; hasNext: boolean; previous: () => void; next: () => void }) {
  const { t } = useI18n();
  return (
    <Space style={{ marginTop: 16 }}>
      <Button disabled={!p.hasPrevious} onClick={p.previous} data-testid="page-previous">{t('common.previous')}</Button>
      <span data-testid="page-number">{p.pageNumber}</span>
      <Button disabled={!p.hasNext} onClick={p.next} data-testid="page-next">{t('common.next')}</Button>
    </Space>
  );
}

export function LoadError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  return (
    <Alert type="error" showIcon message={t('app.error')} description={errorText(error)} style={{ marginBottom: 16 }}
      action={<Button onClick={retry}>{t('app.retry')}</Button>} data-testid="load-error" />
  );
}
