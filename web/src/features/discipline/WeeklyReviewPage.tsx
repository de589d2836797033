// 周五过堂 (seed 004): the supervisor goes through each agent's week against the daily sheets — companies developed,
// A/B customers found, effective calls — with their place, and writes a comment per agent.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { LoadError } from '../../shared/ListFooter';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { useTeams } from '../admin/useTeams';

interface Review { comment: string; reviewed_by_name: string; reviewed_at: string }
interface Row { user_id: number; team_id: number; name: string; rank: number; metrics: Record<string, number>; review: Review | null }
interface Week { from: string; to: string; items: Row[] }

const COLUMNS = ['new_customers', 'new_customers_a', 'new_customers_b', 'effective_calls', 'dials', 'talk_minutes'];

export default function WeeklyReviewPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const time = useCompanyTime();
  const { teams } = useTeams();
  const [day, setDay] = useState<Dayjs>(dayjs(time.today()));
  const [team, setTeam] = useState<number>();
  const [week, setWeek] = useState<Week | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [writing, setWriting] = useState<Row | null>(null);
  const load = useCallback(() => {
    setWeek(null);
    setError(null);
    api<Week>('GET', `/api/v1/discipline/weekly-review?date=${day.format('YYYY-MM-DD')}${team ? `&team_id=${team}` : ''}`).then(setWeek).catch(setError);
  }, [day, team]);
  useEffect(load, [load]);
  const mayWrite = hasRight(user, 'enter_points');
  const label = (m: string) => t(`metric.${m}` as Parameters<typeof t>[0]);
  return (
    <>
      <Typography.Title level={3}>{t('review.title')}</Typography.Title>
      <Alert type="info" showIcon message={t('review.hint')} style={{ marginBottom: 12 }} />
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker picker="week" value={day} onChange={(d) => d && setDay(d)} allowClear={false} data-testid="review-week"
          disabledDate={(d) => d.isAfter(dayjs(time.today()))} />
        {teams.length > 1 && <Select allowClear placeholder={t('floor.team')} value={team} onChange={setTeam} style={{ width: 160 }} options={teams.map((x) => ({ value: x.id, label: x.name }))} />}
        {week && <Typography.Text type="secondary">{t('review.week', { from: week.from, to: week.to })}</Typography.Text>}
      </Space>
      {error !== null && <LoadError error={error} retry={load} />}
      <Card size="small">
        <Table<Row> rowKey="user_id" size="small" pagination={false} loading={!week && error === null} dataSource={week?.items ?? []}
          scroll={{ x: 1000 }} locale={{ emptyText: t('review.empty') }} data-testid="review-table"
          columns={[
            { title: t('review.rank'), dataIndex: 'rank', width: 60, fixed: 'left', render: (r: number) => (r <= 3 ? <Tag color="gold">{r}</Tag> : r) },
            { title: t('floor.person'), dataIndex: 'name', width: 100, fixed: 'left' },
            ...COLUMNS.map((m) => ({ title: label(m), key: m, width: 90, align: 'right' as const, render: (_: unknown, r: Row) => r.metrics[m] ?? 0 })),
            {
              title: t('review.comment'), key: 'comment', width: 320,
              render: (_: unknown, r: Row) => (
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  {r.review && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={`review-comment-${r.user_id}`}>{r.review.comment}</Typography.Paragraph>}
                  {r.review && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('review.comment_by', { name: r.review.reviewed_by_name, at: time.dateTime(r.review.reviewed_at) })}</Typography.Text>}
                  {mayWrite && r.user_id !== user?.id && (
                    <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setWriting(r)} data-testid={`review-write-${r.user_id}`}>
                      {t(r.review ? 'review.edit' : 'review.write')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]} />
      </Card>
      <CommentModal row={writing} date={day.format('YYYY-MM-DD')} onClose={() => setWriting(null)} onDone={() => { setWriting(null); load(); }} />
    </>
  );
}

function CommentModal({ row, date, onClose, onDone }: { row: Row | null; date: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (row) form.setFieldsValue({ comment: row.review?.comment ?? '' });
  }, [row, form]);
  async function submit(v: { comment: string }) {
    if (!row) return;
    setBusy(true);
    try {
      await api('PUT', '/api/v1/discipline/weekly-review', { user_id: row.user_id, date, comment: v.comment });
      message.success(t('review.saved'));
      onDone();
    } catch (e) {
      form.setFields([{ name: 'comment', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={!!row} title={row?.name} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnClose>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="comment" label={t('review.comment')} rules={[{ required: true, whitespace: true, message: t('review.required') }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="review-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
