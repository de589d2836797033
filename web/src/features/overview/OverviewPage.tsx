// The manager's overview of their department: today and this month (dials, connects, effective calls, deals,
// revenue, payments), by team, with the month's trend. Counted by the server within the user's scope.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { api, type CallFigures } from '../../shared/api';
import { LoadError } from '../../shared/ListFooter';
import { useI18n } from '../../i18n';
import { TrendChart, type TrendPoint } from './TrendChart';

interface Figures extends CallFigures {
  deals: number;
  revenue_fen: number;
  revenue: string;
  payments_fen: number;
  payments: string;
}
interface Overview {
  date: string;
  month: string;
  today: Figures;
  month_to_date: Figures;
  teams: { team_id: number; team_name: string; today: Figures; month: Figures }[];
  days: (Figures & TrendPoint)[];
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const percent = (bp: number) => `${(bp / 100).toFixed(1)}%`;

export default function OverviewPage() {
  const { t } = useI18n();
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    api<Overview>('GET', '/api/v1/overview').then(setData).catch(setError);
  }, []);
  useEffect(load, [load]);
  const labels = useMemo(() => ({ dials: t('overview.dials'), connects: t('overview.connects'), revenue: t('overview.revenue_yuan') }), [t]);

  const block = (title: string, f: Figures | undefined, testId: string) => (
    <Card title={title} style={{ marginBottom: 16 }} data-testid={testId}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}><Statistic title={t('overview.dials')} value={f?.dials} loading={!f} /></Col>
        <Col xs={12} md={4}><Statistic title={t('overview.connects')} value={f?.connects} loading={!f} suffix={f && <small>{percent(f.connect_rate_bp)}</small>} /></Col>
        <Col xs={12} md={4}><Statistic title={t('overview.effective')} value={f?.effective} loading={!f} /></Col>
        <Col xs={12} md={4}><Statistic title={t('overview.deals')} value={f?.deals} loading={!f} /></Col>
        <Col xs={12} md={4}><Statistic title={t('overview.revenue')} value={f ? yuan(f.revenue_fen) : undefined} loading={!f} /></Col>
        <Col xs={12} md={4}><Statistic title={t('overview.payments')} value={f ? yuan(f.payments_fen) : undefined} loading={!f} /></Col>
      </Row>
    </Card>
  );

  return (
    <>
      <Typography.Title level={3}>{t('overview.title')}</Typography.Title>
      {error !== null && <LoadError error={error} retry={load} />}
      {block(`${t('overview.today')} · ${data?.date ?? ''}`, data?.today, 'overview-today')}
      {block(`${t('overview.month')} · ${data?.month ?? ''}`, data?.month_to_date, 'overview-month')}
      <Card title={t('overview.trend')} style={{ marginBottom: 16 }}>
        {data ? <TrendChart days={data.days} labels={labels} /> : <div style={{ height: 320 }} />}
      </Card>
      <Card title={t('overview.by_team')}>
        <Table rowKey="team_id" size="small" pagination={false} loading={!data} dataSource={data?.teams ?? []} scroll={{ x: 640 }}
          data-testid="overview-teams"
          columns={[
            { title: t('overview.team'), dataIndex: 'team_name', fixed: 'left' },
            { title: t('overview.dials_today'), render: (_, r) => r.today.dials },
            { title: t('overview.dials'), render: (_, r) => r.month.dials, sorter: (a, b) => a.month.dials - b.month.dials },
            { title: t('overview.connect_rate'), render: (_, r) => percent(r.month.connect_rate_bp) },
            { title: t('overview.effective'), render: (_, r) => r.month.effective, sorter: (a, b) => a.month.effective - b.month.effective },
            { title: t('overview.deals'), render: (_, r) => r.month.deals, sorter: (a, b) => a.month.deals - b.month.deals },
            { title: t('overview.revenue'), render: (_, r) => yuan(r.month.revenue_fen), sorter: (a, b) => a.month.revenue_fen - b.month.revenue_fen, defaultSortOrder: 'descend' },
            { title: t('overview.payments'), render: (_, r) => yuan(r.month.payments_fen), sorter: (a, b) => a.month.payments_fen - b.month.payments_fen },
          ]} />
      </Card>
    </>
  );
}
