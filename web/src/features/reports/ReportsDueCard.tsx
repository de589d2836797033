// The desk's "what is due" for reports: each kind the rules ask of the reader, its period, deadline and whether it
// was sent — nothing at all when the rules ask none of their role.
import { useEffect, useState } from 'react';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { useCompanyTime } from '../../shared/time';
import { useI18n, type MessageKey } from '../../i18n';

interface Due { kind: string; period: string; asked: boolean; due: { due_on: string; due_at: string }; sent_id: number | null }

export function ReportsDueCard() {
  const { t } = useI18n();
  const time = useCompanyTime();
  const [items, setItems] = useState<Due[] | null>(null);
  useEffect(() => {
    api<{ items: Due[] }>('GET', '/api/v1/reports/due').then((r) => setItems(r.items)).catch(() => setItems([]));
  }, []);
  if (!items || items.length === 0) return null;
  const state = (d: Due) => {
    if (!d.asked) return <Tag>{t('reports.due_not_asked')}</Tag>;
    if (d.sent_id) return <Tag color="green">{t('reports.due_sent')}</Tag>;
    return Date.parse(d.due.due_at) < Date.now() ? <Tag color="red">{t('reports.due_overdue')}</Tag> : <Tag color="gold">{t('reports.due_open')}</Tag>;
  };
  return (
    <Card size="small" title={t('reports.due_title')} style={{ marginBottom: 16 }} data-testid="desk-reports-due"
      extra={<Link to="/reports"><Button size="small">{t('reports.write')}</Button></Link>}>
      <List size="small" dataSource={items} renderItem={(d) => (
        <List.Item key={d.kind} data-testid={`due-${d.kind}`}>
          <Space wrap>
            <Typography.Text>{t('reports.due_line', { kind: t(`reports.kind.${d.kind}` as MessageKey), period: d.period, at: time.dateTime(d.due.due_at) })}</Typography.Text>
            {state(d)}
          </Space>
        </List.Item>
      )} />
    </Card>
  );
}
