// 工资: a month's statements. Everyone sees their own; supervisors their groups'; managers and admins set the
// teams' targets, run the month (a draft, recomputed on each run) and close it once it is over. A statement opens
// with every line's arithmetic, clause and records.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, InputNumber, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { ExportButton } from '../../shared/ExportButton';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useCompanyTime } from '../../shared/time';
import { knownKey, useI18n, type MessageKey } from '../../i18n';
import { InquiriesCard } from './InquiriesCard';
import { MinimumWagesCard } from './MinimumWagesCard';
import { MonthToDateCard } from './MonthToDateCard';
import { StatementDrawer } from './StatementDrawer';
import { WhatIfPanel } from './WhatIfPanel';
import { yuan, type PayrollMonth, type Statement, type TeamTarget } from './types';

export default function PayrollPage() {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const time = useCompanyTime();
  const errorText = useErrorText();
  // Last month by default: the one to run and close.
  const [month, setMonth] = useState<Dayjs>(() => dayjs(time.today()).subtract(1, 'month').startOf('month'));
  const m = month.format('YYYY-MM');
  const [state, setState] = useState<PayrollMonth | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const mayRun = hasRight(user, 'run_payroll');
  const list = usePagedList<Statement>(`/api/v1/payroll/${m}/statements`, {}, 100);
  const loadState = useCallback(() => {
    setState(null);
    api<PayrollMonth>('GET', `/api/v1/payroll/${m}`).then(setState).catch(() => setState(null));
  }, [m]);
  useEffect(loadState, [loadState]);
  async function act(path: string, done: (r: { statements?: number }) => string) {
    setBusy(true);
    try {
      const r = await api<{ statements?: number }>('POST', path);
      message.success(done(r));
      loadState();
      void list.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  const sum = (k: 'gross_fen' | 'deductions_fen' | 'net_fen') => list.items.reduce((a, s) => a + s[k], 0);
  const over = month.endOf('month').format('YYYY-MM-DD') < time.today();
  return (
    <>
      <Typography.Title level={3}>{t('payroll.title')}</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <DatePicker picker="month" value={month} onChange={(d) => d && setMonth(d)} allowClear={false} data-testid="payroll-month"
            disabledDate={(d) => d.isAfter(dayjs(time.today()), 'month')} />
          {state && <Tag color={state.status === 'closed' ? 'green' : state.status === 'draft' ? 'blue' : 'default'} data-testid="payroll-status">
            {t(`payroll.status.${state.status}` as MessageKey)}</Tag>}
          {mayRun && state && state.status !== 'closed' && (
            <Button type="primary" loading={busy} data-testid="payroll-run"
              onClick={() => void act(`/api/v1/payroll/${m}/run`, (r) => t('payroll.ran', { n: r.statements ?? 0 }))}>
              {state.status === 'draft' ? t('payroll.rerun') : t('payroll.run')}</Button>
          )}
          {mayRun && state?.status === 'draft' && over && (
            <Popconfirm title={t('payroll.close_confirm', { month: m })} onConfirm={() => void act(`/api/v1/payroll/${m}/close`, () => t('payroll.closed'))}>
              <Button danger loading={busy} data-testid="payroll-close">{t('payroll.close')}</Button>
            </Popconfirm>
          )}
          {list.items.length > 0 && <ExportButton path={`/api/v1/payroll/${m}/export`} filter={{}} testId="payroll-export" label={t('payroll.export')} />}
          {list.items.length > 0 && <ExportButton path={`/api/v1/payroll/${m}/export`} filter={{ view: 'lines' }} testId="payroll-export-lines" label={t('payroll.export_lines')} />}
        </Space>
        {state?.policy_versions && state.policy_versions.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="payroll-versions">
            {t('payroll.versions', {
              versions: state.policy_versions.map((v) => t('payroll.version_days', { version: v.version, from: v.from.slice(5), to: v.to.slice(5) })).join(locale === 'en' ? '; ' : '；'),
            })}</Typography.Paragraph>
        )}
        {list.items.length > 0 && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="payroll-totals">
          {t('payroll.totals', { gross: yuan(sum('gross_fen')), deductions: yuan(sum('deductions_fen')), net: yuan(sum('net_fen')) })}</Typography.Paragraph>}
      </Card>
      {!mayRun && <MonthToDateCard />}
      {(mayRun || hasRight(user, 'view_overview')) && state?.status !== 'closed' && <Targets month={m} editable={hasRight(user, 'close_days')} />}
      {mayRun && <MinimumWagesCard month={m} />}
      {mayRun && <WhatIfPanel month={m} />}
      {(mayRun || hasRight(user, 'view_overview')) && <InquiriesCard mayAnswer={mayRun} />}
      <Card size="small">
        <PagedTable<Statement> list={list} testId="payroll-table" scroll={{ x: 820 }} locale={{ emptyText: t('payroll.empty') }}
          onRow={(s) => ({ onClick: () => setOpen(s.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('payroll.person'), dataIndex: 'name', width: 140, render: (n: string, s) => <a data-testid={`statement-${s.user_id}`}>{n}</a> },
            { title: t('payroll.team'), dataIndex: 'team_name', width: 140, responsive: ['sm'] },
            { title: t('payroll.role'), dataIndex: 'role', width: 110, responsive: ['md'], render: (r: string) => { const k = knownKey(`role.${r}`); return k ? t(k) : r; } },
            { title: t('payroll.gross'), dataIndex: 'gross_fen', align: 'right', render: (v: number) => yuan(v) },
            { title: t('payroll.deductions'), dataIndex: 'deductions_fen', align: 'right', responsive: ['sm'], render: (v: number) => yuan(v) },
            { title: t('payroll.net'), dataIndex: 'net_fen', align: 'right', render: (v: number) => <Typography.Text strong>{yuan(v)}</Typography.Text> },
            {
              title: t('payroll.status_next'), dataIndex: 'status_next_month', width: 100, responsive: ['md'],
              render: (v: string, s) => (v && v !== s.employment_status ? <Tag color={v === 'eliminated' ? 'red' : 'green'}>{t(`payroll.emp.${v}` as MessageKey)}</Tag> : null),
            },
          ]} />
      </Card>
      <StatementDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

/** Each team's target for the month, set by a manager (history kept by the server). */
function Targets({ month, editable }: { month: string; editable: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [items, setItems] = useState<TeamTarget[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Record<number, number | null>>({});
  const load = useCallback(() => {
    setError(null);
    api<{ items: TeamTarget[] }>('GET', `/api/v1/pay/targets?month=${month}`).then((r) => { setItems(r.items); setDraft({}); }).catch(setError);
  }, [month]);
  useEffect(load, [load]);
  async function save(team: number) {
    const yuanValue = draft[team];
    if (yuanValue === null || yuanValue === undefined) return;
    try {
      await api('PUT', '/api/v1/pay/targets', { team_id: team, month, amount_fen: Math.round(yuanValue * 100) });
      message.success(t('payroll.target_saved'));
      load();
    } catch (e) {
      message.error(errorText(e));
    }
  }
  if (error) return <Alert type="error" showIcon message={errorText(error)} style={{ marginBottom: 12 }} />;
  return (
    <Card size="small" title={t('payroll.targets')} style={{ marginBottom: 12 }} data-testid="payroll-targets" loading={items === null}>
      <Typography.Paragraph type="secondary">{t('payroll.targets_hint')}</Typography.Paragraph>
      <Table<TeamTarget> rowKey="team_id" size="small" pagination={false} dataSource={items ?? []}
        columns={[
          { title: t('payroll.team'), dataIndex: 'team_name' },
          { title: t('payroll.target_amount'), key: 'amount', render: (_: unknown, x) => (x.amount_fen === null ? <Tag>{t('payroll.target_none')}</Tag> : `¥${yuan(x.amount_fen)}`) },
          ...(!editable ? [] : [{
            title: '', key: 'edit', width: 260,
            render: (_: unknown, x: TeamTarget) => (
              <Space>
                <span data-testid={`target-${x.team_id}`}>
                  <InputNumber min={0.01} precision={2} style={{ width: 150 }} value={draft[x.team_id] ?? null}
                    onChange={(v) => setDraft((d) => ({ ...d, [x.team_id]: v }))} />
                </span>
                <Button size="small" onClick={() => void save(x.team_id)} disabled={!draft[x.team_id]} data-testid={`target-save-${x.team_id}`}>{t('payroll.target_save')}</Button>
              </Space>
            ),
          }]),
        ]} />
    </Card>
  );
}
