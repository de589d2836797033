// Sign in. The server's answers are shown as they come: a wrong password, a locked account (with the wait).
import { useState, type FormEvent } from 'react';
import { Alert, Button, Input } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../shared/api';
import { useAuth } from '../shared/auth';
import { useErrorText } from '../shared/errors';
import { useI18n } from '../i18n';

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { user, ended, login } = useAuth();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;
  if (user) return <Navigate to={from ?? '/'} replace />;

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  // A plain form (not antd's Form): sign-in is the first thing loaded, and stays small.
  async function submit(e: FormEvent) {
    e.preventDefault();
    const values = { username: username.trim(), password };
    setMissing(!values.username || !values.password);
    if (!values.username || !values.password) return;
    setBusy(true);
    setError(null);
    try {
      await login(values.username, values.password);
      navigate(from ?? '/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) {
        setError(t('login.locked', { seconds: e.retryAfter ?? 900 }));
      } else {
        setError(errorText(e));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <div style={{ width: 360, maxWidth: 'calc(100vw - 32px)', background: '#fff', borderRadius: 8, padding: 24, boxShadow: '0 1px 2px rgba(0,0,0,0.06)' }}>
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: 16 }}>
          <h1 style={{ fontSize: 18, margin: 0 }}>{t('login.title')}</h1>
          <Button type="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')} data-testid="lang-switch">
            {t('lang.switch')}
          </Button>
        </div>
        {ended && !error && <Alert type="warning" message={t('login.session_ended')} showIcon style={{ marginBottom: 16 }} data-testid="session-ended" />}
        {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 16 }} data-testid="login-error" />}
        <form onSubmit={submit} noValidate>
          <label htmlFor="username" style={{ display: 'block', marginBottom: 8 }}>{t('login.username')}</label>
          <Input id="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus
            status={missing && !username.trim() ? 'error' : undefined} data-testid="username" style={{ marginBottom: 16 }} />
          <label htmlFor="password" style={{ display: 'block', marginBottom: 8 }}>{t('login.password')}</label>
          <Input.Password id="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password"
            status={missing && !password ? 'error' : undefined} data-testid="password" />
          {missing && <div role="alert" style={{ color: '#ff4d4f', marginTop: 8 }}>{t('login.required')}</div>}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit" style={{ marginTop: 24 }}>
            {t('login.submit')}
          </Button>
        </form>
      </div>
    </div>
  );
}
