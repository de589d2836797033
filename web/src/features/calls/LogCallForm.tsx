// Logging a call as it happens: the dial button opens the phone (a tel: link) and starts a timer, "answered" and
// "hang up" stamp the moments, and one request saves the call with its follow-up — all or nothing, retried safely
// with the same Idempotency-Key. A pool customer is claimed first. Talk time typed by hand is a correction: it
// needs a reason, which the server audits. A callback the customer asked for gets its time.
// Keys (outside text fields): D dials, A answered, E hangs up, 1–8 choose the result; Ctrl+Enter saves.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, newIdempotencyKey } from '../../shared/api';
import { showFieldError, useErrorText } from '../../shared/errors';
import { useCompanyTime } from '../../shared/time';
import { knownKey, useI18n, type MessageKey } from '../../i18n';

const RESULTS = ['no_answer', 'busy', 'invalid_number', 'refused', 'connected', 'callback_requested', 'interested', 'failed'] as const;
const CHANNELS = ['phone', 'visit', 'fax', 'sms', 'email', 'wechat'] as const;
const ANSWERED = new Set(['refused', 'connected', 'callback_requested', 'interested']);

interface LogValues {
  result?: string;
  talk_seconds?: number;
  talk_seconds_reason?: string;
  callback_at?: Dayjs;
  notes?: string;
  channel: string;
  content?: string;
  outcome?: string;
  next_step?: string;
  next_follow_up_on?: Dayjs;
}

// The moments of the call the agent is on (epoch ms).
interface CallClock {
  started: number;
  answered?: number;
  ended?: number;
}

