// The teams' activity funds (活动经费): each team's balance — shares of fines in, spending and give-backs out — and a
// team's movements, newest first; managers record what the fund paid for, never more than it holds.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Card, Form, Input, InputNumber, Modal, Table, Button, Typography, message } from 'antd';
import { api } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useI18n } from '../../i18n';
import type { Fund, FundRow, FundTeam } from './types';

const yuan = (fen: number) => (fen / 100).toFixed(2);

export function FundPanel() {
  const { t } = useI18n();
  const { user } = useAuth();
  const errorText = useErrorText();
  const [teams, setTeams] = useState<FundTeam[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [team, setTeam] = useState<FundTeam | null>(null);
  const [spending, setSpending] = useState(false);
  const loadTeams = useCallback(async () => {
    setError(null);
    try {
      const f = await api<Fund>('GET', '/api/v1/discipline/fund');
      setTeams(f.teams);
      setTeam((cur) => (cur ? f.teams.find((x) => x.team_id === cur.team_id) ?? null : f.teams.length === 1 ? f.teams[0] : null));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => { void loadTeams(); }, [loadTeams]);
  return (
    <>
      {error ? <Alert type="error" showIcon message={errorText(error)} action={<Button size="small" onClick={() => void loadTeams()}>{t('app.retry')}</Button>} /> : null}
      <Card size="small" title={t('reports.fund')} style={{ marginBottom: 12 }}>
        <Table<FundTeam> rowKey="team_id" size="small" loading={teams === null && !error} dataSource={teams ?? []} pagination={false} data-testid="fund-teams"
          onRow={(r) => ({ onClick: () => setTeam(r), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.team_id === team?.team_id ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('fund.team'), dataIndex: 'name' },
            { title: t('fund.balance'), dataIndex: 'balance_fen', align: 'right', render: (f: number, r) => <span data-testid={`fund-balance-${r.team_id}`}>{yuan(f)}</span> },
          ]} />
      </Card>
      {team ? (
        <FundRows key={`${team.team_id}:${team.balance_fen}`} team={team} mayspend={hasRight(user, 'manage_fund')} onSpend={() => setSpending(true)} />
      ) : (
        <Typography.Text type="secondary">{t('fund.pick')}</Typography.Text>
      )}
      {team && <SpendModal open={spending} team={team} onClose={() => setSpending(false)} onDone={() => { setSpending(false); void loadTeams(); }} />}
    </>
  );
}

function FundRows({ team, mayspend, onSpend }: { team: FundTeam; mayspend: boolean; onSpend: () => void }) {
  const { t } = useI18n();
  const list = usePagedList<FundRow>('/api/v1/discipline/fund', { team_id: String(team.team_id) });
  return (
    <Card size="small" title={`${team.name} · ${t('fund.rows')}`}
      extra={mayspend && <Button type="primary" onClick={onSpend} disabled={team.balance_fen <= 0} data-testid="fund-spend">{t('fund.spend')}</Button>}>
      <PagedTable<FundRow> list={list} testId="fund-rows" scroll={{ x: 640 }} columns={[
        { title: t('fund.day'), dataIndex: 'day', width: 110 },
        { title: t('fund.amount'), dataIndex: 'amount_fen', width: 110, align: 'right', render: (f: number) => <Typography.Text type={f < 0 ? 'danger' : 'success'}>{f > 0 ? '+' : ''}{yuan(f)}</Typography.Text> },
        { title: t('fund.reason'), dataIndex: 'reason' },
        { title: t('fund.by'), dataIndex: 'entered_by_name', width: 100, render: (n: string) => n || t('fund.auto') },
      ]} />
    </Card>
  );
}

function SpendModal({ open, team, onClose, onDone }: { open: boolean; team: FundTeam; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  async function submit(v: { yuan: number; reason: string }) {
    setBusy(true);
    try {
      await api('POST', '/api/v1/discipline/fund', { team_id: team.team_id, amount_fen: Math.round(v.yuan * 100), reason: v.reason });
      message.success(t('fund.spent'));
      form.resetFields();
      onDone();
    } catch (e) {
      form.setFields([{ name: 'yuan', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={open} title={t('fund.spend_title', { team: team.name })} onCancel={() => { form.resetFields(); onClose(); }} onOk={() => form.submit()} confirmLoading={busy} destroyOnClose>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="yuan" label={t('fund.spend_amount')} extra={`${t('fund.balance')} ${yuan(team.balance_fen)}`} rules={[{ required: true, message: t('fund.spend_amount_required') }]}>
          <InputNumber min={0.01} max={team.balance_fen / 100} precision={2} style={{ width: '100%' }} data-testid="fund-spend-amount" />
        </Form.Item>
        <Form.Item name="reason" label={t('fund.spend_reason')} rules={[{ required: true, whitespace: true, message: t('fund.spend_reason_required') }]}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="fund-spend-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
