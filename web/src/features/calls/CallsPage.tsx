// Calls of a day (the company's day), as seed 004's two daily sheets and the calls themselves: the day's totals
// and the 电话销售日报表 (one row per agent, idle ones too), the 客户记录日报表 (each customer called, with what its
// record holds), then the calls, paged. Every figure comes from the server's metric layer; none is counted here.
import { useCallback, useEffect, useState } from 'react';
import { Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { api, type Call, type Page, type User } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { knownKey, useI18n } from '../../i18n';
import { usePagedList } from '../../shared/usePagedList';
import { ExportButton } from '../../shared/ExportButton';
import { LoadError } from '../../shared/ListFooter';
import { PagedTable } from '../../shared/PagedTable';
import { duration, useCompanyTime } from '../../shared/time';
import { FabricatedCell } from './MarkFabricated';

type Metrics = Record<string, number>;
interface SheetFigures {
  metrics: Metrics;
  connect_rate_bp: number;
  first_call_at: string | null;
  last_call_at: string | null;
}
interface AgentRow extends SheetFigures {
  agent_id: number;
  agent_name: string;
  username: string;
  team_name: string;
}
interface SalesSheet {
  day: string;
  items: AgentRow[];
  total: SheetFigures;
}
interface CustomerRow {
  agent_id: number;
  agent_name: string;
  customer_id: number;
  company: string;
  contact_name: string;
  title: string;
  phone: string;
  headcount: number | null;
  it_status: string;
  grade: string;
  found_today: boolean;
  calls: number;
  effective_calls: number;
  talk_seconds: number;
  last_result: string;
}

const percent = (bp: number) => `${(bp / 100).toFixed(1)}%`;
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export default function CallsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const time = useCompanyTime();
  const [day, setDay] = useState<Dayjs>(() => dayjs(time.today()));
  const [agent, setAgent] = useState<number>();
  const [agents, setAgents] = useState<Record<number, string>>({});
  const [sheet, setSheet] = useState<SalesSheet | null>(null);
  const [sheetError, setSheetError] = useState<unknown>(null);
  const filter = { day: day.format('YYYY-MM-DD'), agent_id: agent ? String(agent) : undefined };
  const list = usePagedList<Call>('/api/v1/calls', filter);
  const customerSheet = usePagedList<CustomerRow>('/api/v1/sheets/customers', filter);
  const key = JSON.stringify(filter);
  const loadSheet = useCallback(() => {
    setSheet(null);
    setSheetError(null);
    const q = new URLSearchParams(Object.entries(JSON.parse(key) as Record<string, string>).filter(([, v]) => v));
    api<SalesSheet>('GET', `/api/v1/sheets/sales?${q}`).then(setSheet).catch(setSheetError);
  }, [key]);
  useEffect(loadSheet, [loadSheet]);
  useEffect(() => {
    api<Page<User>>('GET', '/api/v1/users?limit=1000')
      .then((p) => setAgents(Object.fromEntries(p.items.map((u) => [u.id, u.display_name]))))
      .catch(() => {});
  }, []);
  const totals = sheet?.total;
  const m = totals?.metrics;
  const mayExport = hasRight(user, 'export_customers');
  const mayMark = hasRight(user, 'enter_points');
  const many = (sheet?.items.length ?? 0) > 1;
  const metric = (name: string, title: string) => ({
    title, dataIndex: ['metrics', name], sorter: (a: AgentRow, b: AgentRow) => a.metrics[name] - b.metrics[name],
  });

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
      {sheetError !== null && <LoadError error={sheetError} retry={loadSheet} />}
      <Card size="small" style={{ marginBottom: 16 }} data-testid="calls-totals" title={t('calls.day_totals', { day: filter.day })}>
        <Row gutter={[16, 8]}>
          <Col xs={12} md={3}><Statistic title={t('calls.dials')} value={m?.dials} loading={!m} data-testid="total-dials" /></Col>
          <Col xs={12} md={3}><Statistic title={t('calls.connects')} value={m?.connects} loading={!m} data-testid="total-connects" /></Col>
          <Col xs={12} md={3}><Statistic title={t('calls.connect_rate')} value={totals ? percent(totals.connect_rate_bp) : undefined} loading={!m} /></Col>
          <Col xs={12} md={3}><Statistic title={t('calls.effective')} value={m?.effective_calls} loading={!m} data-testid="total-effective" /></Col>
          <Col xs={12} md={3}><Statistic title={t('calls.talk_time')} value={m ? duration(m.talk_seconds) : undefined} loading={!m} /></Col>
          <Col xs={12} md={3}><Statistic title={t('sheet.follow_ups')} value={m?.follow_ups} loading={!m} data-testid="total-follow-ups" /></Col>
          <Col xs={12} md={3}><Statistic title={t('sheet.new_customers')} value={m?.new_customers} loading={!m} data-testid="total-new-customers" /></Col>
          <Col xs={12} md={3}><Statistic title={t('sheet.deals')} value={m?.deals} loading={!m} data-testid="total-deals" /></Col>
        </Row>
      </Card>
      {many && (
        <Card size="small" style={{ marginBottom: 16 }} title={t('sheet.sales_title')} data-testid="calls-by-agent"
          extra={mayExport && <ExportButton path="/api/v1/sheets/sales/export" filter={filter} testId="sales-sheet-export" />}>
          <Table<AgentRow> rowKey="agent_id" size="small" pagination={false} dataSource={sheet?.items ?? []} loading={!sheet}
            scroll={{ x: 1280 }} data-testid="agent-table" locale={{ emptyText: t('common.empty') }}
            columns={[
              { title: t('calls.agent'), dataIndex: 'agent_name', fixed: 'left', sorter: (a, b) => a.agent_name.localeCompare(b.agent_name, 'zh-CN') },
              { title: t('sheet.team'), dataIndex: 'team_name' },
              { ...metric('dials', t('calls.dials')), defaultSortOrder: 'descend' as const },
              metric('connects', t('calls.connects')),
              { title: t('calls.connect_rate'), dataIndex: 'connect_rate_bp', render: percent, sorter: (a, b) => a.connect_rate_bp - b.connect_rate_bp },
              metric('effective_calls', t('calls.effective')),
              { title: t('calls.talk_time'), dataIndex: ['metrics', 'talk_seconds'], render: duration, sorter: (a, b) => a.metrics.talk_seconds - b.metrics.talk_seconds },
              metric('faxes', t('sheet.faxes')),
              metric('follow_ups', t('sheet.follow_ups')),
              metric('follow_up_worthy', t('sheet.worthy')),
              metric('new_customers', t('sheet.new_customers')),
              { title: t('sheet.grade_ab'), key: 'ab', render: (_: unknown, r: AgentRow) => `${r.metrics.new_customers_a} / ${r.metrics.new_customers_b}` },
              metric('deals', t('sheet.deals')),
              { title: t('sheet.revenue'), dataIndex: ['metrics', 'revenue_fen'], render: yuan, sorter: (a, b) => a.metrics.revenue_fen - b.metrics.revenue_fen },
              { title: t('calls.first_call'), dataIndex: 'first_call_at', render: (v: string | null) => time.time(v), sorter: (a, b) => (a.first_call_at ?? '~').localeCompare(b.first_call_at ?? '~') },
              { title: t('calls.last_call'), dataIndex: 'last_call_at', render: (v: string | null) => time.time(v), sorter: (a, b) => (a.last_call_at ?? '').localeCompare(b.last_call_at ?? '') },
            ]} />
        </Card>
      )}
      <Card size="small" style={{ marginBottom: 16 }} title={t('sheet.customers_title')} data-testid="customer-sheet"
        extra={mayExport && <ExportButton path="/api/v1/sheets/customers/export" filter={filter} testId="customer-sheet-export" />}>
        <PagedTable<CustomerRow>
          list={customerSheet}
          size="small"
          testId="customer-sheet-table"
          rowKey={(r) => `${r.agent_id}-${r.customer_id}`}
          scroll={{ x: 1100 }}
          columns={[
            ...(many ? [{ title: t('calls.agent'), dataIndex: 'agent_name' }] : []),
            { title: t('sheet.company'), dataIndex: 'company', render: (name: string, r) => <Link to={`/customers/${r.customer_id}`}>{name}</Link> },
            { title: t('sheet.contact'), dataIndex: 'contact_name' },
            { title: t('sheet.title'), dataIndex: 'title' },
            { title: t('calls.number'), dataIndex: 'phone' },
            { title: t('sheet.headcount'), dataIndex: 'headcount', render: (n: number | null) => n ?? '' },
            { title: t('sheet.it_status'), dataIndex: 'it_status' },
            { title: t('customers.grade'), dataIndex: 'grade', render: (g: string) => (g ? <Tag>{g}</Tag> : '') },
            { title: t('sheet.found_today'), dataIndex: 'found_today', render: (f: boolean) => (f ? <Tag color="blue">{t('sheet.new')}</Tag> : '') },
            { title: t('sheet.calls'), dataIndex: 'calls' },
            { title: t('calls.effective'), dataIndex: 'effective_calls', render: (n: number) => (n > 0 ? <Tag color="green">{n}</Tag> : '') },
            { title: t('calls.talk'), dataIndex: 'talk_seconds', render: duration },
            { title: t('sheet.last_result'), dataIndex: 'last_result', render: (r: string) => { const k = knownKey(`result.${r}`); return k ? t(k) : r; } },
          ]}
        />
      </Card>
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
          {
            title: t('calls.audit'), key: 'audit', width: 110,
            render: (_: unknown, c: Call) => (
              <FabricatedCell call={c} mayMark={mayMark && c.agent_id !== user?.id} onMarked={() => { void list.reload(); loadSheet(); }} />
            ),
          },
        ]}
      />
    </>
  );
}
