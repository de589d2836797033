// The in-app notice of newly published rules: a button in the header (which never moves the page under the
// user's hand) on every page until the employee has read and acknowledged them in the rule book.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { api } from '../../shared/api';
import { useI18n } from '../../i18n';
import type { PolicyVersion } from './types';

/** Fired on window when the user acknowledges or publishes a version, so the notice follows at once. */
export const POLICY_CHANGED = 'waihu:policy-changed';

export function PolicyNotice() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [pending, setPending] = useState<PolicyVersion[]>([]);
  const load = useCallback(() => {
    api<{ items: PolicyVersion[] }>('GET', '/api/v1/policies/unacknowledged').then((r) => setPending(r.items)).catch(() => setPending([]));
  }, []);
  useEffect(() => {
    load();
    window.addEventListener(POLICY_CHANGED, load);
    return () => window.removeEventListener(POLICY_CHANGED, load);
  }, [load]);
  const v = pending[pending.length - 1];
  if (!v || location.pathname === '/rules') return null;
  const text = t('rules.notice', { name: v.name, n: v.version, date: v.effective_from });
  return (
    <Badge dot>
      <Button size="small" type="primary" onClick={() => navigate('/rules')} title={text} aria-label={text}
        data-testid="policy-notice">
        {t('rules.notice_short')}
      </Button>
    </Badge>
  );
}
