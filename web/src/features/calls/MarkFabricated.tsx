// Marking a call or a follow-up fabricated (虚报) on audit: a supervisor or manager gives the reason; the record stays
// listed, marked, and counts in no figure from then on; the policy's fine goes to the agent's ledger. The calls list
// and a customer's timeline both use it.
import { useState } from 'react';
import { Button, Form, Input, Modal, Tag, Tooltip, message } from 'antd';
import { api, type Call } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useI18n } from '../../i18n';

export interface Fabrication { reason: string }

/** The call's mark, or a button to mark it for those who may. */
export function FabricatedCell({ call, mayMark, onMarked }: { call: Call; mayMark: boolean; onMarked: () => void }) {
  return <FabricatedMark kind="call" id={call.id} agentName={call.agent_name} fabricated={call.fabricated} mayMark={mayMark} onMarked={onMarked} />;
}

/** A record's 虚报 mark, or a button to mark it for those who may. */
export function FabricatedMark({ kind, id, agentName, fabricated, mayMark, onMarked }: {
  kind: 'call' | 'follow_up'; id: number; agentName: string; fabricated: Fabrication | null | undefined;
  mayMark: boolean; onMarked: () => void;
}) {
  const testId = kind === 'call' ? 'call' : 'follow-up';
  const { t } = useI18n();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  if (fabricated)
    return (
      <Tooltip title={fabricated.reason}>
        <Tag color="red" data-testid={`${testId}-fabricated-${id}`}>{t('calls.fabricated')}</Tag>
      </Tooltip>
    );
  if (!mayMark) return null;
  async function submit(v: { reason: string }) {
    setBusy(true);
    try {
      const r = await api<{ entry: { fine_fen: number } | null }>('POST', `/api/v1/${kind === 'call' ? 'calls' : 'follow-ups'}/${id}/fabricated`, { reason: v.reason });
      message.success(r.entry ? t('calls.fabricated_fined', { yuan: (r.entry.fine_fen / 100).toFixed(2) }) : t('calls.fabricated_done'));
      setOpen(false);
      form.resetFields();
      onMarked();
    } catch (e) {
      form.setFields([{ name: 'reason', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button size="small" danger type="link" onClick={() => setOpen(true)} data-testid={`${testId}-mark-${id}`}>{t('calls.mark_fabricated')}</Button>
      <Modal open={open} title={t(kind === 'call' ? 'calls.mark_title' : 'calls.mark_title_follow_up', { name: agentName })} onCancel={() => { setOpen(false); form.resetFields(); }}
        onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ danger: true }} destroyOnClose>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="reason" label={t('calls.mark_reason')} extra={t('calls.mark_hint')}
            rules={[{ required: true, whitespace: true, message: t('calls.mark_reason_required') }]}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid={`${testId}-mark-reason`} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
