// The work calendar an admin keeps: public holidays and 调休 make-up working days of a year, and what they make
// of each month (working days, the first working day). Quotas and deadlines count on it.
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Col, DatePicker, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Tag, Typography, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { LoadError } from '../../shared/ListFooter';
import { useCompanyTime } from '../../shared/time';
import { useI18n, type MessageKey } from '../../i18n';

interface MarkedDay {
  date: string;
  kind: 'holiday' | 'makeup';
  name: string;
}
interface Year {
  year: number;
  days: MarkedDay[];
  months: { month: string; working_days: number; first_working_day: string | null }[];
}

const WEEKDAYS: MessageKey[] = ['calendar.sun', 'calendar.mon', 'calendar.tue', 'calendar.wed', 'calendar.thu', 'calendar.fri', 'calendar.sat'];

export default function CalendarPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const time = useCompanyTime();
  const [year, setYear] = useState(() => Number(time.today().slice(0, 4)));
  const [data, setData] = useState<Year | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [day, setDay] = useState<Dayjs | null>(null);
  const [kind, setKind] = useState<'holiday' | 'makeup'>('holiday');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    setError(null);
    api<Year>('GET', `/api/v1/calendar?year=${year}`).then(setData).catch(setError);
  }, [year]);
  useEffect(load, [load]);

  async function mark() {
    if (!day) return;
    setBusy(true);
    try {
      await api('PUT', `/api/v1/calendar/days/${day.format('YYYY-MM-DD')}`, { kind, name });
      message.success(t('calendar.marked'));
      setDay(null);
      setName('');
      load();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  async function unmark(date: string) {
    try {
      await api('DELETE', `/api/v1/calendar/days/${date}`);
      load();
    } catch (e) {
      message.error(errorText(e));
    }
  }

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('calendar.title')}</Typography.Title>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} data-testid="calendar-year" />
      </Space>
      {error !== null && <LoadError error={error} retry={load} />}
      <Card size="small" style={{ marginBottom: 16 }} title={t('calendar.add')}>
        <Space wrap>
          <DatePicker value={day} onChange={setDay} data-testid="calendar-day" />
          <Select value={kind} onChange={setKind} style={{ width: 150 }} data-testid="calendar-kind"
            options={[{ value: 'holiday', label: t('calendar.holiday') }, { value: 'makeup', label: t('calendar.makeup') }]} />
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={50} placeholder={t('calendar.name_hint')}
            style={{ width: 200 }} data-testid="calendar-name" />
          <Button type="primary" disabled={!day} loading={busy} onClick={mark} data-testid="calendar-mark">{t('calendar.mark')}</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('calendar.hint')}</Typography.Paragraph>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('calendar.days')}>
            <Table<MarkedDay> rowKey="date" size="small" pagination={false} loading={!data} dataSource={data?.days ?? []}
              locale={{ emptyText: t('calendar.none') }} data-testid="calendar-days"
              columns={[
                { title: t('calendar.date'), dataIndex: 'date', render: (d: string) => `${d} ${t(WEEKDAYS[new Date(d + 'T00:00:00Z').getUTCDay()])}` },
                { title: t('calendar.kind'), dataIndex: 'kind', render: (k: string) => (k === 'holiday' ? <Tag color="red">{t('calendar.holiday')}</Tag> : <Tag color="blue">{t('calendar.makeup')}</Tag>) },
                { title: t('calendar.name'), dataIndex: 'name' },
                {
                  title: '', key: 'x', render: (_, d) => (
                    <Popconfirm title={t('calendar.unmark_confirm')} onConfirm={() => unmark(d.date)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                      <Button size="small" data-testid="calendar-unmark">{t('calendar.unmark')}</Button>
                    </Popconfirm>
                  ),
                },
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('calendar.months')}>
            <Table rowKey="month" size="small" pagination={false} loading={!data} dataSource={data?.months ?? []} data-testid="calendar-months"
              columns={[
                { title: t('calendar.month'), dataIndex: 'month' },
                { title: t('calendar.working_days'), dataIndex: 'working_days' },
                { title: t('calendar.first_working_day'), dataIndex: 'first_working_day' },
              ]} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
