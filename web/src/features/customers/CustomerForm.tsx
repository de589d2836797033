// Create or edit a customer. The server validates; its field errors appear beside the fields, and a duplicate
// (撞单) is shown as the warning it is.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, message } from 'antd';
import { api, ApiError, type Customer } from '../../shared/api';
import { showFieldError, useErrorText } from '../../shared/errors';
import { useI18n, type MessageKey } from '../../i18n';

const FIELDS = ['company', 'contact_name', 'title', 'phones', 'industry', 'region', 'grade', 'status', 'tags', 'notes'];
const STATUSES = ['new', 'contacted', 'interested', 'following', 'won', 'lost', 'invalid'];

export interface EditableCustomer extends Customer {
  title: string;
  industry: string;
  tags: string[];
  notes: string;
}

export function CustomerForm({ customer, onClose, onSaved }: {
  customer: EditableCustomer | null; onClose: () => void; onSaved: (c: Customer) => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  async function submit(v: Record<string, string>) {
    setBusy(true);
    setDuplicate(null);
    const body = {
      company: v.company ?? '',
      contact_name: v.contact_name ?? '',
      title: v.title ?? '',
      phones: (v.phones ?? '').split(/[,，/;；、|\n]+/).map((p) => p.trim()).filter(Boolean), // '139 1111 2201' is one number
      industry: v.industry ?? '',
      region: v.region ?? '',
      grade: v.grade ?? '',
      status: v.status ?? 'new',
      tags: (v.tags ?? '').split(/[,，\s]+/).filter(Boolean),
      notes: v.notes ?? '',
    };
    try {
      const saved = customer
        ? await api<Customer>('PATCH', `/api/v1/customers/${customer.id}`, body)
        : await api<Customer>('POST', '/api/v1/customers', body);
      message.success(t(customer ? 'customer.saved' : 'customer.created'));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'customer.duplicate_claim' || e.code === 'customer.duplicate_phone')) {
        // 撞单: who holds it (masked), and the case opened for the supervisor to decide.
        const holder = typeof e.details.holder_name === 'string' ? e.details.holder_name : t('customer.duplicate_pool');
        setDuplicate(e.code === 'customer.duplicate_claim'
          ? t('customer.duplicate_claimed', { holder, id: String(e.details.claim_id) })
          : t('customer.duplicate_held', { holder }));
        showFieldError(form, e, FIELDS, errorText);
      } else if (!showFieldError(form, e, FIELDS, errorText)) {
        message.error(errorText(e));
      }
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={customer ? t('customer.edit') : t('customers.add')} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={busy} okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnClose width={640}>
      {duplicate && <Alert type="warning" showIcon message={t('customer.duplicate')} description={duplicate} style={{ marginBottom: 16 }} data-testid="duplicate-warning" />}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="customer-form"
        initialValues={customer ? {
          ...customer, phones: customer.phones.join(', '), tags: customer.tags.join(', '),
        } : { status: 'new' }}>
        <Form.Item name="company" label={t('customers.company')}><Input data-testid="cf-company" /></Form.Item>
        <Form.Item name="contact_name" label={t('customers.contact')}><Input data-testid="cf-contact" /></Form.Item>
        <Form.Item name="title" label={t('customer.title')}><Input /></Form.Item>
        <Form.Item name="phones" label={t('customers.phones')} extra={t('customer.phones_hint')}><Input data-testid="cf-phones" /></Form.Item>
        <Form.Item name="industry" label={t('customer.industry')}><Input /></Form.Item>
        <Form.Item name="region" label={t('customers.region')}><Input /></Form.Item>
        <Form.Item name="grade" label={t('customers.grade')}>
          <Select allowClear options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: g }))} />
        </Form.Item>
        <Form.Item name="status" label={t('customers.status')}>
          <Select options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="tags" label={t('customer.tags')}><Input /></Form.Item>
        <Form.Item name="notes" label={t('customer.notes')}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}
