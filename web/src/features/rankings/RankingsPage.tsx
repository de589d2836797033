// 排行榜: the staff ranked by one metric over a day, week or month — the reader's scope for supervisors and
// managers (equal figures share a place), an agent's own place among the company. A supervisor also reads the
// month-end elimination list of their teams here (managers decide it in 申诉与案件).
import { useCallback, useEffect, useState } from 'react';
import { Alert, Card, DatePicker, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useCompanyTime } from '../../shared/time';
import { useI18n, type MessageKey } from '../../i18n';
import { hasRight, useAuth } from '../../shared/auth';
import { figure } from './format';
import { WarningsTab } from './WarningsTab';

interface Standing { user_id: number; name: string; team_id: number; team_name: string; value: number; rank: number }
interface Board { metric: string; from: string; to: string; people: number; items: Standing[]; mine: Standing | null }

const METRICS = ['revenue_fen', 'payments_fen', 'deals', 'effective_calls', 'dials', 'connects', 'talk_minutes', 'follow_ups', 'new_customers'];
const label = (m: string): MessageKey => (m.endsWith('_fen') ? `rankings.metric.${m}` : `metric.${m}`) as MessageKey;

export default function RankingsPage() {
  const { t } = useI18n();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const { user } = useAuth();
  const readsWarnings = hasRight(user, 'view_overview') && !hasRight(user, 'decide_objections');
  const [metric, setMetric] = useState('revenue_fen');
  const [span, setSpan] = useState('month');
  const [date, setDate] = useState<Dayjs>(dayjs(time.today()));
  const [board, setBoard] = useState<Board | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setBoard(await api<Board>('GET', `/api/v1/rankings?metric=${metric}&span=${span}&date=${date.format('YYYY-MM-DD')}`));
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [metric, span, date]);
  useEffect(() => { void load(); }, [load]);
  // An agent's board: only their own place.
  const ownOnly = board !== null && board.items.length === 0 && board.mine !== null;
  return (
    <>
      <Typography.Title level={3}>{t('rankings.title')}</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select value={metric} onChange={setMetric} style={{ width: 180 }} data-testid="rankings-metric" aria-label={t('rankings.metric')}
            options={METRICS.map((m) => ({ value: m, label: t(label(m)) }))} />
          <Segmented value={span} onChange={(v) => setSpan(String(v))} data-testid="rankings-span"
            options={['day', 'week', 'month'].map((s) => ({ value: s, label: t(`rankings.span.${s}` as MessageKey) }))} />
          <DatePicker value={date} onChange={(d) => d && setDate(d)} picker={span === 'month' ? 'month' : 'date'} allowClear={false} data-testid="rankings-date" />
        </Space>
        {board && <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('rankings.period', { from: board.from, to: board.to, n: board.people })}</Typography.Paragraph>}
      </Card>
      {error ? <Alert type="error" showIcon message={errorText(error)} /> : ownOnly ? (
        <Card size="small" data-testid="rankings-mine">
          {board?.mine
            ? <Statistic title={t('rankings.mine')} value={t('rankings.mine_value', { rank: board.mine.rank, n: board.people })} suffix={<Tag style={{ marginLeft: 8 }}>{figure(metric, board.mine.value)}</Tag>} />
            : <Typography.Text type="secondary">{t('rankings.not_ranked')}</Typography.Text>}
        </Card>
      ) : (
        <Card size="small">
          <Table<Standing> rowKey="user_id" size="middle" loading={loading} dataSource={board?.items ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('rankings.empty') }} data-testid="rankings-table"
            rowClassName={(s) => (s.user_id === board?.mine?.user_id ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('rankings.rank'), dataIndex: 'rank', width: 80, render: (r: number) => (r <= 3 ? <Tag color={['gold', 'default', 'orange'][r - 1]}>{r}</Tag> : r) },
              { title: t('rankings.person'), dataIndex: 'name' },
              { title: t('rankings.team'), dataIndex: 'team_name', responsive: ['sm'] },
              { title: t('rankings.value'), dataIndex: 'value', align: 'right', render: (v: number) => figure(metric, v) },
            ]} />
        </Card>
      )}
      {readsWarnings && (
        <div style={{ marginTop: 16 }} data-testid="rankings-warnings">
          <Typography.Title level={5}>{t('warnings.tab')}</Typography.Title>
          <WarningsTab />
        </div>
      )}
    </>
  );
}
