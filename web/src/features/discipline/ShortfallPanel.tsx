// Staying late and Sunday overtime on the team's day ([quotas.shortfall]): after the count, who was short then and
// whether the extension cleared it; the week's Sunday overtime; a supervisor marks each one done. Nothing shows when
// the policy that day has no such rule. Where the policy asks it, each team's count is signed off (preset B: by the
// department manager).
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { api } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { LoadError } from '../../shared/ListFooter';
import { useCompanyTime } from '../../shared/time';
import { knownKey, useI18n } from '../../i18n';

interface Result { metric: string; target: number; actual: number; short: number }
interface Mark { note: string; marked_at: string }
interface StayRow { user_id: number; name: string; at_check: Result[]; after: Result[]; still_short: boolean; sunday_overtime: boolean; done: Mark | null }
interface Approval { short_count: number; approved_by_name: string; approved_at: string; note: string }
interface TeamCount { team_id: number; team_name: string; short_count: number; approval: Approval | null }
interface StayDay {
  rule: {
    check_time: string; stay_late: 'extension' | 'until_done'; extension_minutes: number | null;
    approval: 'none' | 'supervisor' | 'manager';
  } | null;
  checked: boolean; extension_over: boolean; items: StayRow[]; counts: TeamCount[];
}
interface SundayRow { user_id: number; name: string; days: string[]; sessions: number; done: Mark | null }
interface SundayWeek { sunday: string; items: SundayRow[] }

