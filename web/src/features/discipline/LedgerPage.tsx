// The points and fines ledger of a month (绩效分台账): every entry with its reason — the rule it follows, the
// evidence, the policy version — and the month's totals. Everyone reads their own; supervisors and managers open a
// person's from the team's day (?user_id=).
import { useState } from 'react';
import { Card, Col, DatePicker, Row, Statistic, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useCompanyTime } from '../../shared/time';
import { knownKey, useI18n } from '../../i18n';
import { signed, yuan, type LedgerEntry, type LedgerMonth } from './types';

export default function LedgerPage() {
  const { t } = useI18n();
  const time = useCompanyTime();
  const [params] = useSearchParams();
  const userId = params.get('user_id') ?? undefined;
  const name = params.get('name');
  const [month, setMonth] = useState<Dayjs>(() => dayjs(params.get('month') ?? time.today().slice(0, 7)));
  const list = usePagedList<LedgerEntry>('/api/v1/discipline/ledger', { month: month.format('YYYY-MM'), user_id: userId });
  // The month's totals come with every page (over all its entries, not just this page's).
  const totals = list.page as LedgerMonth | null;
  return (
    <>
      <Typography.Title level={3}>{name ? t('ledger.of', { name }) : t('ledger.title')}</Typography.Title>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col><DatePicker picker="month" value={month} onChange={(m) => m && setMonth(m)} allowClear={false} data-testid="ledger-month" /></Col>
        <Col><Statistic title={t('ledger.points')} value={totals ? signed(totals.points) : undefined} loading={!totals} data-testid="ledger-points" /></Col>
        <Col><Statistic title={t('ledger.fines')} value={totals ? yuan(totals.fines_fen) : undefined} loading={!totals} data-testid="ledger-fines" /></Col>
      </Row>
      <Card size="small">
        <PagedTable<LedgerEntry> list={list} testId="ledger-table" scroll={{ x: 900 }}
          columns={[
            { title: t('ledger.date'), dataIndex: 'date', width: 110 },
            {
              title: t('ledger.item'), dataIndex: 'item', width: 130,
              render: (item: string) => { const k = knownKey(`item.${item}`); return <Tag>{k ? t(k) : item}</Tag>; },
            },
            { title: t('ledger.points_col'), dataIndex: 'points', width: 80, render: (p: number) => (p ? signed(p) : '') },
            { title: t('ledger.fine'), dataIndex: 'fine_fen', width: 100, render: (f: number) => (f ? yuan(f) : '') },
            { title: t('ledger.base_days'), dataIndex: 'base_days_milli', width: 110, render: (d: number) => (d ? d / 1000 : '') },
            { title: t('ledger.rule'), dataIndex: 'rule', width: 200, render: (r: string, e) => <Typography.Text code>{r} · v{e.policy_version}</Typography.Text> },
            { title: t('ledger.evidence'), dataIndex: 'evidence' },
          ]} />
      </Card>
    </>
  );
}
