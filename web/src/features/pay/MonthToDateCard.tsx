// 本月至今: one's own pay this month "if the month ended today", under the plans in force — computed on request,
// never stored. Shown on the desk and the pay page to anyone whose role has a plan.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Space, Statistic, Table, Typography } from 'antd';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useI18n } from '../../i18n';
import { yuan, type PayLine, type Statement } from './types';

export function MonthToDateCard() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [data, setData] = useState<{ statement: Statement | null; as_of: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    api<{ statement: Statement | null; as_of: string }>('GET', '/api/v1/payroll/month-to-date').then(setData).catch(setError);
  }, []);
  if (error) return <Alert type="warning" showIcon message={t('payroll.mtd_title')} description={errorText(error)} style={{ marginBottom: 12 }} />;
  if (data && !data.statement) return null;  // no plan for this role
  const s = data?.statement;
  return (
    <Card size="small" title={t('payroll.mtd_title')} loading={!data} style={{ marginBottom: 12 }} data-testid="month-to-date"
      extra={s && <Button type="link" size="small" onClick={() => setOpen((o) => !o)} data-testid="month-to-date-toggle">{open ? t('payroll.mtd_hide') : t('payroll.mtd_show')}</Button>}>
      {s && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space size={32} wrap>
            <Statistic title={t('payroll.net')} prefix="¥" value={yuan(s.net_fen)} valueStyle={{ fontWeight: 600 }} />
            <Statistic title={t('payroll.gross')} prefix="¥" value={yuan(s.gross_fen)} />
            <Statistic title={t('payroll.deductions')} prefix="¥" value={yuan(s.deductions_fen)} />
          </Space>
          <Typography.Text type="secondary">{t('payroll.mtd_hint', { day: data?.as_of ?? '' })}</Typography.Text>
          {open && (
            <Table<PayLine> rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={s.lines ?? []} data-testid="month-to-date-lines"
              columns={[
                {
                  title: t('payroll.line'), key: 'line',
                  render: (_: unknown, l) => (
                    <Space direction="vertical" size={0}>
                      <Typography.Text>{locale === 'en' ? l.label.en : l.label.zh}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.explanation}</Typography.Text>
                    </Space>
                  ),
                },
                { title: t('payroll.amount'), dataIndex: 'amount_fen', align: 'right', width: 110, render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : undefined}>{yuan(v)}</Typography.Text> },
              ]} />
          )}
        </Space>
      )}
    </Card>
  );
}
