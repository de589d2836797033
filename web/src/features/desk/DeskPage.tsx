// The agent's desk, a work queue: today's figures beside yesterday's and today's quotas (日清日结: each target, how
// far along, the fine a shortfall would cost — all from the server's metric layer and the policy in force), the callbacks customers asked for in time order, and the follow-ups due — overdue
// first, with how late. One click or key opens the customer with the dial button ready.
// Keys: N opens the next due customer, ↑/↓ (or J/K) move through the list, Enter opens the one selected.
import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Card, Col, List, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, type CallFigures, type Customer, type Page } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import { LoadError } from '../../shared/ListFooter';
import { daysBetween, duration, useCompanyTime } from '../../shared/time';
import { knownKey, useI18n } from '../../i18n';
import { ClockCard } from '../discipline/ClockCard';
import { MonthToDateCard } from '../pay/MonthToDateCard';
import { ReportsDueCard } from '../reports/ReportsDueCard';

interface Desk {
  date: string;
  yesterday: string;
  day_end: string;
  today: CallFigures;
  previous_day: CallFigures;
  targets: null | Target[];
  due: number;
  overdue: number;
  callbacks: number;
}

interface Target {
  metric: string;
  target: number;
  actual: number;
  short: number;
  fine_fen: number;
}

/** The customers the desk lists, one page at a time (the server sorts and counts). */
function useQueue(query: string | null) {
  const [items, setItems] = useState<Customer[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async (cursor: string | null) => {
    if (!query) return;
    setError(null);
    try {
      const p = await api<Page<Customer>>('GET', `/api/v1/customers?${query}&limit=50${cursor ? '&cursor=' + cursor : ''}`);
      setItems((prev) => (cursor && prev ? [...prev, ...p.items] : p.items));
      setNext(p.next_cursor);
    } catch (e) {
      setError(e);
    }
  }, [query]);
  useEffect(() => {
    void load(null);
  }, [load]);
  return { items, error, more: next ? () => load(next) : null, reload: () => load(null) };
}

