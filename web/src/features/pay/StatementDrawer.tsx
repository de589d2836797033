// One pay statement: every line with its amount, how it was computed, the policy clause it applies and the records
// behind it; gross, deductions and net.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { ExceptionModal } from './ExceptionModal';
import { InquiryStatus } from './InquiriesCard';
import { LineRecordsModal } from './LineRecordsModal';
import { RaiseInquiryModal } from './InquiryModals';
import { useErrorText } from '../../shared/errors';
import { useI18n, type MessageKey } from '../../i18n';
import { yuan, type Statement, type PayLine } from './types';

export function StatementDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [statement, setStatement] = useState<Statement | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [excepting, setExcepting] = useState(false);
  const [asking, setAsking] = useState<number | null>(null);  // the line's position (0: the statement as a whole)
  const [recordsOf, setRecordsOf] = useState<number | null>(null);  // the line whose records are open (from 1)
  const [shownId, setShownId] = useState<number | null>(id);  // another statement a line opens (a carried balance)
  useEffect(() => setShownId(id), [id]);
  const { user } = useAuth();
  const load = useCallback(() => {
    setStatement(null);
    setError(null);
    if (shownId !== null) api<Statement>('GET', `/api/v1/payroll/statements/${shownId}`).then(setStatement).catch(setError);
  }, [shownId]);
  useEffect(load, [load]);
  const own = !!statement && statement.user_id === user?.id;
  const status = (s: string) => <Tag color={s === 'eliminated' ? 'red' : s === 'probation' ? 'orange' : 'green'}>{t(`payroll.emp.${s}` as MessageKey)}</Tag>;
  // A line's records: the first few named, and all of them one click away.
  const sources = (l: PayLine, position: number) => {
    const all = Object.entries(l.sources ?? {}).flatMap(([kind, ids]) => ids.map((x) => ({ kind, x })));
    if (all.length === 0) return null;
    return (
      <Space wrap size={4}>
        {all.slice(0, 3).map(({ kind, x }) => (
          <Tag key={`${kind}-${x}`} data-testid={`source-${kind}-${x}`} style={{ cursor: 'pointer' }} onClick={() => setRecordsOf(position)}>
            {t(`payroll.source.${kind}` as MessageKey)} #{x}
          </Tag>
        ))}
        <Button type="link" size="small" onClick={() => setRecordsOf(position)} data-testid={`line-records-open-${position}`}>
          {all.length > 3 ? `${t('payroll.records_show')} (${all.length})` : t('payroll.records_show')}
        </Button>
      </Space>
    );
  };
  return (
    <Drawer open={id !== null} onClose={onClose} width={Math.min(860, window.innerWidth)} destroyOnClose data-testid="statement-drawer"
      // Escape pressed before a modal over the statement has taken focus must not close the statement under it.
      keyboard={asking === null && recordsOf === null && !excepting}
      title={statement ? t('payroll.statement', { name: statement.name, month: statement.month }) : ''}>
      {error ? <Alert type="error" showIcon message={errorText(error)} /> : !statement ? <Skeleton active /> : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, sm: 3 }} bordered>
            <Descriptions.Item label={t('payroll.gross')}>¥{yuan(statement.gross_fen)}</Descriptions.Item>
            <Descriptions.Item label={t('payroll.deductions')}>¥{yuan(statement.deductions_fen)}</Descriptions.Item>
            <Descriptions.Item label={t('payroll.net')}><Typography.Text strong data-testid="statement-net">¥{yuan(statement.net_fen)}</Typography.Text></Descriptions.Item>
          </Descriptions>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('payroll.status_now')}>{status(statement.employment_status)}</Descriptions.Item>
            <Descriptions.Item label={t('payroll.status_next')}><span data-testid="statement-next">{status(statement.status_next_month || statement.employment_status)}</span></Descriptions.Item>
            {statement.status_why && <Descriptions.Item label={t('payroll.status_why')} span={2}>{statement.status_why}</Descriptions.Item>}
            {statement.held_over_fen > 0 && <Descriptions.Item label={t('payroll.held_over')} span={2}>¥{yuan(statement.held_over_fen)}</Descriptions.Item>}
          </Descriptions>
          {statement.exception && <Alert type="info" showIcon data-testid="statement-exception"
            message={t('payroll.exception_granted', { reason: statement.exception.reason })} />}
          {statement.status_next_month === 'eliminated' && !statement.exception && !own && (
            <Alert type="warning" showIcon data-testid="statement-eliminated-hint" message={t('payroll.eliminated_hint')} />
          )}
          {statement.status_next_month === 'eliminated' && !statement.exception && statement.month_status === 'draft' && hasRight(user, 'close_days') && (
            <Button onClick={() => setExcepting(true)} data-testid="statement-grant-exception">{t('payroll.grant_exception')}</Button>
          )}
          <Typography.Text type="secondary">{t('payroll.version', { v: statement.policy_version })} · {t(`payroll.status.${statement.month_status}` as MessageKey)}</Typography.Text>
          <Table<PayLine> rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={statement.lines ?? []} scroll={{ x: 760 }} data-testid="statement-lines"
            columns={[
              {
                title: t('payroll.line'), key: 'line',
                render: (_: unknown, l) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text>{locale === 'en' ? l.label.en : l.label.zh}{l.tier ? ` · ${l.tier}` : ''}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.explanation}</Typography.Text>
                  </Space>
                ),
              },
              { title: t('payroll.amount'), dataIndex: 'amount_fen', width: 120, align: 'right', render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : undefined}>{yuan(v)}</Typography.Text> },
              { title: t('payroll.rule'), dataIndex: 'rule', width: 220, render: (r: string) => <Typography.Text code style={{ fontSize: 12 }}>{r}</Typography.Text> },
              { title: t('payroll.sources'), key: 'sources', width: 200, render: (_: unknown, l: PayLine, i: number) => sources(l, i + 1) },
              ...(own ? [{
                title: '', key: 'ask', width: 90,
                render: (_: unknown, _l: PayLine, i: number) => <Button type="link" size="small" onClick={() => setAsking(i + 1)} data-testid={`inquiry-raise-${i + 1}`}>{t('payroll.inquiry_raise_short')}</Button>,
              }] : []),
            ]} />
          {own && <Button size="small" onClick={() => setAsking(0)} data-testid="inquiry-raise-whole">{t('payroll.inquiry_raise_whole')}</Button>}
          {(statement.inquiries ?? []).length > 0 && (
            <Space direction="vertical" style={{ width: '100%' }} data-testid="statement-inquiries">
              <Typography.Text strong>{t('payroll.inquiries')}</Typography.Text>
              {(statement.inquiries ?? []).map((q) => (
                <Alert key={q.id} type={q.status === 'accepted' ? 'success' : q.status === 'rejected' ? 'warning' : 'info'}
                  message={<Space wrap><InquiryStatus inquiry={q} /><span>{q.line_rule || t('payroll.inquiry_whole')}</span>
                    {q.expected_fen !== null && <span>{t('payroll.inquiry_expected')} ¥{yuan(q.expected_fen)}</span>}</Space>}
                  description={<>
                    <div>{q.reason}</div>
                    {q.answer && <div>{t('payroll.inquiry_answer_text')}：{q.answer}{q.adjustment_fen !== null ? `（${t('payroll.inquiry_adjustment')} ${yuan(q.adjustment_fen)}${q.paid_month ? `，${t('payroll.inquiry_paid_in', { month: q.paid_month })}` : ''}）` : ''}</div>}
                  </>} />
              ))}
            </Space>
          )}
        </Space>
      )}
      {statement && <RaiseInquiryModal statementId={statement.id} position={asking === null ? null : asking}
        line={asking ? statement.lines?.[asking - 1] ?? null : null}
        onClose={() => setAsking(null)} onDone={() => { setAsking(null); load(); }} />}
      {statement && <LineRecordsModal statementId={statement.id} position={recordsOf}
        line={recordsOf ? statement.lines?.[recordsOf - 1] ?? null : null}
        onClose={() => setRecordsOf(null)} onOpenStatement={(other) => { setRecordsOf(null); setShownId(other); }} />}
      {statement && <ExceptionModal open={excepting} userId={statement.user_id} month={statement.month}
        onClose={() => setExcepting(false)} onDone={() => { setExcepting(false); load(); }} />}
    </Drawer>
  );
}
