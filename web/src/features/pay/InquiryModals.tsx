// Asking about pay and answering: the employee questions a line of their own statement (the amount they expected,
// why); a manager accepts with the adjustment the next open month pays, or rejects, always with an answer.
import { useState } from 'react';
import { Form, Input, InputNumber, Modal, Radio, Typography, message } from 'antd';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useI18n } from '../../i18n';
import { yuan, type Inquiry, type PayLine } from './types';

const fen = (yuanValue: number | null | undefined) => (yuanValue === null || yuanValue === undefined ? undefined : Math.round(yuanValue * 100));

export function RaiseInquiryModal({ statementId, line, position, onClose, onDone }: {
  statementId: number; line: PayLine | null; position: number | null; onClose: () => void; onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  async function submit(v: { expected?: number | null; reason: string }) {
    setBusy(true);
    try {
      await api('POST', `/api/v1/payroll/statements/${statementId}/inquiries`, { line: position ?? undefined, expected_fen: fen(v.expected), reason: v.reason });
      message.success(t('payroll.inquiry_sent'));
      form.resetFields();
      onDone();
    } catch (e) {
      form.setFields([{ name: 'reason', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={position !== null} title={t('payroll.inquiry_raise')} onCancel={() => { form.resetFields(); onClose(); }}
      onOk={() => form.submit()} confirmLoading={busy} destroyOnClose>
      {line && <Typography.Paragraph type="secondary">{locale === 'en' ? line.label.en : line.label.zh} · ¥{yuan(line.amount_fen)} · {line.explanation}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="expected" label={t('payroll.inquiry_expected')}>
          <InputNumber precision={2} style={{ width: 200 }} data-testid="inquiry-expected" />
        </Form.Item>
        <Form.Item name="reason" label={t('payroll.inquiry_reason')} rules={[{ required: true, whitespace: true, message: t('payroll.exception_reason_required') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="inquiry-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AnswerInquiryModal({ inquiry, onClose, onDone }: { inquiry: Inquiry | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const decision = Form.useWatch('decision', form);
  async function submit(v: { decision: 'accepted' | 'rejected'; answer: string; adjustment?: number | null }) {
    if (!inquiry) return;
    setBusy(true);
    try {
      await api('POST', `/api/v1/payroll/inquiries/${inquiry.id}/answer`, {
        decision: v.decision, answer: v.answer, adjustment_fen: v.decision === 'accepted' ? fen(v.adjustment) : undefined,
      });
      message.success(t('payroll.inquiry_answered'));
      form.resetFields();
      onDone();
    } catch (e) {
      form.setFields([{ name: 'answer', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={!!inquiry} title={t('payroll.inquiry_answer')} onCancel={() => { form.resetFields(); onClose(); }}
      onOk={() => form.submit()} confirmLoading={busy} destroyOnClose>
      {inquiry && <Typography.Paragraph type="secondary">{inquiry.name} · {inquiry.month} · {inquiry.line_rule || t('payroll.inquiry_whole')}：{inquiry.reason}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decision: 'accepted' }}>
        <Form.Item name="decision">
          <Radio.Group data-testid="inquiry-decision" options={[
            { value: 'accepted', label: t('payroll.inquiry_accept') }, { value: 'rejected', label: t('payroll.inquiry_reject') }]} />
        </Form.Item>
        {decision !== 'rejected' && (
          <Form.Item name="adjustment" label={t('payroll.inquiry_adjustment')} extra={t('payroll.inquiry_adjustment_hint')}
            rules={[{ required: true, message: t('payroll.inquiry_adjustment_required') }]}>
            <InputNumber precision={2} style={{ width: 200 }} data-testid="inquiry-adjustment" />
          </Form.Item>
        )}
        <Form.Item name="answer" label={t('payroll.inquiry_answer_text')} rules={[{ required: true, whitespace: true, message: t('payroll.exception_reason_required') }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="inquiry-answer" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
