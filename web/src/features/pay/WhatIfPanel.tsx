// 模拟: "what would this month have paid under that draft?" — a policy version (a draft, or any other) run over
// the month beside the month as it stands, per person and per line. Nothing is written.
import { useEffect, useState } from 'react';
import { Alert, Button, Collapse, Select, Space, Table, Typography } from 'antd';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useI18n, type MessageKey } from '../../i18n';
import type { PolicyVersion } from '../rules/types';
import { yuan, type WhatIf, type WhatIfPerson } from './types';

const signed = (fen: number) => (fen > 0 ? `+${yuan(fen)}` : yuan(fen));
const tone = (fen: number) => (fen > 0 ? 'success' : fen < 0 ? 'danger' : 'secondary');

export function WhatIfPanel({ month }: { month: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [versions, setVersions] = useState<PolicyVersion[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [result, setResult] = useState<WhatIf | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api<{ items: PolicyVersion[] }>('GET', '/api/v1/policies').then((r) => setVersions(r.items)).catch(setError);
  }, []);
  useEffect(() => setResult(null), [month]);
  async function simulate() {
    setBusy(true);
    setError(null);
    try {
      setResult(await api<WhatIf>('POST', `/api/v1/payroll/${month}/whatif`, { policy_id: chosen }));
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const changed = (result?.people ?? []).filter((p) => p.difference_fen !== 0 || p.lines.length > 0);
  return (
    <Collapse size="small" style={{ marginBottom: 12 }} data-testid="whatif" items={[{
      key: 'whatif', label: t('payroll.whatif_title'),
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('payroll.whatif_hint')}</Typography.Text>
          <Space wrap>
            <Select style={{ width: 320, maxWidth: '100%' }} placeholder={t('payroll.whatif_pick')} loading={versions === null}
              value={chosen ?? undefined} onChange={setChosen} data-testid="whatif-policy"
              options={(versions ?? []).map((v) => ({ value: v.id, label: `v${v.version} · ${v.name} · ${t(`rules.status.${v.status}` as MessageKey)}` }))} />
            <Button type="primary" ghost disabled={chosen === null} loading={busy} onClick={() => void simulate()} data-testid="whatif-run">{t('payroll.whatif_run')}</Button>
          </Space>
          {error ? <Alert type="error" showIcon message={errorText(error)} /> : null}
          {result && (
            <>
              <Typography.Paragraph data-testid="whatif-summary" style={{ margin: 0 }}>
                {t(result.against === 'statements' ? 'payroll.whatif_against_statements' : 'payroll.whatif_against_in_force', { v: result.before_version })}
                {' '}{t('payroll.whatif_totals', { n: changed.length, all: result.people.length, before: yuan(result.before_net_fen), after: yuan(result.after_net_fen) })}
                {' '}<Typography.Text strong type={tone(result.difference_fen)}>{signed(result.difference_fen)}</Typography.Text>
              </Typography.Paragraph>
              <Table<WhatIfPerson> rowKey="user_id" size="small" dataSource={changed} pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 640 }} data-testid="whatif-table" locale={{ emptyText: t('payroll.whatif_no_change') }}
                expandable={{
                  rowExpandable: (p) => p.lines.length > 0,
                  expandedRowRender: (p) => (
                    <Table size="small" pagination={false} rowKey={(l) => `${l.code}|${l.rule}`} dataSource={p.lines}
                      columns={[
                        { title: t('payroll.rule'), dataIndex: 'rule', render: (r: string) => <Typography.Text code style={{ fontSize: 12 }}>{r}</Typography.Text> },
                        { title: t('payroll.whatif_before'), dataIndex: 'before_fen', align: 'right', render: (v: number) => yuan(v) },
                        { title: t('payroll.whatif_after'), dataIndex: 'after_fen', align: 'right', render: (v: number) => yuan(v) },
                        { title: t('payroll.whatif_difference'), dataIndex: 'difference_fen', align: 'right', render: (v: number) => <Typography.Text type={tone(v)}>{signed(v)}</Typography.Text> },
                      ]} />
                  ),
                }}
                columns={[
                  { title: t('payroll.person'), dataIndex: 'name', width: 120 },
                  { title: t('payroll.team'), dataIndex: 'team_name', width: 120, responsive: ['sm'] },
                  { title: t('payroll.whatif_before'), dataIndex: 'before_net_fen', align: 'right', render: (v: number) => yuan(v) },
                  { title: t('payroll.whatif_after'), dataIndex: 'after_net_fen', align: 'right', render: (v: number) => yuan(v) },
                  { title: t('payroll.whatif_difference'), dataIndex: 'difference_fen', align: 'right', render: (v: number, p) => <Typography.Text strong type={tone(v)} data-testid={`whatif-diff-${p.user_id}`}>{signed(v)}</Typography.Text> },
                ]} />
            </>
          )}
        </Space>
      ),
    }]} />
  );
}