function clockText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function ClaimCard({ customerId, onClaimed }: { customerId: number; onClaimed: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  async function claim() {
    setBusy(true);
    try {
      await api('POST', `/api/v1/customers/${customerId}/claim`);
      message.success(t('log.claimed'));
      onClaimed();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title={t('log.title')} data-testid="claim-card">
      <Alert type="info" showIcon message={t('log.claim_first')} style={{ marginBottom: 12 }} />
      <Button type="primary" loading={busy} onClick={claim} data-testid="claim">{t('log.claim')}</Button>
    </Card>
  );
}

const FIELDS = ['result', 'talk_seconds', 'talk_seconds_reason', 'notes', 'channel', 'content', 'outcome', 'next_step',
  'next_follow_up_on', 'callback_at'];

export function LogCallForm({ customerId, phone, onSaved, dialFocus }: {
  customerId: number; phone?: string; onSaved: () => void; dialFocus?: boolean;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const time = useCompanyTime();
  const dialRef = useRef<HTMLAnchorElement & HTMLButtonElement>(null);
  const [form] = Form.useForm<LogValues>();
  const [busy, setBusy] = useState(false);
  const [call, setCall] = useState<CallClock | null>(null);
  const [now, setNow] = useState(Date.now());
  // One key per call being logged: a double click or a retry after a timeout records it once.
  const key = useRef(newIdempotencyKey());
  const result = Form.useWatch('result', form);
  const talkSeconds = Form.useWatch('talk_seconds', form);

  useEffect(() => {
    if (!call || call.ended) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [call]);

  function dial() {
    setCall({ started: Date.now() });
    setNow(Date.now());
  }

  // Opened from the desk: the dial button is ready for Enter.
  useEffect(() => {
    if (dialFocus) dialRef.current?.focus();
  }, [dialFocus]);

  // The hot path without the mouse: keys act outside text fields only.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        // Ctrl+Enter saves from anywhere on the page, a field or not.
        e.preventDefault();
        form.submit();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable) return;
      const key = e.key.toLowerCase();
      if (key === 'd' && !call) {
        dialRef.current?.click();
      } else if (key === 'a' && call && !call.ended && !call.answered) {
        setCall({ ...call, answered: Date.now() });
      } else if (key === 'e' && call && !call.ended) {
        setCall({ ...call, ended: Date.now() });
      } else if (/^[1-8]$/.test(key)) {
        form.setFieldValue('result', RESULTS[Number(key) - 1]);
        form.setFields([{ name: 'result', errors: [] }]);
      } else {
        return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [call, form]);

  async function submit(v: LogValues) {
    if (!v.result) {
      form.setFields([{ name: 'result', errors: [t('log.pick_result')] }]);
      return;
    }
    setBusy(true);
    try {
      const answered = ANSWERED.has(v.result);
      const body: Record<string, unknown> = { customer_id: customerId, result: v.result, notes: v.notes ?? '' };
      if (call) {
        const ended = call.ended ?? Date.now();
        body.started_at = new Date(call.started).toISOString();
        body.ended_at = new Date(ended).toISOString();
        if (answered) body.answered_at = new Date(call.answered ?? call.started).toISOString();
      } else {
        // Not dialled here: the call is over when it is logged; typed talk time is a correction with its reason.
        const talk = answered ? v.talk_seconds ?? 0 : 0;
        body.started_at = new Date(Date.now() - talk * 1000).toISOString();
        body.talk_seconds = talk;
        if (talk > 0) body.talk_seconds_reason = v.talk_seconds_reason ?? '';
      }
      if (v.content?.trim() || v.callback_at) {
        body.follow_up = {
          channel: v.channel,
          content: v.content ?? '',
          outcome: v.outcome ?? '',
          next_step: v.next_step ?? '',
          next_follow_up_on: v.next_follow_up_on ? v.next_follow_up_on.format('YYYY-MM-DD') : '',
          // The picker's wall time is the company's (whatever the browser's zone).
          ...(v.callback_at ? { callback_at: new Date(time.wallTime(v.callback_at.format('YYYY-MM-DD HH:mm'))).toISOString() } : {}),
        };
      }
      const saved = await api<{ follow_up?: { complete: boolean; missing: string[] } }>('POST', '/api/v1/calls', body, key.current);
      if (saved.follow_up && !saved.follow_up.complete) {
        const names = saved.follow_up.missing.map((f) => { const k = knownKey(`field.${f}`); return k ? t(k) : f; });
        message.warning(t('log.incomplete', { fields: names.join('、') }));
      }
      message.success(t('log.saved'));
      form.resetFields();
      setCall(null);
      key.current = newIdempotencyKey();
      onSaved();
    } catch (e) {
      // "follow_up.next_follow_up_on" belongs beside the follow-up's field; call fields beside their own.
      if (!showFieldError(form, e, FIELDS, errorText, 'follow_up.')) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const dialable = phone && !phone.includes('*');
  return (
    <Card title={t('log.title')} data-testid="log-call">
      <Space wrap style={{ marginBottom: 12 }}>
        {!call && (
          <Button type="primary" href={dialable ? `tel:${phone}` : undefined} onClick={dial} data-testid="dial" ref={dialRef}>
            {t('log.dial')} {dialable ? phone : ''} <kbd className="key-hint">D</kbd>
          </Button>
        )}
        {call && !call.ended && (
          <>
            <Typography.Text strong data-testid="call-timer">{t('log.dialing', { time: clockText(now - call.started) })}</Typography.Text>
            {!call.answered && (
              <Button onClick={() => setCall({ ...call, answered: Date.now() })} data-testid="answered">{t('log.answered')} <kbd className="key-hint">A</kbd></Button>
            )}
            <Button danger onClick={() => setCall({ ...call, ended: Date.now() })} data-testid="hang-up">{t('log.end')} <kbd className="key-hint">E</kbd></Button>
          </>
        )}
        {call?.ended && (
          <Typography.Text data-testid="call-ended">{t('log.ended', { time: clockText(call.ended - call.started) })}</Typography.Text>
        )}
      </Space>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'phone' }}
        onKeyDown={(e) => {
          // A plain Enter in a field (the date picker's among them) does not save; Ctrl+Enter does (above).
          if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault();
        }}>
        <Form.Item name="result" label={t('log.result')} rules={[{ required: true, message: t('log.pick_result') }]}>
          <Select placeholder={t('log.pick_result')} data-testid="log-result"
            options={RESULTS.map((r, i) => ({ value: r, label: `${i + 1} · ${t(`result.${r}` as MessageKey)}` }))} />
        </Form.Item>
        {!call && result && ANSWERED.has(result) && (
          <>
            <Form.Item name="talk_seconds" label={t('log.talk_seconds')} extra={t('log.manual')}>
              <InputNumber min={0} max={43200} style={{ width: '100%' }} data-testid="log-talk" />
            </Form.Item>
            {(talkSeconds ?? 0) > 0 && (
              <Form.Item name="talk_seconds_reason" label={t('log.talk_reason')} rules={[{ required: true, whitespace: true, message: t('log.talk_reason_required') }]}>
                <Input maxLength={200} placeholder={t('log.talk_reason_hint')} data-testid="log-talk-reason" />
              </Form.Item>
            )}
          </>
        )}
        {result === 'callback_requested' && (
          <Form.Item name="callback_at" label={t('log.callback_at')} extra={t('log.callback_hint', { zone: time.zone })}>
            <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }}
              data-testid="log-callback" disabledDate={(d) => d.format('YYYY-MM-DD') < time.today()} />
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
          <DatePicker style={{ width: '100%' }} data-testid="log-next-date"
            disabledDate={(d) => d.format('YYYY-MM-DD') < time.today()} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!!call && !call.ended} data-testid="log-submit">{t('log.submit')}</Button>
          <Typography.Text type="secondary" className="desk-keys">{t('log.save_hint')}</Typography.Text>
        </Space>
      </Form>
    </Card>
  );
}
