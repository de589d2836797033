// 会议: the meetings of the reader's teams and those they are invited to, newest first; supervisors and managers hold
// one of the rules' kinds for a team and take its attendance in the drawer.
import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { useHandOver } from '../../shared/handover';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useCompanyTime } from '../../shared/time';
import { useI18n, type MessageKey } from '../../i18n';
import { useTeams } from '../admin/useTeams';
import { MeetingDrawer } from './MeetingDrawer';
import type { Meeting, MeetingKind } from './types';

export default function MeetingsPage() {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const time = useCompanyTime();
  const [open, setOpen] = useState<number | null>(null);
  const [holding, setHolding] = useState(false);
  const list = usePagedList<Meeting>('/api/v1/meetings', {});
  const mayHold = hasRight(user, 'enter_points');
  const mine = (m: Meeting) => m.attendees.find((a) => a.user_id === user?.id);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>{t('meetings.title')}</Typography.Title>
        {mayHold && <Button type="primary" onClick={() => setHolding(true)} data-testid="meeting-hold">{t('meetings.hold')}</Button>}
      </Space>
      <PagedTable<Meeting> list={list} testId="meetings-table" scroll={{ x: 'max-content' }} locale={{ emptyText: t('meetings.empty') }}
        onRow={(m) => ({ onClick: () => setOpen(m.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('meetings.starts_at'), key: 'at', width: 160, render: (_: unknown, m) => time.dateTime(m.starts_at) },
          { title: t('meetings.kind'), key: 'kind', width: 130, responsive: ['md'], render: (_: unknown, m) => (locale === 'en' ? m.kind_en : m.kind_zh) },
          { title: t('meetings.name'), dataIndex: 'title' },
          { title: t('meetings.team'), dataIndex: 'team_name', width: 110, responsive: ['sm'] },
          { title: t('meetings.held_by'), dataIndex: 'held_by_name', width: 100, responsive: ['md'] },
          {
            title: t('meetings.state'), key: 'state', width: 110,
            render: (_: unknown, m) => {
              const me = mine(m);
              if (me) return <Tag>{me.status ? t(`meetings.status.${me.status}` as MessageKey) : t('meetings.unmarked')}</Tag>;
              return <Tag color={m.closed_at ? 'default' : 'gold'}>{t(m.closed_at ? 'meetings.state.closed' : 'meetings.state.open')}</Tag>;
            },
          },
        ]} />
      <MeetingDrawer id={open} onClose={() => setOpen(null)} onChanged={() => void list.reload()} />
      <HoldModal open={holding} onClose={() => setHolding(false)} onDone={(id) => { setHolding(false); void list.reload(); setOpen(id); }} />
    </>
  );
}

function HoldModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: number) => void }) {
  const { t, locale } = useI18n();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const { teams } = useTeams();
  const [form] = Form.useForm();
  const [kinds, setKinds] = useState<MeetingKind[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { focusTriggerAfterClose, handOver } = useHandOver(open);  // the meeting called opens in its drawer
  useEffect(() => {
    if (open) api<{ items: MeetingKind[] }>('GET', '/api/v1/meetings/kinds').then((r) => setKinds(r.items)).catch(() => setKinds([]));
  }, [open]);
  const pickKind = (kind: string) => {
    const k = kinds?.find((x) => x.kind === kind);
    if (!k) return;
    form.setFieldsValue({ title: locale === 'en' ? k.en : k.zh, minutes: k.minutes, ...(k.at ? { starts_at: dayjs(`${time.today()} ${k.at}`) } : {}) });
  };
  async function submit(v: { kind: string; title: string; team_id: number; starts_at: dayjs.Dayjs; minutes: number }) {
    setBusy(true);
    try {
      const m = await api<Meeting>('POST', '/api/v1/meetings', {
        kind: v.kind, title: v.title, team_id: v.team_id, minutes: v.minutes,
        starts_at: new Date(time.wallTime(v.starts_at.format('YYYY-MM-DD HH:mm'))).toISOString(),
      });
      form.resetFields();
      handOver(onDone, m.id);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  const kind = Form.useWatch('kind', form) as string | undefined;
  const chosen = kinds?.find((k) => k.kind === kind);
  return (
    <Modal open={open} title={t('meetings.hold')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnClose focusTriggerAfterClose={focusTriggerAfterClose} data-testid="meeting-hold-modal">
      {kinds?.length === 0 ? <Alert type="info" showIcon message={t('meetings.none_kinds')} /> : (
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item name="kind" label={t('meetings.kind')} rules={[{ required: true, message: t('meetings.required') }]}>
            <Select data-testid="meeting-kind" onChange={pickKind} options={(kinds ?? []).map((k) => ({ value: k.kind, label: locale === 'en' ? k.en : k.zh }))} />
          </Form.Item>
          {chosen && <Typography.Paragraph type="secondary">{chosen.missed_item ? t('meetings.costs', { item: chosen.missed_item }) : t('meetings.no_cost')}</Typography.Paragraph>}
          <Form.Item name="title" label={t('meetings.name')} rules={[{ required: true, whitespace: true, message: t('meetings.required') }]}>
            <Input maxLength={200} data-testid="meeting-title" />
          </Form.Item>
          <Form.Item name="team_id" label={t('meetings.team')} rules={[{ required: true, message: t('meetings.required') }]}>
            <Select data-testid="meeting-team" options={teams.map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="starts_at" label={t('meetings.starts_at')} rules={[{ required: true, message: t('meetings.required') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="meeting-starts" />
            </Form.Item>
            <Form.Item name="minutes" label={t('meetings.minutes')}>
              <InputNumber min={5} max={480} data-testid="meeting-minutes" />
            </Form.Item>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