export function ShortfallPanel({ date, team }: { date: string; team?: number }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const [stay, setStay] = useState<StayDay | null>(null);
  const [week, setWeek] = useState<SundayWeek | null>(null);
  const [error, setError] = useState<unknown>(null);
  const q = `date=${date}${team ? `&team_id=${team}` : ''}`;
  const load = useCallback(() => {
    setError(null);
    Promise.all([
      api<StayDay>('GET', `/api/v1/discipline/stay-late?${q}`),
      api<SundayWeek>('GET', `/api/v1/discipline/sunday-overtime?${q}`),
    ]).then(([s, w]) => { setStay(s); setWeek(w); }).catch(setError);
  }, [q]);
  useEffect(load, [load]);
  const mayMark = hasRight(user, 'enter_points');
  async function mark(userId: number, kind: 'stay_late' | 'sunday_overtime', day: string) {
    try {
      await api('POST', '/api/v1/discipline/shortfall-marks', { user_id: userId, kind, date: day });
      message.success(t('shortfall.marked'));
      load();
    } catch (e) {
      message.error(errorText(e));
    }
  }
  async function approve(team: number) {
    try {
      await api('POST', '/api/v1/discipline/count-approvals', { team_id: team, date });
      message.success(t('shortfall.approved'));
      load();
    } catch (e) {
      message.error(errorText(e));
    }
  }
  if (error) return <LoadError error={error} retry={load} />;
  // A Sunday (no rule that day) still shows the week's overtime to mark.
  const extension = stay?.rule?.stay_late === 'extension';
  const showWeek = week !== null && (extension || week.items.length > 0);
  if (!stay?.rule && !showWeek) return null;
  const tags = (rs: Result[]) => rs.map((r) => {
    const k = knownKey(`metric.${r.metric}`);
    return <Tag key={r.metric} color={r.short === 0 ? 'green' : 'red'}>{k ? t(k) : r.metric} {r.actual}/{r.target}</Tag>;
  });
  const doneOr = (done: Mark | null, button: JSX.Element | false) => (done
    ? <Tag color="blue" title={done.note}>{t('shortfall.done')}</Tag>
    : button);
  const byManager = stay?.rule?.approval === 'manager';
  const maySignOff = hasRight(user, byManager ? 'close_days' : 'enter_points');
  const counts = stay?.checked && stay.rule && stay.rule.approval !== 'none' && stay.counts.length > 0 && (
    <div data-testid="count-approvals" style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t(byManager ? 'shortfall.counts_manager' : 'shortfall.counts_supervisor')}</Typography.Text>
      <Space wrap size={[16, 8]} style={{ display: 'flex', marginTop: 6 }}>
        {stay.counts.map((c) => (
          <Space key={c.team_id} size={6} data-testid={`count-${c.team_id}`}>
            <Typography.Text>{c.team_name}</Typography.Text>
            <Typography.Text type="secondary">{t('shortfall.count_short', { n: c.short_count })}</Typography.Text>
            {c.approval
              ? <Tag color="green" title={c.approval.note}>{t('shortfall.approved_by', { name: c.approval.approved_by_name, n: c.approval.short_count })} {time.time(c.approval.approved_at)}</Tag>
              : maySignOff
                ? <Popconfirm title={t('shortfall.approve_confirm', { team: c.team_name })} onConfirm={() => approve(c.team_id)}>
                  <Button size="small" type="primary" data-testid={`approve-${c.team_id}`}>{t('shortfall.approve')}</Button>
                </Popconfirm>
                : <Tag>{t('shortfall.pending')}</Tag>}
          </Space>
        ))}
      </Space>
    </div>
  );
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', marginTop: 16 }}>
      {stay?.rule && <Card size="small" data-testid="stay-late"
        title={<Space>{t('shortfall.stay_title', { time: stay.rule.check_time })}<Typography.Text type="secondary">
          {extension ? t('shortfall.extension', { n: stay.rule.extension_minutes ?? 0 }) : t('shortfall.until_done')}</Typography.Text></Space>}>
        {counts}
        {!stay.checked ? <Typography.Text type="secondary">{t('shortfall.not_checked', { time: stay.rule.check_time })}</Typography.Text> : (
          <Table<StayRow> rowKey="user_id" size="small" pagination={false} dataSource={stay.items} scroll={{ x: 760 }}
            locale={{ emptyText: t('shortfall.none') }} data-testid="stay-late-table"
            columns={[
              { title: t('floor.person'), dataIndex: 'name', width: 120 },
              { title: t('shortfall.at_check'), key: 'check', render: (_: unknown, r) => <Space wrap size={4}>{tags(r.at_check)}</Space> },
              ...(extension ? [{
                title: stay.extension_over ? t('shortfall.after') : t('shortfall.after_so_far'), key: 'after',
                render: (_: unknown, r: StayRow) => (
                  <Space wrap size={4}>{tags(r.after)}
                    <Typography.Text type={r.still_short ? 'danger' : 'success'}>{t(r.still_short ? 'shortfall.still_short' : 'shortfall.made')}</Typography.Text>
                    {r.sunday_overtime && <Tag color="volcano">{t('shortfall.sunday')}</Tag>}
                  </Space>
                ),
              }] : []),
              {
                title: '', key: 'act', width: 110, fixed: 'right' as const,
                render: (_: unknown, r: StayRow) => doneOr(r.done, mayMark && (
                  <Button size="small" onClick={() => void mark(r.user_id, 'stay_late', date)} data-testid={`stay-done-${r.user_id}`}>{t('shortfall.mark')}</Button>
                )),
              },
            ]} />
        )}
      </Card>}
      {week && showWeek && (
        <Card size="small" data-testid="sunday-overtime" title={t('shortfall.sunday_title', { sunday: week.sunday })}>
          <Table<SundayRow> rowKey="user_id" size="small" pagination={false} dataSource={week.items}
            locale={{ emptyText: t('shortfall.none_sunday') }} data-testid="sunday-table"
            columns={[
              { title: t('floor.person'), dataIndex: 'name', width: 120 },
              { title: t('shortfall.days'), key: 'days', render: (_: unknown, r) => r.days.join('、') },
              { title: t('shortfall.sessions'), dataIndex: 'sessions', width: 80 },
              {
                title: '', key: 'act', width: 130,
                render: (_: unknown, r) => doneOr(r.done, mayMark && (time.today() < week.sunday
                  ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('shortfall.not_yet')}</Typography.Text>
                  : <Button size="small" onClick={() => void mark(r.user_id, 'sunday_overtime', week.sunday)} data-testid={`sunday-done-${r.user_id}`}>{t('shortfall.mark')}</Button>)),
              },
            ]} />
        </Card>
      )}
    </Space>
  );
}
