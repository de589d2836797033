// Calls of a day (China time), by agent: the server pages and scopes them (an agent sees own calls, a supervisor
// the team's); export of the same filter to Excel or CSV.
import { useEffect, useState } from 'react';
import { DatePicker, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api, type Page, type User } from '../api';
import { useAuth } from '../auth';
import { useI18n, type MessageKey } from '../i18n';
import { usePagedList } from '../usePagedList';
import { ExportButton } from './ExportButton';
import { PagedTable } from './PagedTable';

interface Call {
  id: number;
  agent_id: number;
  customer_id: number | null;
  number: string;
  started_at: string;
  answered_at: string | null;
  talk_seconds: number;
  result: string;
  effective: boolean;
  source: 'agent' | 'imported';
}

export default function CallsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const [agent, setAgent] = useState<number>();
  const [agents, setAgents] = useState<Record<number, string>>({});
  const filter = { day: day.format('YYYY-MM-DD'), agent_id: agent ? String(agent) : undefined };
  const list = usePagedList<Call>('/api/v1/calls', filter);
  useEffect(() => {
    api<Page<User>>('GET', '/api/v1/users?limit=1000')
      .then((p) => setAgents(Object.fromEntries(p.items.map((u) => [u.id, u.display_name]))))
      .catch(() => {});
  }, []);
  const connected = list.items.filter((c) => c.answered_at !== null).length;
  const effective = list.items.filter((c) => c.effective).length;
  return (
    <>
      <Typography.Title level={3}>{t('calls.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} data-testid="calls-day" />
        {Object.keys(agents).length > 1 && (
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('calls.agent')} value={agent} onChange={setAgent}
            style={{ width: 160 }} options={Object.entries(agents).map(([id, name]) => ({ value: Number(id), label: name }))} />
        )}
        {user?.rights?.export_customers && (
          <ExportButton path="/api/v1/calls/export" filter={filter} testId="calls-export" />
        )}
        <span style={{ color: '#888' }}>{t('calls.summary', { n: list.items.length, c: connected, e: effective })}</span>
      </Space>
      <PagedTable<Call>
        list={list}
        size="small"
        testId="calls-table"
        columns={[
          { title: t('calls.started'), dataIndex: 'started_at', render: (v: string) => new Date(v).toLocaleTimeString() },
          { title: t('calls.agent'), dataIndex: 'agent_id', render: (id: number) => agents[id] ?? `#${id}` },
          { title: t('calls.number'), dataIndex: 'number' },
          {
            title: t('calls.customer'), dataIndex: 'customer_id',
            render: (id: number | null) => (id ? <Link to={`/customers/${id}`}>#{id}</Link> : '—'),
          },
          { title: t('calls.result'), dataIndex: 'result', render: (r: string) => t(`result.${r}` as MessageKey) },
          { title: t('calls.talk'), dataIndex: 'talk_seconds' },
          { title: t('calls.effective'), dataIndex: 'effective', render: (e: boolean) => (e ? <Tag color="green">✓</Tag> : '') },
          { title: t('calls.source'), dataIndex: 'source', render: (s: string) => t(`calls.source.${s}` as MessageKey) },
        ]}
      />
    </>
  );
}
