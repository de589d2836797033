// The supervisor's team day (日清日结): everyone the reader's scope covers who is judged that day — clock in and out,
// the attendance outcome (a preview until the day is closed, final after), each daily quota against its target,
// who is still short, who stays late and owes Sunday overtime, and the ledger entries the close wrote. Managers close a past day by hand; the server closes
// each day by itself after midnight. The supervisor's own clock sits on top (seed 004: supervisors clock in too).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Modal, Select, Space, Switch, Table, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { LoadError } from '../../shared/ListFooter';
import { useCompanyTime } from '../../shared/time';
import { knownKey, useI18n } from '../../i18n';
import { useTeams } from '../admin/useTeams';
import { ClockCard } from './ClockCard';
import { Outcome } from './Outcome';
import { PointsEntryModal } from './PointsEntryModal';
import { ShortfallPanel } from './ShortfallPanel';
import { useCatalogue, useItemLabel } from './catalogue';
import { hhmm, signed, yuan, type FloorDay, type PersonDay } from './types';

export default function TeamDayPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const { teams } = useTeams();
  // The day sits in the address (?date=) so a supervisor can send a colleague the very list.
  const [params, setParams] = useSearchParams();
  const day: Dayjs = dayjs(/^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date') : time.today());
  const setDay = (d: Dayjs) => setParams((p) => {
    p.set('date', d.format('YYYY-MM-DD'));
    return p;
  }, { replace: true });
  const [team, setTeam] = useState<number>();
  const [onlyShort, setOnlyShort] = useState(false);
  const [entering, setEntering] = useState<PersonDay | null>(null);
  const [floor, setFloor] = useState<FloorDay | null>(null);
  const [error, setError] = useState<unknown>(null);
  const date = day.format('YYYY-MM-DD');
  const load = useCallback(() => {
    setFloor(null);
    setError(null);
    api<FloorDay>('GET', `/api/v1/discipline/team-day?date=${date}${team ? `&team_id=${team}` : ''}`).then(setFloor).catch(setError);
  }, [date, team]);
  useEffect(load, [load]);
  const teamName = useMemo(() => Object.fromEntries(teams.map((x) => [x.id, x.name])), [teams]);
  const people = (floor?.people ?? []).filter((p) => !onlyShort || p.still_short);
  const short = (floor?.people ?? []).filter((p) => p.still_short).length;
  const mayClose = hasRight(user, 'close_days') && floor && !floor.closed && date < time.today();
  const mayEnter = hasRight(user, 'enter_points') && date <= time.today();
  const itemLabel = useItemLabel(useCatalogue(date).catalogue);
  const close = () => Modal.confirm({
    title: t('floor.close'),
    content: t('floor.close_confirm', { day: date }),
    onOk: async () => {
      try {
        const r = await api<{ people: number; entries: number }>('POST', '/api/v1/discipline/close', { date });
        message.success(t('floor.closed_now', { people: r.people, entries: r.entries }));
        load();
      } catch (e) {
        message.error(errorText(e));
      }
    },
  });

  return (
    <>
      <Typography.Title level={3}>{t('floor.title')}</Typography.Title>
      <ClockCard />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker value={day} onChange={(d) => d && setDay(d)} allowClear={false} data-testid="floor-day"
          disabledDate={(d) => d.isAfter(dayjs(time.today()))} />
        {teams.length > 1 && (
          <Select allowClear placeholder={t('floor.team')} value={team} onChange={setTeam} style={{ width: 160 }}
            options={teams.map((x) => ({ value: x.id, label: x.name }))} data-testid="floor-team" />
        )}
        <Space size={4}><Switch checked={onlyShort} onChange={setOnlyShort} data-testid="floor-only-short" />{t('floor.only_short')}</Space>
        {floor && (
          <Tag color={floor.closed ? 'blue' : 'gold'} data-testid="floor-state">
            {floor.working_day ? (floor.closed ? t('floor.closed') : t('floor.open')) : t('floor.not_working')}
          </Tag>
        )}
        {floor?.has_attendance && <Typography.Text type="secondary">{t('clock.workday', { start: hhmm(floor.workday.start), end: hhmm(floor.workday.end) })}</Typography.Text>}
        {mayClose && <Button onClick={close} data-testid="floor-close">{t('floor.close')}</Button>}
      </Space>
      {error !== null && <LoadError error={error} retry={load} />}
      {floor && !floor.has_quotas && !floor.has_attendance && <Alert type="info" showIcon message={t('floor.no_rules')} style={{ marginBottom: 16 }} />}
      <Card size="small" title={floor?.has_quotas ? t('floor.still_short', { n: short }) : undefined}>
        <Table<PersonDay> rowKey="user_id" size="small" pagination={false} loading={!floor && error === null}
          dataSource={people} scroll={{ x: 960 }} data-testid="floor-table" locale={{ emptyText: t('common.empty') }}
          rowClassName={(p) => (p.still_short ? 'row-short' : '')}
          columns={[
            {
              title: t('floor.person'), key: 'name', fixed: 'left', width: 140,
              sorter: (a, b) => a.display_name.localeCompare(b.display_name, 'zh-CN'),
              render: (_: unknown, p) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/ledger?user_id=${p.user_id}&month=${date.slice(0, 7)}&name=${encodeURIComponent(p.display_name)}`}>{p.display_name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{teamName[p.team_id] ?? ''}{p.new_hire ? ` · ${t('floor.new_hire')}` : ''}</Typography.Text>
                </Space>
              ),
            },
            { title: t('floor.clock_in'), key: 'in', width: 70, render: (_: unknown, p) => time.time(p.attendance?.clock_in_at) || '—' },
            { title: t('floor.clock_out'), key: 'out', width: 70, render: (_: unknown, p) => time.time(p.attendance?.clock_out_at) || '—' },
            {
              title: t('floor.attendance'), key: 'attendance', width: 150,
              render: (_: unknown, p) => <Outcome outcome={p.attendance?.outcome ?? p.attendance_preview} testId={`attendance-${p.username}`} />,
            },
            {
              title: t('floor.quotas'), key: 'quotas',
              sorter: (a, b) => Number(b.still_short) - Number(a.still_short),
              render: (_: unknown, p) => (
                <Space wrap size={4} data-testid={`quotas-${p.username}`}>
                  {p.quotas.map((q) => {
                    const k = knownKey(`metric.${q.metric}`);
                    return <Tag key={q.metric} color={q.short === 0 ? 'green' : 'red'}>{k ? t(k) : q.metric} {q.actual}/{q.target}</Tag>;
                  })}
                </Space>
              ),
            },
            {
              title: t('floor.entries'), key: 'entries', width: 200,
              render: (_: unknown, p) => (
                <Space direction="vertical" size={0} data-testid={`entries-${p.username}`}>
                  {p.entries.map((e) => {
                    return (
                      <Typography.Text key={e.id} style={{ fontSize: 12 }}>
                        {itemLabel(e.item)}{e.points ? ` ${signed(e.points)}` : ''}{e.fine_fen ? ` ¥${yuan(e.fine_fen)}` : ''}
                        {e.base_days_milli ? ` · ${t('ledger.base_days')} ${e.base_days_milli / 1000}` : ''}
                      </Typography.Text>
                    );
                  })}
                </Space>
              ),
            },
            ...(mayEnter ? [{
              title: '', key: 'enter', width: 80, fixed: 'right' as const,
              render: (_: unknown, p: PersonDay) => p.user_id !== user?.id && (
                <Button size="small" onClick={() => setEntering(p)} data-testid={`enter-points-${p.username}`}>{t('points.enter_short')}</Button>
              ),
            }] : []),
          ]} />
      </Card>
      {floor?.has_quotas && <ShortfallPanel date={date} team={team} />}
      <PointsEntryModal person={entering} date={date} onClose={() => setEntering(null)} onDone={() => { setEntering(null); load(); }} />
    </>
  );
}
