// A/B 类签认: the sign-off requests that concern the reader — a field rep's to answer, the requests credited to the
// reader (or, for supervisors and up, to their people) to follow. Awaiting ones first; the rep named signs or
// declines in a dialog.
import { useState } from 'react';
import { Alert, Button, Card, Segmented, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useAuth } from '../../shared/auth';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { AnswerDialog } from './AnswerDialog';
import { STATUS_COLOR, type LeadSignOff } from './types';

export default function SignOffsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const time = useCompanyTime();
  const [status, setStatus] = useState('requested');
  const [answering, setAnswering] = useState<{ signoff: LeadSignOff; decision: 'signed' | 'declined' } | null>(null);
  const list = usePagedList<LeadSignOff>('/api/v1/lead-signoffs', { status: status === 'all' ? undefined : status });
  return (
    <>
      <Typography.Title level={3}>{t('signoffs.title')}</Typography.Title>
      <Alert type="info" showIcon message={t('signoffs.hint')} style={{ marginBottom: 12 }} />
      <Card size="small">
        <Segmented value={status} onChange={(v) => setStatus(String(v))} style={{ marginBottom: 12 }} data-testid="signoffs-status"
          options={[...(['requested', 'signed', 'declined'] as const).map((s) => ({ value: s as string, label: t(`signoffs.status.${s}`) })),
            { value: 'all', label: t('signoffs.all') }]} />
        <PagedTable<LeadSignOff> list={list} testId="signoffs-table" scroll={{ x: 1250 }} locale={{ emptyText: t('signoffs.empty') }}
          columns={[
            { title: '#', dataIndex: 'id', width: 70 },
            {
              title: t('signoffs.customer'), key: 'company', width: 220,
              // A field rep answers from here; the customer itself stays its owner's.
              render: (_: unknown, s) => (user?.role === 'field_rep' ? s.company : <Link to={`/customers/${s.customer_id}`}>{s.company}</Link>),
            },
            { title: t('signoffs.grade'), dataIndex: 'grade', width: 70, render: (g: string) => <Tag color={g === 'A' ? 'red' : 'orange'}>{g}</Tag> },
            { title: t('signoffs.credited'), dataIndex: 'credited_name', width: 120 },
            { title: t('signoffs.rep'), dataIndex: 'field_rep_name', width: 110 },
            { title: t('signoffs.found_on'), dataIndex: 'found_on', width: 110 },
            { title: t('signoffs.requested_at'), key: 'at', width: 160, render: (_: unknown, s) => time.dateTime(s.requested_at) },
            {
              title: t('signoffs.result'), key: 'result', width: 240,
              render: (_: unknown, s) => (
                <Space direction="vertical" size={0}>
                  <Tag color={STATUS_COLOR[s.status]}>{t(`signoffs.status.${s.status}`)}</Tag>
                  {s.status === 'signed' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('signoffs.visited', { visited: s.visited_on ?? '', signed: s.signed_on ?? '' })}</Typography.Text>}
                  {s.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.note}</Typography.Text>}
                  {s.paid_month && <Typography.Text type="success" style={{ fontSize: 12 }}>{t('signoffs.paid', { month: s.paid_month })}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: '', key: 'act', width: 150, fixed: 'right',
              render: (_: unknown, s) => (s.status === 'requested' && s.field_rep_id === user?.id ? (
                <Space size={4}>
                  <Button size="small" type="primary" onClick={() => setAnswering({ signoff: s, decision: 'signed' })} data-testid={`signoff-sign-${s.id}`}>{t('signoffs.sign')}</Button>
                  <Button size="small" danger onClick={() => setAnswering({ signoff: s, decision: 'declined' })} data-testid={`signoff-decline-${s.id}`}>{t('signoffs.decline')}</Button>
                </Space>
              ) : null),
            },
          ]} />
      </Card>
      {answering && <AnswerDialog {...answering} onClose={() => setAnswering(null)} onDone={() => { setAnswering(null); void list.reload(); }} />}
    </>
  );
}
