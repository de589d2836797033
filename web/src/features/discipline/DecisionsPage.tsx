// A manager's decisions (申诉与解雇案件): the objections people in scope made to ledger entries — upheld, or withdrawn
// with a note (a correction entry undoes it) — the dismissal cases the catalogue raised, decided with a note, and the
// month-end elimination list (末位淘汰).
// Open ones oldest first, with their age; decided ones newest first.
import { useState } from 'react';
import { Button, Card, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { WarningsTab } from '../rankings/WarningsTab';
import { DecisionModal, type Deciding } from './DecisionModal';
import { useCatalogue, useItemLabel } from './catalogue';
import { signed, yuan, type DismissalCase, type LedgerEntry, type Named } from './types';

type ObjectionRow = LedgerEntry & Named;
type CaseRow = DismissalCase & Named;

export default function DecisionsPage() {
  const { t } = useI18n();
  const [tab, setTab] = useState('objections');
  return (
    <>
      <Typography.Title level={3}>{t('decisions.title')}</Typography.Title>
      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'objections', label: t('decisions.objections'), children: <Objections /> },
        { key: 'cases', label: t('decisions.cases'), children: <Cases /> },
        { key: 'warnings', label: t('warnings.tab'), children: <WarningsTab /> },
      ]} />
    </>
  );
}

function useAge() {
  const { t } = useI18n();
  return (iso: string) => {
    const days = Math.floor((Date.now() - Date.parse(iso)) / 86400000);
    return days < 1 ? t('decisions.today') : t('decisions.days_ago', { n: days });
  };
}

function StateSwitch({ state, onChange, testId }: { state: string; onChange: (s: string) => void; testId: string }) {
  const { t } = useI18n();
  return (
    <Segmented value={state} onChange={(v) => onChange(String(v))} style={{ marginBottom: 12 }} data-testid={testId}
      options={[{ value: 'open', label: t('decisions.open') }, { value: 'decided', label: t('decisions.decided') }]} />
  );
}

function Objections() {
  const { t } = useI18n();
  const time = useCompanyTime();
  const age = useAge();
  const [state, setState] = useState('open');
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const list = usePagedList<ObjectionRow>('/api/v1/discipline/objections', { state });
  const itemLabel = useItemLabel(useCatalogue(time.today()).catalogue);
  const decide = (o: ObjectionRow, decision: 'upheld' | 'withdrawn') => setDeciding({
    path: `/api/v1/discipline/objections/${o.id}/decision`,
    title: t(decision === 'withdrawn' ? 'decisions.withdraw_title' : 'decisions.uphold_title', { name: o.user_name, item: itemLabel(o.item) }),
    decision,
    noteRequired: decision === 'withdrawn',
  });
  return (
    <Card size="small">
      <StateSwitch state={state} onChange={setState} testId="objections-state" />
      <PagedTable<ObjectionRow> list={list} testId="objections-table" scroll={{ x: 1100 }}
        columns={[
          { title: t('decisions.person'), dataIndex: 'user_name', width: 150 },
          {
            title: t('decisions.entry'), key: 'entry', width: 260,
            render: (_: unknown, o) => (
              <Space direction="vertical" size={0}>
                <span>{o.date} · {itemLabel(o.item)} {o.points ? signed(o.points) : ''}{o.fine_fen ? ` ¥${yuan(o.fine_fen)}` : ''}</span>
                {o.reason && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.reason}</Typography.Text>}
                {o.entered_by_name && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('decisions.entered_by', { name: o.entered_by_name })}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('decisions.objection'), key: 'why', render: (_: unknown, o) => o.objection?.reason },
          { title: t('decisions.age'), key: 'age', width: 100, render: (_: unknown, o) => (o.objection ? age(o.objection.created_at) : '') },
          {
            title: '', key: 'act', width: 190, fixed: 'right',
            render: (_: unknown, o) => (o.objection?.decision
              ? <Space direction="vertical" size={0}><Tag>{t(`objection.${o.objection.decision}`)}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.objection.note}{o.decided_by_name ? ` — ${o.decided_by_name}` : ''}</Typography.Text></Space>
              : (
                <Space>
                  <Button size="small" onClick={() => decide(o, 'upheld')} data-testid={`uphold-${o.id}`}>{t('decisions.uphold')}</Button>
                  <Button size="small" type="primary" onClick={() => decide(o, 'withdrawn')} data-testid={`withdraw-${o.id}`}>{t('decisions.withdraw')}</Button>
                </Space>
              )),
          },
        ]} />
      <DecisionModal deciding={deciding} onClose={() => setDeciding(null)} onDone={() => { setDeciding(null); void list.reload(); }} />
    </Card>
  );
}

function Cases() {
  const { t } = useI18n();
  const time = useCompanyTime();
  const age = useAge();
  const [state, setState] = useState('open');
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const list = usePagedList<CaseRow>('/api/v1/discipline/cases', { state });
  const itemLabel = useItemLabel(useCatalogue(time.today()).catalogue);
  const decide = (c: CaseRow, decision: 'dismissed' | 'not_dismissed') => setDeciding({
    path: `/api/v1/discipline/cases/${c.id}/decision`,
    title: t(decision === 'dismissed' ? 'decisions.dismiss_title' : 'decisions.keep_title', { name: c.user_name }),
    decision,
    noteRequired: true,
  });
  return (
    <Card size="small">
      <StateSwitch state={state} onChange={setState} testId="cases-state" />
      <PagedTable<CaseRow> list={list} testId="cases-table" scroll={{ x: 1100 }}
        columns={[
          { title: t('decisions.person'), dataIndex: 'user_name', width: 150 },
          { title: t('decisions.case_item'), key: 'item', width: 220, render: (_: unknown, c) => <span>{c.date} · {itemLabel(c.item)}</span> },
          {
            title: t('decisions.case_reason'), key: 'reason',
            render: (_: unknown, c) => (
              <Space direction="vertical" size={0}>
                <span>{c.reason}</span>
                {c.evidence && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.evidence}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('decisions.raised_by', { name: c.entered_by_name })}</Typography.Text>
              </Space>
            ),
          },
          { title: t('decisions.age'), key: 'age', width: 100, render: (_: unknown, c) => age(c.created_at) },
          {
            title: '', key: 'act', width: 190, fixed: 'right',
            render: (_: unknown, c) => (c.decision
              ? <Space direction="vertical" size={0}><Tag color={c.decision === 'dismissed' ? 'red' : 'default'}>{t(`case.${c.decision}`)}</Tag><Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.note}{c.decided_by_name ? ` — ${c.decided_by_name}` : ''}</Typography.Text></Space>
              : (
                <Space>
                  <Button size="small" onClick={() => decide(c, 'not_dismissed')} data-testid={`keep-${c.id}`}>{t('case.not_dismissed')}</Button>
                  <Button size="small" danger onClick={() => decide(c, 'dismissed')} data-testid={`dismiss-${c.id}`}>{t('case.dismissed')}</Button>
                </Space>
              )),
          },
        ]} />
      <DecisionModal deciding={deciding} onClose={() => setDeciding(null)} onDone={() => { setDeciding(null); void list.reload(); }} />
    </Card>
  );
}
