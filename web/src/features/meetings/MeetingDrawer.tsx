// One meeting: its kind, time and what a missed one costs; the holder's roll call (each invitee present, late, left
// early, absent or excused, with a note), saved as it goes and closed once — then the ledger has the costs. An
// invitee sees their own row.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Input, Modal, Select, Skeleton, Space, Table, Tag, Typography, message } from 'antd';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useCompanyTime } from '../../shared/time';
import { useI18n, type MessageKey } from '../../i18n';
import { STATUSES, type Attendee, type AttendanceStatus, type Meeting } from './types';

export function MeetingDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [marks, setMarks] = useState<Record<number, { status: AttendanceStatus | null; note: string }>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const show = (m: Meeting) => {
    setMeeting(m);
    setMarks(Object.fromEntries(m.attendees.map((a) => [a.user_id, { status: a.status, note: a.note }])));
  };
  const load = useCallback(async (which: number) => {
    setError(null);
    try {
      show(await api<Meeting>('GET', `/api/v1/meetings/${which}`));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    setMeeting(null);
    if (id !== null) void load(id);
  }, [id, load]);
  async function send(close: boolean) {
    if (!meeting) return;
    setBusy(true);
    try {
      const body = {
        marks: Object.entries(marks).filter(([, v]) => v.status).map(([user, v]) => ({ user_id: Number(user), status: v.status, note: v.note })),
        close,
      };
      show(await api<Meeting>('POST', `/api/v1/meetings/${meeting.id}/attendance`, body));
      message.success(t(close ? 'meetings.closed' : 'meetings.saved'));
      onChanged();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  const allPresent = () => setMarks((m) => Object.fromEntries(Object.entries(m).map(([u, v]) => [u, { ...v, status: v.status ?? 'present' }])));
  const statusLabel = (s: AttendanceStatus | null) => (s ? t(`meetings.status.${s}` as MessageKey) : t('meetings.unmarked'));
  return (
    <Drawer open={id !== null} onClose={onClose} title={meeting?.title ?? ''} width={Math.min(720, window.innerWidth)} destroyOnClose data-testid="meeting-drawer">
      {error ? <Alert type="error" showIcon message={errorText(error)} /> : !meeting ? <Skeleton active /> : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} items={[
            { key: 'kind', label: t('meetings.kind'), children: locale === 'en' ? meeting.kind_en : meeting.kind_zh },
            { key: 'at', label: t('meetings.starts_at'), children: `${time.dateTime(meeting.starts_at)} · ${meeting.minutes}′` },
            { key: 'team', label: t('meetings.team'), children: meeting.team_name },
            { key: 'held', label: t('meetings.held_by'), children: meeting.held_by_name },
            { key: 'cost', label: t('meetings.state'), children: <Space>
              <Tag color={meeting.closed_at ? 'default' : 'gold'} data-testid="meeting-state">{t(meeting.closed_at ? 'meetings.state.closed' : 'meetings.state.open')}</Tag>
              <Typography.Text type="secondary">{meeting.missed_item ? t('meetings.costs', { item: meeting.missed_item }) : t('meetings.no_cost')}</Typography.Text></Space> },
          ]} />
          <Table<Attendee> rowKey="user_id" size="small" pagination={false} dataSource={meeting.attendees} data-testid="meeting-attendees"
            columns={[
              { title: t('floor.person'), dataIndex: 'name', width: 110 },
              {
                title: t('meetings.state'), key: 'status', width: 150,
                render: (_: unknown, a) => (meeting.may_mark
                  ? <Select size="small" style={{ width: 120 }} value={marks[a.user_id]?.status ?? undefined} placeholder={t('meetings.unmarked')}
                      data-testid={`meeting-status-${a.user_id}`}
                      onChange={(s: AttendanceStatus) => setMarks((m) => ({ ...m, [a.user_id]: { ...m[a.user_id], status: s } }))}
                      options={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} />
                  : <Space size={4}><Tag color={a.status && a.status !== 'present' && a.status !== 'excused' ? 'red' : 'default'}>{statusLabel(a.status)}</Tag>{a.entry_id && <Tag color="volcano">{t('meetings.entry')}</Tag>}</Space>),
              },
              {
                title: t('meetings.note'), key: 'note',
                render: (_: unknown, a) => (meeting.may_mark
                  ? <Input size="small" maxLength={500} value={marks[a.user_id]?.note ?? ''} onChange={(e) => setMarks((m) => ({ ...m, [a.user_id]: { ...m[a.user_id], note: e.target.value } }))} />
                  : a.note),
              },
            ]} />
          {meeting.may_mark && (
            <Space wrap>
              <Button onClick={allPresent} data-testid="meeting-all-present">{t('meetings.all_present')}</Button>
              <Button onClick={() => void send(false)} loading={busy} data-testid="meeting-save">{t('meetings.save')}</Button>
              <Button type="primary" loading={busy} data-testid="meeting-close"
                onClick={() => Modal.confirm({ title: t('meetings.close'), content: t('meetings.close_confirm'), onOk: () => send(true) })}>{t('meetings.close')}</Button>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}
