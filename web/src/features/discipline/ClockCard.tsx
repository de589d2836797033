// Clocking in and out (seed 004: 上下班必须打卡), with the day's clock as the server recorded it, what the attendance
// rule would make of it if the day ended now, and this month's points and fines from the ledger. The time is the
// server's: the button sends nothing but the request.
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Space, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { LoadError } from '../../shared/ListFooter';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { Outcome } from './Outcome';
import { signed, yuan, type AttendanceDay, type LedgerMonth, type PersonDay } from './types';

export function ClockCard() {
  const { t } = useI18n();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const [day, setDay] = useState<PersonDay | null>(null);
  const [month, setMonth] = useState<LedgerMonth | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'in' | 'out' | null>(null);
  const load = useCallback(() => {
    setError(null);
    Promise.all([
      api<PersonDay>('GET', '/api/v1/discipline/my-day'),
      api<LedgerMonth>('GET', '/api/v1/discipline/ledger?limit=1'),
    ]).then(([d, m]) => {
      setDay(d);
      setMonth(m);
    }).catch(setError);
  }, []);
  useEffect(load, [load]);
  const clock = async (which: 'in' | 'out') => {
    setBusy(which);
    try {
      const a = await api<AttendanceDay>('POST', `/api/v1/attendance/clock-${which}`);
      message.success(t('clock.done', { time: time.time(which === 'in' ? a.clock_in_at : a.clock_out_at) }));
      load();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const a = day?.attendance;
  return (
    <Card size="small" title={t('clock.title')} style={{ marginBottom: 16 }} data-testid="clock-card" loading={!day && error === null}
      extra={<Link to="/ledger" data-testid="ledger-link">{t('clock.ledger_link')}</Link>}>
      {error !== null && <LoadError error={error} retry={load} />}
      <Space wrap size="middle">
        <Button type="primary" onClick={() => clock('in')} loading={busy === 'in'} disabled={!!a?.clock_in_at} data-testid="clock-in">
          {a?.clock_in_at ? t('clock.in_at', { time: time.time(a.clock_in_at) }) : t('clock.in')}
        </Button>
        <Button onClick={() => clock('out')} loading={busy === 'out'} data-testid="clock-out">
          {a?.clock_out_at ? t('clock.out_at', { time: time.time(a.clock_out_at) }) : t('clock.out')}
        </Button>
        {day?.attendance?.outcome ? <Outcome outcome={day.attendance.outcome} testId="clock-outcome" />
          : day?.attendance_preview && (
            <Space size={4}>
              <Typography.Text type="secondary">{t('clock.preview', { outcome: '' })}</Typography.Text>
              <Outcome outcome={day.attendance_preview} testId="clock-preview" />
            </Space>
          )}
      </Space>
      {month && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" data-testid="clock-month">
            {t('clock.month', { points: signed(month.points), yuan: yuan(month.fines_fen) })}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
