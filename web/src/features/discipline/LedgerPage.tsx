// The points and fines ledger of a month (绩效分台账): every entry with its reason — the rule it follows, the
// evidence, the policy version, who entered it and why — the month's points from its base to where it stands (or
// ended, once closed) with the bonus or penalty that brings, and the month's fines. Everyone reads their own and may
// object to an entry once (申诉); supervisors and managers open a person's from the team's day (?user_id=).
import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Modal, Row, Space, Statistic, Tag, Tooltip, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { useCatalogue, useItemLabel } from './catalogue';
import { signed, yuan, type LedgerEntry, type LedgerMonth, type Objection } from './types';

export default function LedgerPage() {
  const { t } = useI18n();
  const time = useCompanyTime();
  const [params] = useSearchParams();
  const userId = params.get('user_id') ?? undefined;
  const name = params.get('name');
  const [month, setMonth] = useState<Dayjs>(() => dayjs(params.get('month') ?? time.today().slice(0, 7)));
  const [objecting, setObjecting] = useState<LedgerEntry | null>(null);
  const list = usePagedList<LedgerEntry>('/api/v1/discipline/ledger', { month: month.format('YYYY-MM'), user_id: userId });
  const itemLabel = useItemLabel(useCatalogue(month.endOf('month').format('YYYY-MM-DD')).catalogue);
  // The month's totals come with every page (over all its entries, not just this page's).
  const totals = list.page as LedgerMonth | null;
  const pm = totals?.points_month;
  return (
    <>
      <Typography.Title level={3}>{name ? t('ledger.of', { name }) : t('ledger.title')}</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} align="bottom">
        <Col><DatePicker picker="month" value={month} onChange={(m) => m && setMonth(m)} allowClear={false} data-testid="ledger-month" /></Col>
        {pm && (
          <Col>
            <Statistic title={totals?.closed ? t('ledger.points_ended', { start: pm.start }) : t('ledger.points_now', { start: pm.start })}
              value={pm.end} data-testid="ledger-points-end" />
          </Col>
        )}
        <Col><Statistic title={t('ledger.points')} value={totals ? signed(totals.points) : undefined} loading={!totals} data-testid="ledger-points" /></Col>
        <Col><Statistic title={t('ledger.fines')} value={totals ? yuan(totals.fines_fen) : undefined} loading={!totals} data-testid="ledger-fines" /></Col>
        {totals && (
          <Col>
            <Space direction="vertical" size={4} data-testid="ledger-state">
              <Tag color={totals.closed ? 'blue' : 'gold'}>{totals.closed ? t('ledger.closed') : t('ledger.open')}</Tag>
              {pm && pm.bonus_fen > 0 && <Tag color="green">{t(totals.closed ? 'ledger.bonus' : 'ledger.bonus_so_far', { yuan: yuan(pm.bonus_fen) })}</Tag>}
              {pm && pm.penalty_fen > 0 && <Tag color="red">{t(totals.closed ? 'ledger.penalty' : 'ledger.penalty_so_far', { yuan: yuan(pm.penalty_fen) })}</Tag>}
            </Space>
          </Col>
        )}
      </Row>
      <Card size="small">
        <PagedTable<LedgerEntry> list={list} testId="ledger-table" scroll={{ x: 1200 }}
          columns={[
            { title: t('ledger.date'), dataIndex: 'date', width: 110 },
            { title: t('ledger.item'), dataIndex: 'item', width: 160, render: (item: string) => <Tag style={{ whiteSpace: 'normal' }}>{itemLabel(item)}</Tag> },
            { title: t('ledger.points_col'), dataIndex: 'points', width: 80, render: (p: number) => (p ? signed(p) : '') },
            {
              title: t('ledger.fine'), dataIndex: 'fine_fen', width: 100,
              render: (f: number, e) => (f ? yuan(f) : e.bonus_fen ? <Typography.Text type="success">{t('ledger.bonus_cell', { yuan: yuan(e.bonus_fen) })}</Typography.Text> : ''),
            },
            { title: t('ledger.base_days'), dataIndex: 'base_days_milli', width: 110, render: (d: number) => (d ? d / 1000 : '') },
            {
              title: t('ledger.reason'), key: 'reason', width: 240,
              render: (_: unknown, e) => (
                <Space direction="vertical" size={0}>
                  {e.reason && <span>{e.reason}</span>}
                  {e.evidence && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.evidence}</Typography.Text>}
                  {e.corrects && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('ledger.corrects', { id: e.corrects })}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('ledger.rule'), dataIndex: 'rule', width: 220, render: (r: string, e) => <Typography.Text code>#{e.id} {r} · v{e.policy_version}</Typography.Text> },
            {
              title: t('ledger.objection'), key: 'objection', width: 120,
              render: (_: unknown, e) => (e.objection ? <ObjectionState objection={e.objection} />
                : e.may_object && <Button size="small" onClick={() => setObjecting(e)} data-testid={`object-${e.id}`}>{t('ledger.object')}</Button>),
            },
          ]} />
      </Card>
      <ObjectionModal entry={objecting} label={objecting ? itemLabel(objecting.item) : ''} onClose={() => setObjecting(null)}
        onDone={() => { setObjecting(null); void list.reload(); }} />
    </>
  );
}

function ObjectionState({ objection }: { objection: Objection }) {
  const { t } = useI18n();
  const color = objection.decision === 'withdrawn' ? 'green' : objection.decision === 'upheld' ? 'default' : 'processing';
  const label = objection.decision ? t(`objection.${objection.decision}`) : t('objection.open');
  return (
    <Tooltip title={<>{objection.reason}{objection.note && <><br />{t('objection.note')}：{objection.note}</>}</>}>
      <Tag color={color} data-testid="objection-state">{label}</Tag>
    </Tooltip>
  );
}

function ObjectionModal({ entry, label, onClose, onDone }: { entry: LedgerEntry | null; label: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  async function submit(v: { reason: string }) {
    if (!entry) return;
    setBusy(true);
    try {
      await api('POST', `/api/v1/discipline/entries/${entry.id}/objection`, { reason: v.reason });
      message.success(t('objection.sent'));
      form.resetFields();
      onDone();
    } catch (e) {
      form.setFields([{ name: 'reason', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={!!entry} title={entry ? t('objection.title', { item: label, date: entry.date }) : ''} onCancel={() => { form.resetFields(); onClose(); }}
      onOk={() => form.submit()} confirmLoading={busy} okText={t('objection.send')} destroyOnClose>
      <Typography.Paragraph type="secondary">{t('objection.once')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('objection.reason')} rules={[{ required: true, whitespace: true, message: t('objection.reason_required') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="objection-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
