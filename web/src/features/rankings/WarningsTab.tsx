// 末位淘汰: the month-end list a close wrote — each person's figure and place, why the rules listed them, what they
// propose — for a manager to confirm (warning, elimination) or override with a reason. Supervisors see their teams'.
import { useState } from 'react';
import { Button, Card, DatePicker, Segmented, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { hasRight, useAuth } from '../../shared/auth';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useI18n, type MessageKey } from '../../i18n';
import { DecisionModal, type Deciding } from '../discipline/DecisionModal';
import { figure } from './format';

interface Reason { rule: 'bottom' | 'below' | 'below_months' | 'zero'; proposes: string; count?: number; among?: string; rank?: number; of?: number; under?: number; months?: number }
interface Entry {
  id: number; user_id: number; user_name: string; month: string; metric: string; value: number; rank: number; people: number;
  reasons: Reason[]; proposes: 'warning' | 'elimination'; decision: 'warning' | 'elimination' | 'overridden' | null; note: string; decided_by_name: string;
}

export function WarningsTab() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [state, setState] = useState('open');
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const list = usePagedList<Entry>('/api/v1/discipline/warnings', { state, month: month?.format('YYYY-MM') });
  const mayDecide = hasRight(user, 'decide_objections');
  const reasonText = (e: Entry, r: Reason) => t(`warnings.reason.${r.rule}` as MessageKey, {
    among: t(`warnings.among.${r.among ?? 'company'}` as MessageKey), count: r.count ?? 0, rank: r.rank ?? 0, of: r.of ?? 0,
    under: figure(e.metric, r.under ?? 0), months: r.months ?? 0,
  });
  const decide = (e: Entry, decision: string) => setDeciding({
    path: `/api/v1/discipline/warnings/${e.id}/decision`,
    title: t('warnings.decide_title', { name: e.user_name, what: t(decision === 'overridden' ? 'warnings.override' : `warnings.confirm_${decision}` as MessageKey) }),
    decision,
    noteRequired: decision !== e.proposes,
  });
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented value={state} onChange={(v) => setState(String(v))} data-testid="warnings-state"
          options={[{ value: 'open', label: t('decisions.open') }, { value: 'decided', label: t('decisions.decided') }]} />
        <DatePicker picker="month" value={month} onChange={setMonth} placeholder={t('warnings.month')} data-testid="warnings-month" />
      </Space>
      <PagedTable<Entry> list={list} testId="warnings-table" scroll={{ x: 1000 }}
        columns={[
          { title: t('decisions.person'), dataIndex: 'user_name', width: 120 },
          { title: t('warnings.month'), dataIndex: 'month', width: 90 },
          { title: t('warnings.value'), key: 'value', width: 130, align: 'right', render: (_: unknown, e) => figure(e.metric, e.value) },
          { title: t('warnings.place'), key: 'place', width: 90, render: (_: unknown, e) => t('warnings.place_of', { rank: e.rank, n: e.people }) },
          {
            title: t('warnings.reasons'), key: 'reasons',
            render: (_: unknown, e) => <Space direction="vertical" size={0}>{e.reasons.map((r, i) => <span key={i}>{reasonText(e, r)}</span>)}</Space>,
          },
          {
            title: t('warnings.proposes'), key: 'proposes', width: 90,
            render: (_: unknown, e) => <Tag color={e.proposes === 'elimination' ? 'red' : 'orange'}>{t(`warnings.proposes.${e.proposes}` as MessageKey)}</Tag>,
          },
          {
            title: '', key: 'act', width: 230, fixed: 'right',
            render: (_: unknown, e) => (e.decision
              ? <Space direction="vertical" size={0}><Tag color={e.decision === 'elimination' ? 'red' : 'default'}>{t(`warnings.decision.${e.decision}` as MessageKey)}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.note}{e.decided_by_name ? ` — ${e.decided_by_name}` : ''}</Typography.Text></Space>
              : mayDecide && (
                <Space size={4}>
                  <Button size="small" onClick={() => decide(e, 'warning')} data-testid={`warn-${e.id}`}>{t('warnings.confirm_warning')}</Button>
                  <Button size="small" danger onClick={() => decide(e, 'elimination')} data-testid={`eliminate-${e.id}`}>{t('warnings.confirm_elimination')}</Button>
                  <Button size="small" onClick={() => decide(e, 'overridden')} data-testid={`override-${e.id}`}>{t('warnings.override')}</Button>
                </Space>
              )),
          },
        ]} />
      <DecisionModal deciding={deciding} onClose={() => setDeciding(null)} onDone={() => { setDeciding(null); void list.reload(); }} />
    </Card>
  );
}
