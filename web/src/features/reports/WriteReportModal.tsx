// Writing a report: the kind and the period (this one or the one before), the deadline and who receives it, the
// period's figures filled in from the metric layer, then the summary, next period's plan and any questions.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Segmented, Skeleton, Space, Typography, message } from 'antd';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useHandOver } from '../../shared/handover';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { Figures } from './Figures';
import { previousPeriod } from './period';
import type { ReportDraft, ReportKind, WorkReport } from './types';

export function WriteReportModal({ open, onClose, onSent, onOpen }: {
  open: boolean;
  onClose: () => void;
  onSent: (id: number) => void;
  onOpen: (id: number) => void;
}) {
  const { t } = useI18n();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [kind, setKind] = useState<ReportKind>('weekly');
  const [period, setPeriod] = useState('');  // '': the current one
  const [current, setCurrent] = useState<ReportDraft | null>(null);
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { focusTriggerAfterClose, handOver } = useHandOver(open);  // sent, or already sent: the report's drawer

  useEffect(() => {
    if (!open) return;
    let live = true;
    setDraft(null);
    setError(null);
    api<ReportDraft>('GET', `/api/v1/reports/draft?kind=${kind}${period ? `&period=${period}` : ''}`)
      .then((d) => { if (!live) return; setDraft(d); if (!period) setCurrent(d); })
      .catch((e) => { if (live) setError(e); });
    return () => { live = false; };
  }, [open, kind, period]);

  const close = () => { form.resetFields(); setPeriod(''); onClose(); };
  async function submit(v: { summary: string; plan?: string; questions?: string }) {
    if (!draft) return;
    setBusy(true);
    try {
      const r = await api<WorkReport>('POST', '/api/v1/reports', { kind, period: draft.period, summary: v.summary, plan: v.plan ?? '', questions: v.questions ?? '' });
      message.success(t('reports.sent'));
      form.resetFields();
      setPeriod('');
      handOver(onSent, r.id);
    } catch (e) {
      form.setFields([{ name: 'summary', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  const late = draft && Date.now() > Date.parse(draft.due.due_at);
  const previous = current ? previousPeriod(kind, current.from) : '';
  return (
    <Modal open={open} title={t('reports.write')} onCancel={close} width={760} destroyOnClose focusTriggerAfterClose={focusTriggerAfterClose}
      footer={[
        <Button key="cancel" onClick={close}>{t('common.cancel')}</Button>,
        <Button key="send" type="primary" loading={busy} disabled={!draft || !!draft.sent_id} onClick={() => form.submit()} data-testid="report-send">{t('reports.send')}</Button>,
      ]}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented value={kind} onChange={(v) => { setKind(v as ReportKind); setPeriod(''); setCurrent(null); }} data-testid="report-kind"
          options={(['weekly', 'monthly', 'daily'] as const).map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))} />
        {current && (
          <Segmented value={period || current.period} onChange={(v) => setPeriod(v === current.period ? '' : String(v))} data-testid="report-period"
            options={[current.period, previous]} />
        )}
      </Space>
      {error ? <Alert type="warning" showIcon message={errorText(error)} data-testid="report-draft-error" /> : !draft ? <Skeleton active /> : (
        <>
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} size={4}>
            <Typography.Text data-testid="report-due">
              {draft.from} ~ {draft.to} · {t('reports.due_at', { time: time.dateTime(draft.due.due_at) })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {draft.to_name ? t('reports.to', { name: draft.to_name }) : t('reports.no_recipient')}
              {draft.cc_name ? ` · ${t('reports.cc', { name: draft.cc_name })}` : ''}
            </Typography.Text>
            {draft.sent_id && <Alert type="info" showIcon message={t('reports.already_sent')}
              action={<Button size="small" onClick={() => handOver(onOpen, draft.sent_id!)}>{t('reports.open')}</Button>} />}
            {!draft.sent_id && late && <Alert type="warning" showIcon message={t('reports.late_warning')} data-testid="report-late-warning" />}
          </Space>
          <Figures figures={draft.figures} title={t('reports.figures_so_far')} testId="report-draft-figures" />
          <Form form={form} layout="vertical" onFinish={submit} disabled={!!draft.sent_id} style={{ marginTop: 12 }}>
            <Form.Item name="summary" label={t('reports.summary')} rules={[{ required: true, whitespace: true, message: t('reports.summary_required') }]}>
              <Input.TextArea rows={4} maxLength={3000} showCount data-testid="report-summary" />
            </Form.Item>
            {kind !== 'daily' && (
              <Form.Item name="plan" label={t('reports.plan')} rules={[{ required: true, whitespace: true, message: t('reports.plan_required') }]}>
                <Input.TextArea rows={3} maxLength={3000} showCount data-testid="report-plan" />
              </Form.Item>
            )}
            <Form.Item name="questions" label={t('reports.questions')}>
              <Input.TextArea rows={2} maxLength={2000} showCount data-testid="report-questions" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
