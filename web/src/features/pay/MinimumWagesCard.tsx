// The law's floor: the minimum wage per city (admins set it from a month on, history kept) and the city each team
// works in (a team without one takes its parent's). Managers read it; a statement below the floor is raised to it.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Collapse, DatePicker, Input, InputNumber, Space, Table, Tag, Typography, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { useI18n } from '../../i18n';
import { yuan, type MinimumWages } from './types';

export function MinimumWagesCard({ month }: { month: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const errorText = useErrorText();
  const admin = hasRight(user, 'manage_org');
  const [data, setData] = useState<MinimumWages | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [city, setCity] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [from, setFrom] = useState<Dayjs | null>(null);
  const [teamCity, setTeamCity] = useState<Record<number, string>>({});
  const load = useCallback(() => {
    setError(null);
    api<MinimumWages>('GET', '/api/v1/pay/minimum-wages').then((d) => { setData(d); setTeamCity({}); }).catch(setError);
  }, []);
  useEffect(load, [load]);
  async function put(path: string, body: object) {
    try {
      setData(await api<MinimumWages>('PUT', path, body));
      setTeamCity({});
      message.success(t('payroll.wage_saved'));
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  }
  // Each city's wage in force for the month shown: its last entry not after it.
  const cities = [...new Set((data?.wages ?? []).map((w) => w.city))].map((c) => {
    const rows = (data?.wages ?? []).filter((w) => w.city === c);
    const now = rows.filter((w) => w.from_month <= month).pop();
    return { city: c, now, history: rows };
  });
  if (error) return <Alert type="error" showIcon message={errorText(error)} style={{ marginBottom: 12 }} />;
  return (
    <Collapse size="small" style={{ marginBottom: 12 }} data-testid="minimum-wages" items={[{
      key: 'wages', label: t('payroll.wages_title'),
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('payroll.wages_hint')}</Typography.Text>
          <Table rowKey="city" size="small" pagination={false} dataSource={cities} loading={data === null}
            locale={{ emptyText: t('payroll.wages_none') }}
            columns={[
              { title: t('payroll.city'), dataIndex: 'city' },
              { title: t('payroll.wage_for', { month }), key: 'now', align: 'right', render: (_: unknown, c) => (c.now ? `¥${yuan(c.now.amount_fen)}` : <Tag>{t('payroll.target_none')}</Tag>) },
              { title: t('payroll.wage_history'), key: 'history', responsive: ['sm'], render: (_: unknown, c) => c.history.map((w) => `${w.from_month}: ¥${yuan(w.amount_fen)}`).join('；') },
            ]} />
          {admin && (
            <Space wrap>
              <Input placeholder={t('payroll.city')} value={city} onChange={(e) => setCity(e.target.value)} style={{ width: 120 }} maxLength={60} data-testid="wage-city" />
              <InputNumber placeholder={t('payroll.wage_amount')} min={0.01} precision={2} value={amount} onChange={setAmount} style={{ width: 150 }} data-testid="wage-amount" />
              <DatePicker picker="month" placeholder={t('payroll.wage_from')} value={from} onChange={setFrom} data-testid="wage-from" />
              <Button disabled={!city.trim() || !amount || !from} data-testid="wage-save"
                onClick={() => void put('/api/v1/pay/minimum-wages', { city: city.trim(), amount_fen: Math.round((amount ?? 0) * 100), from_month: from?.format('YYYY-MM') })
                  .then((ok) => { if (ok) { setCity(''); setAmount(null); setFrom(null); } })}>{t('payroll.target_save')}</Button>
            </Space>
          )}
          <Table rowKey="team_id" size="small" pagination={false} dataSource={data?.teams ?? []}
            columns={[
              { title: t('payroll.team'), dataIndex: 'team_name' },
              {
                title: t('payroll.city'), key: 'city',
                render: (_: unknown, x) => (admin ? (
                  <Space>
                    <Input size="small" style={{ width: 110 }} maxLength={60} value={teamCity[x.team_id] ?? x.city} data-testid={`team-city-${x.team_id}`}
                      onChange={(e) => setTeamCity((d) => ({ ...d, [x.team_id]: e.target.value }))} />
                    <Button size="small" disabled={teamCity[x.team_id] === undefined} data-testid={`team-city-save-${x.team_id}`}
                      onClick={() => void put('/api/v1/pay/team-cities', { team_id: x.team_id, city: (teamCity[x.team_id] ?? '').trim() })}>{t('payroll.target_save')}</Button>
                  </Space>
                ) : x.city),
              },
              { title: t('payroll.effective_city'), key: 'effective', render: (_: unknown, x) => (x.effective_city ? <Space size={4}>{x.effective_city}{x.city ? null : <Tag>{t('payroll.inherited')}</Tag>}</Space> : <Tag>{t('payroll.no_floor')}</Tag>) },
            ]} />
        </Space>
      ),
    }]} />
  );
}
