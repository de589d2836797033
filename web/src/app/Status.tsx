// Pages that say where the user cannot go.
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n';

export function Forbidden() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div data-testid="forbidden">
      <Result
        status="403"
        title={t('forbidden.title')}
        subTitle={t('forbidden.text')}
        extra={<Button onClick={() => navigate('/')}>{t('forbidden.back')}</Button>}
      />
    </div>
  );
}

export function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('notfound.title')}
      extra={<Button onClick={() => navigate('/')}>{t('forbidden.back')}</Button>}
    />
  );
}
