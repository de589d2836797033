// Leave and other requests (请假与申请): everyone asks for leave (a sick-leave certificate uploaded with it), overtime,
// a customer visit (its time out lowers the day's quota where the policy says so)
// or to resign, sees what each request comes to under the rules — leave asked too late, approved after it began or
// without its certificate counts as absence — and withdraws a pending one; supervisors approve or reject the
// requests of their people, with a note.
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Segmented, Select, Space, Tabs, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, errorOf } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import type { RequestKind, StaffRequest } from './types';

const STATE_COLOR: Record<StaffRequest['state'], string> = { pending: 'processing', approved: 'green', rejected: 'red', cancelled: 'default' };

async function uploadCertificate(id: number, file: File): Promise<StaffRequest> {
  const res = await fetch(`/api/v1/requests/${id}/certificate?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' }, credentials: 'same-origin',
  });
  const json = await res.json();
  if (!res.ok) throw errorOf(res, json);
  return json as StaffRequest;
}

export default function RequestsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [tab, setTab] = useState('mine');
  const approver = hasRight(user, 'approve_requests');
  return (
    <>
      <Typography.Title level={3}>{t('requests.title')}</Typography.Title>
      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'mine', label: t('requests.mine'), children: <MyRequests /> },
        ...(approver ? [{ key: 'approve', label: t('requests.to_approve'), children: <ToApprove /> }] : []),
      ]} />
    </>
  );
}

function useColumns() {
  const { t } = useI18n();
  const time = useCompanyTime();
  return [
    { title: t('requests.kind'), dataIndex: 'kind', width: 90, render: (k: RequestKind) => t(`requests.kind.${k}`) },
    {
      title: t('requests.days'), key: 'days', width: 200,
      render: (_: unknown, r: StaffRequest) => (
        <span>{r.kind === 'resignation' ? t('requests.last_day', { day: r.to }) : r.from === r.to ? r.from : `${r.from} ~ ${r.to}`}
          {r.kind === 'overtime' || r.kind === 'visit' ? ` · ${t('requests.minutes_n', { n: r.minutes })}` : ''}</span>
      ),
    },
    { title: t('requests.reason'), dataIndex: 'reason' },
    { title: t('requests.asked'), dataIndex: 'requested_at', width: 150, render: (v: string) => time.dateTime(v) },
    {
      title: t('requests.state'), key: 'state', width: 200,
      render: (_: unknown, r: StaffRequest) => (
        <Space direction="vertical" size={2}>
          <Space size={4} wrap>
            <Tag color={STATE_COLOR[r.state]} data-testid={`request-state-${r.id}`}>{t(`requests.state.${r.state}`)}</Tag>
            {r.verdict && (r.state === 'pending' || r.state === 'approved') && <Verdict request={r} />}
          </Space>
          {r.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.note}{r.decided_by_name ? ` — ${r.decided_by_name}` : ''}</Typography.Text>}
        </Space>
      ),
    },
  ];
}

/** What the rules make of it: leave excused or why not; a resignation's standing for pay. */
function Verdict({ request }: { request: StaffRequest }) {
  const { t } = useI18n();
  const v = request.verdict;
  const key = request.kind === 'resignation' ? `requests.outcome.${v}` : `requests.verdict.${v}`;
  const good = v === 'excused' || v === 'in_order';
  return (
    <Tag color={good ? 'green' : 'orange'} data-testid={`request-verdict-${request.id}`}>
      {t(key as Parameters<typeof t>[0])}
    </Tag>
  );
}

function Certificate({ request, mine, onChanged }: { request: StaffRequest; mine: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  if (request.kind !== 'sick') return null;
  const pick = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png,application/pdf';
    input.onchange = async () => {
      const file = input.files?.[0];
      if (!file) return;
      setBusy(true);
      try {
        await uploadCertificate(request.id, file);
        message.success(t('requests.certificate_done'));
        onChanged();
      } catch (e) {
        message.error(errorText(e));
      } finally {
        setBusy(false);
      }
    };
    input.click();
  };
  return (
    <Space size={4} wrap>
      {request.certificate && <a href={`/api/v1/requests/${request.id}/certificate`} data-testid={`certificate-${request.id}`}>{t('requests.certificate_view')}</a>}
      {mine && (request.state === 'pending' || request.state === 'approved') && (
        <Button size="small" loading={busy} onClick={pick} data-testid={`certificate-upload-${request.id}`}>
          {request.certificate ? t('requests.certificate_replace') : t('requests.certificate_upload')}
        </Button>
      )}
    </Space>
  );
}

function MyRequests() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [asking, setAsking] = useState(false);
  const list = usePagedList<StaffRequest>('/api/v1/requests', { view: 'mine' });
  const columns = useColumns();
  const cancel = (r: StaffRequest) => Modal.confirm({
    title: t('requests.cancel_confirm'),
    onOk: async () => {
      try {
        await api('POST', `/api/v1/requests/${r.id}/cancel`);
        void list.reload();
      } catch (e) {
        message.error(errorText(e));
      }
    },
  });
  return (
    <Card size="small" extra={<Button type="primary" onClick={() => setAsking(true)} data-testid="request-new">{t('requests.new')}</Button>}>
      <PagedTable<StaffRequest> list={list} testId="my-requests" scroll={{ x: 1100 }}
        columns={[...columns, {
          title: '', key: 'act', width: 170,
          render: (_: unknown, r: StaffRequest) => (
            <Space size={4} wrap>
              <Certificate request={r} mine onChanged={() => void list.reload()} />
              {r.state === 'pending' && <Button size="small" onClick={() => cancel(r)} data-testid={`request-cancel-${r.id}`}>{t('requests.cancel')}</Button>}
            </Space>
          ),
        }]} />
      <NewRequestModal open={asking} onClose={() => setAsking(false)} onDone={() => { setAsking(false); void list.reload(); }} />
    </Card>
  );
}

function NewRequestModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const kind: RequestKind = Form.useWatch('kind', form) ?? 'personal';
  const ranged = kind === 'personal' || kind === 'sick';
  const timed = kind === 'overtime' || kind === 'visit';  // one day and its minutes
  const today = dayjs(time.today());
  async function submit(v: { kind: RequestKind; days?: [Dayjs, Dayjs]; day?: Dayjs; minutes?: number; reason: string }) {
    setBusy(true);
    try {
      const from = ranged ? v.days![0] : v.day!;
      const to = ranged ? v.days![1] : v.day!;
      const body: Record<string, unknown> = { kind: v.kind, from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD'), reason: v.reason };
      if (timed) body.minutes = v.minutes;
      const r = await api<StaffRequest>('POST', '/api/v1/requests', body);
      message.success(r.kind === 'sick' && !r.certificate ? t('requests.sent_needs_certificate') : t('requests.sent'));
      form.resetFields();
      onDone();
    } catch (e) {
      form.setFields([{ name: 'reason', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={open} title={t('requests.new')} onCancel={() => { form.resetFields(); onClose(); }} onOk={() => form.submit()}
      confirmLoading={busy} okText={t('requests.send')} destroyOnClose>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'personal' }}>
        <Form.Item name="kind" label={t('requests.kind')}>
          <Select data-testid="request-kind" options={(['personal', 'sick', 'overtime', 'visit', 'resignation'] as const).map((k) => ({ value: k, label: t(`requests.kind.${k}`) }))} />
        </Form.Item>
        {ranged ? (
          <Form.Item name="days" label={t('requests.days')} rules={[{ required: true, message: t('requests.days_required') }]}>
            <DatePicker.RangePicker disabledDate={(d) => d.isBefore(today, 'day')} data-testid="request-days" style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item name="day" label={kind === 'resignation' ? t('requests.last_day_label') : t('requests.day')} rules={[{ required: true, message: t('requests.days_required') }]}>
            <DatePicker disabledDate={(d) => d.isBefore(today, 'day')} data-testid="request-day" style={{ width: '100%' }} />
          </Form.Item>
        )}
        {timed && (
          <Form.Item name="minutes" label={t('requests.minutes')} rules={[{ required: true, message: t('requests.minutes_required') }]}>
            <InputNumber min={1} max={720} precision={0} data-testid="request-minutes" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('requests.reason')} rules={[{ required: true, whitespace: true, message: t('requests.reason_required') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="request-reason" />
        </Form.Item>
        <Alert type="info" showIcon message={t(`requests.hint.${kind}`)} />
      </Form>
    </Modal>
  );
}

function ToApprove() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [state, setState] = useState('pending');
  const [deciding, setDeciding] = useState<{ r: StaffRequest; approve: boolean } | null>(null);
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const list = usePagedList<StaffRequest>('/api/v1/requests', { view: 'approve', state });
  const columns = useColumns();
  async function submit(v: { note?: string }) {
    if (!deciding) return;
    setBusy(true);
    try {
      await api('POST', `/api/v1/requests/${deciding.r.id}/decision`, { decision: deciding.approve ? 'approved' : 'rejected', note: v.note ?? '' });
      message.success(t('requests.decided'));
      setDeciding(null);
      form.resetFields();
      void list.reload();
    } catch (e) {
      form.setFields([{ name: 'note', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card size="small">
      <Segmented value={state} onChange={(v) => setState(String(v))} style={{ marginBottom: 12 }} data-testid="approve-state"
        options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`requests.state.${s}`) }))} />
      <PagedTable<StaffRequest> list={list} testId="approve-requests" scroll={{ x: 1200 }}
        columns={[{ title: t('requests.person'), dataIndex: 'user_name', width: 100 }, ...columns, {
          title: '', key: 'act', width: 190,
          render: (_: unknown, r: StaffRequest) => (
            <Space size={4} wrap>
              <Certificate request={r} mine={false} onChanged={() => void list.reload()} />
              {r.state === 'pending' && (
                <>
                  <Button size="small" type="primary" onClick={() => setDeciding({ r, approve: true })} data-testid={`approve-${r.id}`}>{t('requests.approve')}</Button>
                  <Button size="small" danger onClick={() => setDeciding({ r, approve: false })} data-testid={`reject-${r.id}`}>{t('requests.reject')}</Button>
                </>
              )}
            </Space>
          ),
        }]} />
      <Modal open={!!deciding} onCancel={() => { setDeciding(null); form.resetFields(); }} onOk={() => form.submit()} confirmLoading={busy}
        title={deciding ? t(deciding.approve ? 'requests.approve_title' : 'requests.reject_title', { name: deciding.r.user_name }) : ''} destroyOnClose>
        {deciding?.approve && deciding.r.verdict && deciding.r.verdict !== 'excused' && deciding.r.verdict !== 'in_order' && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={<Verdict request={deciding.r} />} />
        )}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="note" label={t('requests.note')} rules={deciding && !deciding.approve ? [{ required: true, whitespace: true, message: t('requests.note_required') }] : []}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="request-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
