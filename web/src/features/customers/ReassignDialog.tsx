// Supervisors move customers in bulk — the ones selected, or every customer of one agent (a leaving agent's
// book) — to another agent or to the public pool, with a reason. One request, all or none; audited as owner
// changes the customers' timelines show.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select, message } from 'antd';
import { api, ApiError } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useI18n } from '../../i18n';

export function ReassignDialog({ selected, owners, onClose, onDone }: {
  selected: number[];
  owners: Record<number, string>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const which = Form.useWatch('which', form) ?? (selected.length ? 'selected' : 'agent');
  const people = Object.entries(owners).map(([id, name]) => ({ value: Number(id), label: name }));
  async function submit(v: { which: string; from_owner_id?: number; to: number | 'pool'; reason: string }) {
    setBusy(true);
    try {
      const body = {
        ...(v.which === 'selected' ? { customer_ids: selected } : { from_owner_id: v.from_owner_id }),
        to_owner_id: v.to === 'pool' ? null : v.to,
        reason: v.reason,
      };
      const r = await api<{ moved: number }>('POST', '/api/v1/customers/reassign', body);
      message.success(t('reassign.done', { n: r.moved }));
      onDone();
    } catch (e) {
      // The server's fields, as this form names them.
      const field = e instanceof ApiError ? ({ to_owner_id: 'to', customer_ids: 'which' }[e.field ?? ''] ?? e.field) : undefined;
      if (field && ['from_owner_id', 'reason', 'to', 'which'].includes(field)) form.setFields([{ name: field, errors: [errorText(e)] }]);
      else message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={t('reassign.title')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy}
      okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnClose>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="reassign-form"
        initialValues={{ which: selected.length ? 'selected' : 'agent' }}>
        <Form.Item name="which">
          <Radio.Group options={[
            { value: 'selected', label: t('reassign.selected', { n: selected.length }), disabled: selected.length === 0 },
            { value: 'agent', label: t('reassign.all_of_agent') },
          ]} />
        </Form.Item>
        {which === 'agent' && (
          <Form.Item name="from_owner_id" label={t('reassign.from')} rules={[{ required: true, message: t('reassign.pick_from') }]}>
            <Select showSearch optionFilterProp="label" options={people} data-testid="reassign-from" />
          </Form.Item>
        )}
        <Form.Item name="to" label={t('reassign.to')} rules={[{ required: true, message: t('reassign.pick_to') }]}>
          <Select showSearch optionFilterProp="label" data-testid="reassign-to"
            options={[{ value: 'pool', label: t('customers.pool') }, ...people]} />
        </Form.Item>
        <Form.Item name="reason" label={t('reassign.reason')} rules={[{ required: true, whitespace: true, message: t('reassign.pick_reason') }]}>
          <Input maxLength={200} placeholder={t('reassign.reason_hint')} data-testid="reassign-reason" />
        </Form.Item>
        <Alert type="info" showIcon message={t('reassign.note')} />
      </Form>
    </Modal>
  );
}
