// The manager's probation exception (seed 001 "特殊情况可与商务经理提出申请"): someone the rule would eliminate after
// this month stays, regular from the next run. The reason is required and kept on the statement.
import { useState } from 'react';
import { Form, Input, Modal, Typography, message } from 'antd';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useI18n } from '../../i18n';

export function ExceptionModal({ open, userId, month, onClose, onDone }: {
  open: boolean; userId: number; month: string; onClose: () => void; onDone: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  async function submit(v: { reason: string }) {
    setBusy(true);
    try {
      await api('POST', '/api/v1/pay/probation-exceptions', { user_id: userId, month, reason: v.reason });
      message.success(t('payroll.exception_saved'));
      form.resetFields();
      onDone();
    } catch (e) {
      form.setFields([{ name: 'reason', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={open} title={t('payroll.grant_exception')} onCancel={() => { form.resetFields(); onClose(); }}
      onOk={() => form.submit()} confirmLoading={busy} destroyOnClose>
      <Typography.Paragraph type="secondary">{t('payroll.exception_hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('payroll.exception_reason')} rules={[{ required: true, whitespace: true, message: t('payroll.exception_reason_required') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="exception-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
