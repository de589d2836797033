// The records one statement line stands on, one click from the line: the deals (with the customer and who sold
// them), payments and refunds, ledger rows, 撞单 cases, earlier statements and inquiries, read back by the ids the
// line stored — a page at a time, since a manager's attainment line names the whole department's deals.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useI18n, type MessageKey } from '../../i18n';
import { yuan, type LineRecords, type PayLine } from './types';

const PAGE = 50;

export function LineRecordsModal({ statementId, position, line, onClose, onOpenStatement }: {
  statementId: number; position: number | null; line: PayLine | null; onClose: () => void;
  onOpenStatement: (id: number) => void;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [records, setRecords] = useState<LineRecords | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [more, setMore] = useState(false);
  const url = (cursor?: string) => `/api/v1/payroll/statements/${statementId}/lines/${position}/records?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`;
  useEffect(() => {
    setRecords(null);
    setError(null);
    if (position !== null) api<LineRecords>('GET', url()).then(setRecords).catch(setError);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [statementId, position]);
  const loadMore = useCallback(() => {
    if (!records?.next_cursor) return;
    setMore(true);
    api<LineRecords>('GET', url(records.next_cursor)).then((next) => setRecords({
      ...next,
      deals: [...records.deals, ...next.deals], payments: [...records.payments, ...next.payments],
      entries: [...records.entries, ...next.entries], duplicate_claims: [...records.duplicate_claims, ...next.duplicate_claims],
      statements: [...records.statements, ...next.statements], inquiries: [...records.inquiries, ...next.inquiries],
      lead_signoffs: [...records.lead_signoffs, ...next.lead_signoffs], requests: [...records.requests, ...next.requests],
    })).catch(setError).finally(() => setMore(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [records]);
  const money = (fen: number) => <Typography.Text type={fen < 0 ? 'danger' : undefined}>{yuan(fen)}</Typography.Text>;
  const shown = records ? records.deals.length + records.payments.length + records.entries.length + records.duplicate_claims.length + records.statements.length + records.inquiries.length + records.lead_signoffs.length + records.requests.length : 0;
  const company = (customerId: number, name: string) => (
    <Typography.Link onClick={() => { onClose(); navigate(`/customers/${customerId}`); }}>{name}</Typography.Link>
  );
  const small = { size: 'small' as const, pagination: false as const, scroll: { x: 640 } };
  return (
    <Modal open={position !== null} onCancel={onClose} footer={null} width={Math.min(900, window.innerWidth)} destroyOnClose
      title={line ? t('payroll.records_title', { line: locale === 'en' ? line.label.en : line.label.zh }) : ''} data-testid="line-records">
      {error ? <Alert type="error" showIcon message={errorText(error)} /> : !records ? <Skeleton active /> : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {line && <Typography.Text type="secondary">{line.explanation}</Typography.Text>}
          {records.total === 0 && <Alert type="info" showIcon message={t('payroll.records_none')} />}
          {records.deals.length > 0 && (
            <Table rowKey="id" {...small} dataSource={records.deals} data-testid="line-records-deals" columns={[
              { title: t('payroll.source.deals'), dataIndex: 'id', width: 80, render: (id: number) => `#${id}` },
              { title: t('payroll.records_closed_on'), dataIndex: 'closed_on', width: 110 },
              { title: t('payroll.records_customer'), key: 'company', render: (_: unknown, d) => company(d.customer_id, d.company) },
              { title: t('payroll.records_product'), dataIndex: 'product' },
              { title: t('payroll.records_seller'), key: 'seller', render: (_: unknown, d) => <Space size={4} wrap>{d.seller}{d.sourcing === 'proxy' && <Tag color="purple">{t('payroll.records_proxy', { rep: d.field_rep })}</Tag>}</Space> },
              { title: t('payroll.amount'), dataIndex: 'amount_fen', width: 120, align: 'right', render: money },
            ]} />
          )}
          {records.payments.length > 0 && (
            <Table rowKey="id" {...small} dataSource={records.payments} data-testid="line-records-payments" columns={[
              { title: t('payroll.source.payments'), dataIndex: 'id', width: 80, render: (id: number) => `#${id}` },
              { title: t('payroll.records_on'), dataIndex: 'on', width: 110 },
              { title: t('payroll.records_kind'), dataIndex: 'kind', width: 90, render: (k: string) => <Tag color={k === 'refund' ? 'red' : 'green'}>{t(k === 'refund' ? 'payroll.records_refund' : 'payroll.records_payment')}</Tag> },
              { title: t('payroll.records_customer'), key: 'company', render: (_: unknown, p) => <span>{p.company}（{t('payroll.source.deals')} #{p.deal_id}）</span> },
              { title: t('payroll.records_reason'), dataIndex: 'reason' },
              { title: t('payroll.amount'), dataIndex: 'amount_fen', width: 120, align: 'right', render: money },
            ]} />
          )}
          {records.entries.length > 0 && (
            <Table rowKey="id" {...small} dataSource={records.entries} data-testid="line-records-entries" columns={[
              { title: t('payroll.source.entries'), dataIndex: 'id', width: 80, render: (id: number) => `#${id}` },
              { title: t('payroll.records_day'), dataIndex: 'day', width: 110 },
              { title: t('payroll.records_item'), dataIndex: 'item' },
              { title: t('payroll.rule'), dataIndex: 'rule', render: (r: string) => <Typography.Text code style={{ fontSize: 12 }}>{r}</Typography.Text> },
              { title: t('payroll.records_evidence'), dataIndex: 'evidence' },
              { title: t('payroll.amount'), key: 'fen', width: 120, align: 'right', render: (_: unknown, e) => money(e.bonus_fen - e.fine_fen) },
            ]} />
          )}
          {records.duplicate_claims.length > 0 && (
            <Table rowKey="id" {...small} dataSource={records.duplicate_claims} data-testid="line-records-claims" columns={[
              { title: t('payroll.source.duplicate_claims'), dataIndex: 'id', width: 80, render: (id: number) => `#${id}` },
              { title: t('payroll.records_customer'), key: 'company', render: (_: unknown, k) => company(k.customer_id, k.company) },
              { title: t('payroll.records_parties'), key: 'who', render: (_: unknown, k) => `${k.holder} ↔ ${k.claimant}` },
              { title: t('payroll.records_reason'), dataIndex: 'reason' },
              { title: t('payroll.records_status'), dataIndex: 'status', width: 100 },
            ]} />
          )}
          {records.lead_signoffs.length > 0 && (
            <Table rowKey="id" {...small} dataSource={records.lead_signoffs} data-testid="line-records-leads" columns={[
              { title: t('payroll.source.lead_signoffs'), dataIndex: 'id', width: 80, render: (id: number) => `#${id}` },
              { title: t('payroll.records_customer'), key: 'company', render: (_: unknown, l) => company(l.customer_id, l.company) },
              { title: t('payroll.records_grade'), dataIndex: 'grade', width: 70 },
              { title: t('payroll.records_found'), dataIndex: 'found_on', width: 110 },
              { title: t('payroll.records_signed'), key: 'signed', render: (_: unknown, l) => t('payroll.records_signed_by', { rep: l.field_rep, visited: l.visited_on, signed: l.signed_on }) },
            ]} />
          )}
          {records.requests.length > 0 && (
            <Table rowKey="id" {...small} dataSource={records.requests} data-testid="line-records-requests" columns={[
              { title: t('payroll.source.requests'), dataIndex: 'id', width: 80, render: (id: number) => `#${id}` },
              { title: t('payroll.records_request_kind'), dataIndex: 'kind', width: 90, render: (k: string) => t(`requests.kind.${k}` as MessageKey) },
              { title: t('payroll.records_request_day'), dataIndex: 'to_day', width: 110 },
              { title: t('payroll.records_request_outcome'), dataIndex: 'outcome', render: (o: string | null) => (o ? t(`requests.outcome.${o}` as MessageKey) : '—') },
              { title: t('payroll.records_request_by'), dataIndex: 'decided_by', width: 100 },
            ]} />
          )}
          {records.statements.map((s) => (
            <Space key={s.id}>
              <Typography.Text>{t('payroll.records_statement', { month: s.month, held: yuan(s.held_over_fen) })}</Typography.Text>
              <Button size="small" onClick={() => onOpenStatement(s.id)} data-testid={`line-records-statement-${s.id}`}>{t('payroll.records_open')}</Button>
            </Space>
          ))}
          {records.inquiries.map((q) => (
            <Alert key={q.id} type="info" message={`${t('payroll.source.inquiries')} #${q.id} · ${q.month}`}
              description={<><div>{q.reason}</div>{q.answer && <div>{t('payroll.inquiry_answer_text')}：{q.answer}{q.adjustment_fen !== null ? `（${yuan(q.adjustment_fen)}）` : ''}</div>}</>} />
          ))}
          {records.total > 0 && (
            <Space>
              <Typography.Text type="secondary" data-testid="line-records-count">{t('payroll.records_count', { shown, total: records.total })}</Typography.Text>
              {records.next_cursor && <Button size="small" loading={more} onClick={loadMore} data-testid="line-records-more">{t('payroll.records_more')}</Button>}
            </Space>
          )}
        </Space>
      )}
    </Modal>
  );
}
