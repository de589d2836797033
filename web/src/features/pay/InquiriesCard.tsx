// 工资疑问: the inquiries in the manager's scope, open ones first to answer; each shows the line questioned, the
// amount expected, the reason and — once answered — the decision, the adjustment and the month that paid it.
import { useState } from 'react';
import { Button, Card, Segmented, Tag, Typography } from 'antd';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useI18n, type MessageKey } from '../../i18n';
import { AnswerInquiryModal } from './InquiryModals';
import { yuan, type Inquiry } from './types';

export function InquiryStatus({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useI18n();
  const color = inquiry.status === 'accepted' ? 'green' : inquiry.status === 'rejected' ? 'default' : 'orange';
  return <Tag color={color}>{t(`payroll.inquiry_status.${inquiry.status}` as MessageKey)}</Tag>;
}

export function InquiriesCard({ mayAnswer }: { mayAnswer: boolean }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<'open' | ''>('open');
  const list = usePagedList<Inquiry>('/api/v1/payroll/inquiries', status ? { status } : {}, 20);
  const [answering, setAnswering] = useState<Inquiry | null>(null);
  return (
    <Card size="small" title={t('payroll.inquiries')} style={{ marginBottom: 12 }} data-testid="payroll-inquiries"
      extra={<Segmented size="small" value={status} onChange={(v) => setStatus(v as 'open' | '')}
        options={[{ value: 'open', label: t('payroll.inquiry_status.open') }, { value: '', label: t('payroll.inquiry_all') }]} />}>
      <PagedTable<Inquiry> list={list} testId="inquiries-table" scroll={{ x: 720 }} locale={{ emptyText: t('payroll.inquiry_none') }}
        columns={[
          { title: t('payroll.person'), dataIndex: 'name', width: 100 },
          { title: t('payroll.month'), dataIndex: 'month', width: 90 },
          { title: t('payroll.line'), key: 'line', render: (_: unknown, i) => (i.line_rule ? <Typography.Text code style={{ fontSize: 12 }}>{i.line_rule}</Typography.Text> : t('payroll.inquiry_whole')) },
          { title: t('payroll.inquiry_expected'), key: 'expected', align: 'right', responsive: ['md'], render: (_: unknown, i) => (i.expected_fen === null ? '—' : yuan(i.expected_fen)) },
          { title: t('payroll.inquiry_reason'), dataIndex: 'reason', ellipsis: true },
          {
            title: '', key: 'act', width: 150,
            render: (_: unknown, i) => (i.status === 'open' && mayAnswer
              ? <Button size="small" onClick={() => setAnswering(i)} data-testid={`inquiry-answer-${i.id}`}>{t('payroll.inquiry_answer')}</Button>
              : <span><InquiryStatus inquiry={i} />{i.adjustment_fen !== null ? ` ${yuan(i.adjustment_fen)}` : ''}</span>),
          },
        ]} />
      <AnswerInquiryModal inquiry={answering} onClose={() => setAnswering(null)} onDone={() => { setAnswering(null); void list.reload(); }} />
    </Card>
  );
}
