// The agent's desk (first version): today's own counts, and the customers due for follow-up today.
import { useEffect, useState } from 'react';
import { Alert, Card, Col, List, Row, Statistic, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api, type Customer, type Page } from '../api';
import { useAuth } from '../auth';
import { useI18n, type MessageKey } from '../i18n';

interface Call { answered_at: string | null; effective: boolean }

/** Today's date in China (UTC+8), as the server's days are. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export default function DeskPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [calls, setCalls] = useState<Call[] | null>(null);
  const [due, setDue] = useState<Customer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!user) return;
    const today = chinaToday();
    api<Page<Call>>('GET', `/api/v1/calls?agent_id=${user.id}&day=${today}&limit=1000`)
      .then((p) => setCalls(p.items)).catch((e) => setError(String(e.message ?? e)));
    api<Page<Customer>>('GET', `/api/v1/customers?owner_id=${user.id}&due_by=${today}&limit=200`)
      .then((p) => setDue(p.items)).catch((e) => setError(String(e.message ?? e)));
  }, [user]);
  const count = (f: (c: Call) => boolean) => (calls ? calls.filter(f).length : undefined);
  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Card title={`${t('desk.today')} · ${chinaToday()}`} style={{ marginBottom: 16 }} data-testid="desk-counts">
        <Row gutter={16}>
          <Col span={8}><Statistic title={t('desk.dials')} value={calls?.length} loading={!calls} /></Col>
          <Col span={8}><Statistic title={t('desk.connects')} value={count((c) => c.answered_at !== null)} loading={!calls} /></Col>
          <Col span={8}><Statistic title={t('desk.effective')} value={count((c) => c.effective)} loading={!calls} /></Col>
        </Row>
      </Card>
      <Card title={t('desk.due')} data-testid="desk-due">
        <List
          loading={!due}
          dataSource={due ?? []}
          locale={{ emptyText: t('desk.due_empty') }}
          renderItem={(c) => (
            <List.Item actions={[<Tag key="s">{t(`status.${c.status}` as MessageKey)}</Tag>, <span key="d">{c.next_follow_up_on}</span>]}>
              <Link to={`/customers/${c.id}`}>{c.company || c.contact_name}</Link>
              <span style={{ marginLeft: 12, color: '#888' }}>{c.contact_name} · {c.phones.join(' / ')}</span>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
