// A decision with a note (required or not), posted as { decision, note } to the path given: objections, dismissal
// cases and the elimination list all decide through it.
import { useState } from 'react';
import { Form, Input, Modal, message } from 'antd';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useI18n } from '../../i18n';

export interface Deciding {
  path: string;
  title: string;
  decision: string;
  noteRequired: boolean;
}

export function DecisionModal({ deciding, onClose, onDone }: { deciding: Deciding | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  async function submit(v: { note?: string }) {
    if (!deciding) return;
    setBusy(true);
    try {
      await api('POST', deciding.path, { decision: deciding.decision, note: v.note ?? '' });
      message.success(t('decisions.done'));
      form.resetFields();
      onDone();
    } catch (e) {
      form.setFields([{ name: 'note', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={!!deciding} title={deciding?.title} onCancel={() => { form.resetFields(); onClose(); }} onOk={() => form.submit()}
      confirmLoading={busy} destroyOnClose>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t('decisions.note')}
          rules={deciding?.noteRequired ? [{ required: true, whitespace: true, message: t('decisions.note_required') }] : []}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
