// One customer: the record, a form to log a call and its follow-up in one go, and the timeline.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Row, Select, Spin, Tag, message } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { api, ApiError, type Customer } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { Timeline } from './Timeline';
import { CustomerForm } from './CustomerForm';
import { canWriteCustomers, useAuth } from '../auth';

const RESULTS = ['no_answer', 'busy', 'invalid_number', 'refused', 'connected', 'callback_requested', 'interested', 'failed'] as const;
const CHANNELS = ['phone', 'visit', 'fax', 'sms', 'email', 'wechat'] as const;
const ANSWERED = new Set(['refused', 'connected', 'callback_requested', 'interested']);

interface FullCustomer extends Customer {
  title: string;
  industry: string;
  source: string;
  tags: string[];
  notes: string;
}

export default function CustomerPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const [customer, setCustomer] = useState<FullCustomer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [timelineVersion, setTimelineVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const { user } = useAuth();

  const load = useCallback(async () => {
    try {
      setCustomer(await api<FullCustomer>('GET', `/api/v1/customers/${id}`));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return <Alert type="error" showIcon message={error.status === 404 ? t('customer.not_found') : error.message}
      action={<Link to="/customers">{t('customer.back')}</Link>} data-testid="customer-error" />;
  }
  if (!customer) return <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />;
  return (
    <>
      <Link to="/customers">← {t('customer.back')}</Link>
      {editing && (
        <CustomerForm customer={customer} onClose={() => setEditing(false)}
          onSaved={() => { setEditing(false); void load(); setTimelineVersion((v) => v + 1); }} />
      )}
      <Card title={customer.company || customer.contact_name} style={{ marginTop: 12 }} data-testid="customer-card"
        extra={user && canWriteCustomers(user) && <Button onClick={() => setEditing(true)} data-testid="customer-edit">{t('customer.edit')}</Button>}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('customers.contact')}>{customer.contact_name}</Descriptions.Item>
          <Descriptions.Item label={t('customer.title')}>{customer.title}</Descriptions.Item>
          <Descriptions.Item label={t('customers.phones')}>{customer.phones.join(' / ')}</Descriptions.Item>
          <Descriptions.Item label={t('customers.grade')}>{customer.grade || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.status')}>
            <Tag data-testid="customer-status">{t(`status.${customer.status}` as MessageKey)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.region')}>{customer.region}</Descriptions.Item>
          <Descriptions.Item label={t('customer.industry')}>{customer.industry}</Descriptions.Item>
          <Descriptions.Item label={t('customer.source')}>{customer.source}</Descriptions.Item>
          <Descriptions.Item label={t('customers.next_follow_up')}>{customer.next_follow_up_on ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customer.tags')}>{customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label={t('customer.notes')} span={2}>{customer.notes}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={10}>
          <LogCallForm customerId={customer.id} onSaved={() => {
            void load();
            setTimelineVersion((v) => v + 1);
          }} />
        </Col>
        <Col xs={24} lg={14}>
          <Timeline customerId={customer.id} version={timelineVersion} />
        </Col>
      </Row>
    </>
  );
}

interface LogValues {
  result: string;
  talk_seconds?: number;
  notes?: string;
  channel: string;
  content?: string;
  outcome?: string;
  next_step?: string;
  next_follow_up_on?: Dayjs;
}

function LogCallForm({ customerId, onSaved }: { customerId: number; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<LogValues>();
  const [busy, setBusy] = useState(false);
  const result = Form.useWatch('result', form);
  async function submit(v: LogValues) {
    setBusy(true);
    try {
      const answered = ANSWERED.has(v.result);
      const talk = answered ? v.talk_seconds ?? 0 : 0;
      try {
        await api('POST', '/api/v1/calls', {
          customer_id: customerId,
          // The call is over when it is logged: it started its talk time ago (the server refuses calls ending later
          // than now).
          started_at: new Date(Date.now() - talk * 1000).toISOString(),
          result: v.result,
          talk_seconds: talk,
          notes: v.notes ?? '',
        });
      } catch (e) {
        if (e instanceof ApiError && e.field) {
          const name = e.field === 'talk_seconds' || e.field === 'notes' || e.field === 'result' ? e.field : 'result';
          form.setFields([{ name, errors: [e.message] }]);
          return;
        }
        throw e;
      }
      if (v.content?.trim()) {
        try {
          const f = await api<{ complete: boolean; missing: string[] }>('POST', '/api/v1/follow-ups', {
            customer_id: customerId,
            channel: v.channel,
            content: v.content,
            outcome: v.outcome ?? '',
            next_step: v.next_step ?? '',
            next_follow_up_on: v.next_follow_up_on ? v.next_follow_up_on.format('YYYY-MM-DD') : '',
          });
          if (!f.complete) message.warning(t('log.incomplete', { fields: f.missing.join(', ') }));
        } catch (e) {
          if (e instanceof ApiError && e.field) {
            form.setFields([{ name: e.field as keyof LogValues, errors: [e.message] }]);
            return;
          }
          throw e;
        }
      }
      message.success(t('log.saved'));
      form.resetFields();
      onSaved();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title={t('log.title')} data-testid="log-call">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ result: 'connected', channel: 'phone' }}>
        <Form.Item name="result" label={t('log.result')} rules={[{ required: true }]}>
          <Select options={RESULTS.map((r) => ({ value: r, label: t(`result.${r}` as MessageKey) }))} data-testid="log-result" />
        </Form.Item>
        {ANSWERED.has(result) && (
          <Form.Item name="talk_seconds" label={t('log.talk_seconds')}>
            <InputNumber min={0} max={43200} style={{ width: '100%' }} data-testid="log-talk" />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('log.call_notes')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <div style={{ fontWeight: 500, margin: '8px 0' }}>{t('log.follow_up')}</div>
        <Form.Item name="channel" label={t('log.channel')}>
          <Select options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="content" label={t('log.content')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="log-content" />
        </Form.Item>
        <Form.Item name="outcome" label={t('log.outcome')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="next_step" label={t('log.next_step')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="next_follow_up_on" label={t('log.next_follow_up_on')}>
          <DatePicker style={{ width: '100%' }} data-testid="log-next-date" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="log-submit">{t('log.submit')}</Button>
      </Form>
    </Card>
  );
}