export default function DeskPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const time = useCompanyTime();
  const navigate = useNavigate();
  const [desk, setDesk] = useState<Desk | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState(0);
  const loadDesk = useCallback(() => {
    setError(null);
    api<Desk>('GET', '/api/v1/desk').then(setDesk).catch(setError);
  }, []);
  useEffect(loadDesk, [loadDesk]);
  const mine = user ? `owner_id=${user.id}&open=true` : null;
  const due = useQueue(desk && mine ? `${mine}&due_by=${desk.date}&sort=next_follow_up_on` : null);
  const callbacks = useQueue(desk && mine ? `${mine}&callback_before=${encodeURIComponent(desk.day_end)}&sort=callback_at` : null);
  const open = useCallback((c: Customer) => navigate(`/customers/${c.id}?from=desk`), [navigate]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      const list = due.items ?? [];
      if (e.key === 'n' || e.key === 'N') {
        const first = callbacks.items?.find((c) => c.callback_at && c.callback_at <= new Date(Date.now() + 15 * 60000).toISOString()) ?? list[0];
        if (first) open(first);
      } else if ((e.key === 'ArrowDown' || e.key === 'j') && list.length) {
        e.preventDefault();
        setSelected((s) => Math.min(s + 1, list.length - 1));
      } else if ((e.key === 'ArrowUp' || e.key === 'k') && list.length) {
        e.preventDefault();
        setSelected((s) => Math.max(s - 1, 0));
      } else if (e.key === 'Enter' && list[selected] && target.tagName !== 'BUTTON' && target.tagName !== 'A') {
        open(list[selected]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [due.items, callbacks.items, selected, open]);

  const figure = (title: string, today: number | undefined, yesterday: number | undefined, testId: string, render?: (n: number) => string) => (
    <Col xs={12} md={6}>
      <Statistic title={title} value={today === undefined ? undefined : render ? render(today) : today} loading={!desk} data-testid={testId} />
      {desk && yesterday !== undefined && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('desk.yesterday', { value: render ? render(yesterday) : yesterday })}
        </Typography.Text>
      )}
    </Col>
  );
  const rate = (f?: CallFigures) => (f ? `${(f.connect_rate_bp / 100).toFixed(1)}%` : undefined);

  return (
    <>
      {error !== null && <LoadError error={error} retry={loadDesk} />}
      <ClockCard />
      <ReportsDueCard />
      <Card title={`${t('desk.today')} · ${desk?.date ?? ''}`} style={{ marginBottom: 16 }} data-testid="desk-counts"
        extra={<Typography.Text type="secondary" data-testid="desk-targets">{desk && !desk.targets ? t('desk.targets_pending') : ''}</Typography.Text>}>
        <Row gutter={[16, 16]}>
          {figure(t('desk.dials'), desk?.today.dials, desk?.previous_day.dials, 'desk-dials')}
          {figure(t('desk.connects'), desk?.today.connects, desk?.previous_day.connects, 'desk-connects')}
          {figure(t('desk.effective'), desk?.today.effective, desk?.previous_day.effective, 'desk-effective')}
          {figure(t('desk.talk'), desk?.today.talk_seconds, desk?.previous_day.talk_seconds, 'desk-talk', duration)}
        </Row>
        {desk?.targets && desk.targets.length > 0 && (
          <Row gutter={[16, 8]} style={{ marginTop: 16 }} data-testid="desk-quotas">
            {desk.targets.map((q) => {
              const k = knownKey(`metric.${q.metric}`);
              return (
                <Col xs={24} md={12} key={q.metric} data-testid={`quota-${q.metric}`}>
                  <Typography.Text>{k ? t(k) : q.metric}：{q.actual} / {q.target}</Typography.Text>
                  <Progress percent={q.target > 0 ? Math.min(100, Math.floor((q.actual * 100) / q.target)) : 100}
                    status={q.short === 0 ? 'success' : 'active'} size="small" />
                  <Typography.Text type={q.short === 0 ? 'success' : 'secondary'} style={{ fontSize: 12 }}>
                    {q.short === 0 ? t('desk.quota_met')
                      : q.fine_fen > 0 ? t('desk.quota_short_fine', { n: q.short, yuan: (q.fine_fen / 100).toFixed(2) })
                        : t('desk.quota_short', { n: q.short })}
                  </Typography.Text>
                </Col>
              );
            })}
          </Row>
        )}
        {desk && <Typography.Text type="secondary" data-testid="desk-rate">{t('desk.rate', { today: rate(desk.today) ?? '', yesterday: rate(desk.previous_day) ?? '' })}</Typography.Text>}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card style={{ marginBottom: 16 }} data-testid="desk-callbacks"
            title={<Space>{t('desk.callbacks')}<Badge count={desk?.callbacks ?? 0} showZero color="blue" /></Space>}>
            {callbacks.error !== null && <LoadError error={callbacks.error} retry={callbacks.reload} />}
            <List loading={!callbacks.items && callbacks.error === null} dataSource={callbacks.items ?? []} locale={{ emptyText: t('desk.callbacks_empty') }}
              renderItem={(c) => {
                const late = c.callback_at !== null && c.callback_at < new Date().toISOString();
                return (
                  <List.Item onClick={() => open(c)} style={{ cursor: 'pointer' }} data-testid="callback-item"
                    actions={[<Tag key="at" color={late ? 'red' : 'blue'}>{time.date(c.callback_at!) === desk?.date ? time.time(c.callback_at) : time.dateTime(c.callback_at)}</Tag>]}>
                    <List.Item.Meta title={c.company || c.contact_name} description={`${c.contact_name} · ${c.phones[0] ?? ''}`} />
                  </List.Item>
                );
              }} />
            {callbacks.more && <Button onClick={callbacks.more} block>{t('desk.more')}</Button>}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card data-testid="desk-due" title={<Space>{t('desk.due')}<Badge count={desk?.due ?? 0} showZero overflowCount={999} />
            {desk && desk.overdue > 0 && <Tag color="red" data-testid="desk-overdue">{t('desk.overdue_count', { n: desk.overdue })}</Tag>}</Space>}
            extra={<Typography.Text type="secondary" className="desk-keys">{t('desk.keys')}</Typography.Text>}>
            {due.error !== null && <LoadError error={due.error} retry={due.reload} />}
            <List loading={!due.items && due.error === null} dataSource={due.items ?? []} locale={{ emptyText: t('desk.due_empty') }}
              renderItem={(c, i) => {
                const late = desk && c.next_follow_up_on ? daysBetween(c.next_follow_up_on, desk.date) : 0;
                const status = knownKey(`status.${c.status}`);
                return (
                  <List.Item onClick={() => open(c)} data-testid="due-item" data-selected={i === selected}
                    style={{ cursor: 'pointer', background: i === selected ? '#e6f4ff' : undefined, paddingInline: 8 }}
                    actions={[
                      status && <Tag key="s">{t(status)}</Tag>,
                      late > 0 ? <Tag key="d" color="red" data-testid="overdue">{t('desk.days_late', { n: late })}</Tag> : <Tag key="d" color="green">{t('desk.due_today')}</Tag>,
                    ]}>
                    <List.Item.Meta title={c.company || c.contact_name} description={`${c.contact_name} · ${c.phones[0] ?? ''}`} />
                  </List.Item>
                );
              }} />
            {due.more && <Button onClick={due.more} block data-testid="due-more">{t('desk.more')}</Button>}
          </Card>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}><MonthToDateCard /></div>
    </>
  );
}
