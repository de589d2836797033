// Calls of a day (the company's day): the whole day's totals for the user's scope and a per-agent table, counted
// by the server (sortable, exportable) — then the calls themselves, paged, with agents and customers by name.
import { useCallback, useEffect, useState } from 'react';
import { Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api, type Call, type CallFigures, type Page, type User } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { knownKey, useI18n } from '../../i18n';
import { usePagedList } from '../../shared/usePagedList';
import { ExportButton } from '../../shared/ExportButton';
import { LoadError } from '../../shared/ListFooter';
import { PagedTable } from '../../shared/PagedTable';
import { duration, useCompanyTime } from '../../shared/time';

interface AgentRow extends CallFigures {
  agent_id: number;
  agent_name: string;
  username: string;
}
interface Activity {
  agents: AgentRow[];
  totals: CallFigures;
}

const percent = (bp: number) => `${(bp / 100).toFixed(1)}%`;

export default function CallsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const time = useCompanyTime();
  const [day, setDay] = useState<Dayjs>(() => dayjs(time.today()));
  const [agent, setAgent] = useState<number>();
  const [agents, setAgents] = useState<Record<number, string>>({});
  const [activity, setActivity] = useState<Activity | null>(null);
  const [activityError, setActivityError] = useState<unknown>(null);
  const filter = { day: day.format('YYYY-MM-DD'), agent_id: agent ? String(agent) : undefined };
  const list = usePagedList<Call>('/api/v1/calls', filter);
  const key = JSON.stringify(filter);
  const loadActivity = useCallback(() => {
    setActivity(null);
    setActivityError(null);
    const q = new URLSearchParams(Object.entries(JSON.parse(key) as Record<string, string>).filter(([, v]) => v));
    api<Activity>('GET', `/api/v1/calls/activity?${q}`).then(setActivity).catch(setActivityError);
  }, [key]);
  useEffect(loadActivity, [loadActivity]);
  useEffect(() => {
    api<Page<User>>('GET', '/api/v1/users?limit=1000')
      .then((p) => setAgents(Object.fromEntries(p.items.map((u) => [u.id, u.display_name]))))
      .catch(() => {});
  }, []);
  const totals = activity?.totals;
  const mayExport = hasRight(user, 'export_customers');
  const many = (activity?.agents.length ?? 0) > 1;

  return (
    <>
      <Typography.Title level={3}>{t('calls.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} data-testid="calls-day"
          disabledDate={(d) => d.isAfter(dayjs(time.today()))} />
        {Object.keys(agents).length > 1 && (
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('calls.agent')} value={agent} onChange={setAgent}
            style={{ width: 160 }} options={Object.entries(agents).map(([id, name]) => ({ value: Number(id), label: name }))} />
        )}
      </Space>
      {activityError !== null && <LoadError error={activityError} retry={loadActivity} />}
      <Card size="small" style={{ marginBottom: 16 }} data-testid="calls-totals" title={t('calls.day_totals', { day: filter.day })}>
        <Row gutter={[16, 8]}>
          <Col xs={12} md={4}><Statistic title={t('calls.dials')} value={totals?.dials} loading={!totals} data-testid="total-dials" /></Col>
          <Col xs={12} md={4}><Statistic title={t('calls.connects')} value={totals?.connects} loading={!totals} data-testid="total-connects" /></Col>
          <Col xs={12} md={4}><Statistic title={t('calls.connect_rate')} value={totals ? percent(totals.connect_rate_bp) : undefined} loading={!totals} /></Col>
          <Col xs={12} md={4}><Statistic title={t('calls.effective')} value={totals?.effective} loading={!totals} data-testid="total-effective" /></Col>
          <Col xs={12} md={4}><Statistic title={t('calls.talk_time')} value={totals ? duration(totals.talk_seconds) : undefined} loading={!totals} /></Col>
        </Row>
      </Card>
      {many && (
        <Card size="small" style={{ marginBottom: 16 }} title={t('calls.by_agent')} data-testid="calls-by-agent"
          extra={mayExport && <ExportButton path="/api/v1/calls/activity/export" filter={filter} testId="activity-export" />}>
          <Table<AgentRow> rowKey="agent_id" size="small" pagination={false} dataSource={activity?.agents ?? []} loading={!activity}
            scroll={{ x: 720 }} data-testid="agent-table"
            columns={[
              { title: t('calls.agent'), dataIndex: 'agent_name', fixed: 'left', sorter: (a, b) => a.agent_name.localeCompare(b.agent_name, 'zh-CN') },
              { title: t('calls.dials'), dataIndex: 'dials', sorter: (a, b) => a.dials - b.dials, defaultSortOrder: 'descend' },
              { title: t('calls.connects'), dataIndex: 'connects', sorter: (a, b) => a.connects - b.connects },
              { title: t('calls.connect_rate'), dataIndex: 'connect_rate_bp', render: percent, sorter: (a, b) => a.connect_rate_bp - b.connect_rate_bp },
              { title: t('calls.effective'), dataIndex: 'effective', sorter: (a, b) => a.effective - b.effective },
              { title: t('calls.talk_time'), dataIndex: 'talk_seconds', render: duration, sorter: (a, b) => a.talk_seconds - b.talk_seconds },
              { title: t('calls.first_call'), dataIndex: 'first_call_at', render: (v: string | null) => time.time(v), sorter: (a, b) => (a.first_call_at ?? '~').localeCompare(b.first_call_at ?? '~') },
              { title: t('calls.last_call'), dataIndex: 'last_call_at', render: (v: string | null) => time.time(v), sorter: (a, b) => (a.last_call_at ?? '').localeCompare(b.last_call_at ?? '') },
            ]} />
        </Card>
      )}
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('calls.list')}</Typography.Text>
        {mayExport && <ExportButton path="/api/v1/calls/export" filter={filter} testId="calls-export" />}
      </Space>
      <PagedTable<Call>
        list={list}
        size="small"
        testId="calls-table"
        scroll={{ x: 760 }}
        columns={[
          { title: t('calls.started'), dataIndex: 'started_at', render: (v: string) => time.time(v, true) },
          { title: t('calls.agent'), dataIndex: 'agent_name' },
          {
            title: t('calls.customer'), dataIndex: 'customer_name',
            render: (name: string | null, c) => (c.customer_id ? <Link to={`/customers/${c.customer_id}`}>{name}</Link> : '—'),
          },
          { title: t('calls.number'), dataIndex: 'number' },
          { title: t('calls.result'), dataIndex: 'result', render: (r: string) => { const k = knownKey(`result.${r}`); return k ? t(k) : r; } },
          { title: t('calls.talk'), dataIndex: 'talk_seconds', render: duration },
          { title: t('calls.effective'), dataIndex: 'effective', render: (e: boolean) => (e ? <Tag color="green">✓</Tag> : '') },
          { title: t('calls.source'), dataIndex: 'source', render: (s: string) => { const k = knownKey(`calls.source.${s}`); return k ? t(k) : s; } },
        ]}
      />
    </>
  );
}
