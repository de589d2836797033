// A customer's timeline from the server, newest first, a page at a time.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Spin, Tag, Timeline as AntTimeline } from 'antd';
import { api, type Page } from '../../shared/api';
import { knownKey, useI18n, type MessageKey } from '../../i18n';
import { useErrorText } from '../../shared/errors';
import { duration, useCompanyTime } from '../../shared/time';
import { hasRight, useAuth } from '../../shared/auth';
import { FabricatedMark, type Fabrication } from '../calls/MarkFabricated';

interface Entry {
  kind: 'call' | 'follow_up' | 'deal' | 'payment' | 'ownership' | 'status';
  at: string;
  by_name: string | null;
  call?: { id: number; agent_id: number; result: string; talk_seconds: number; effective: boolean; notes: string; number: string; fabricated: Fabrication | null };
  follow_up?: { id: number; agent_id: number; channel: string; content: string; outcome: string; next_step: string; next_follow_up_on: string | null; callback_at: string | null; fabricated: Fabrication | null };
  deal?: { product: string; amount: string; closed_on: string };
  payment?: { kind: 'payment' | 'refund'; amount: string; on: string; reason: string };
  status?: { from: string; to: string };
  ownership?: { from_owner_id: number | null; from_owner_name: string | null; to_owner_id: number | null; to_owner_name: string | null };
}

const COLORS: Record<Entry['kind'], string> = { call: 'blue', follow_up: 'green', deal: 'gold', payment: 'gold', ownership: 'gray', status: 'gray' };

export function Timeline({ customerId, version }: { customerId: number; version: number }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const time = useCompanyTime();
  const { user } = useAuth();
  // Supervisors and up audit records (虚报); never their own.
  const mayMark = hasRight(user, 'enter_points');
  const [items, setItems] = useState<Entry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const fetchPage = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const p = await api<Page<Entry>>('GET', `/api/v1/customers/${customerId}/timeline?limit=20${after ? '&cursor=' + after : ''}`);
      setItems((prev) => (after ? [...prev, ...p.items] : p.items));
      setCursor(p.next_cursor);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  }, [customerId]);
  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage, version]);

  const statusText = (s: string) => { const k = knownKey(`status.${s}`); return k ? t(k) : s; };
  function followUpText(f: NonNullable<Entry['follow_up']>): string {
    return [t(`channel.${f.channel}` as MessageKey), f.content, f.outcome, f.next_step,
      f.next_follow_up_on ? t('timeline.next_on', { date: f.next_follow_up_on }) : '',
      f.callback_at ? t('timeline.callback', { at: time.dateTime(f.callback_at) }) : '']
      .filter(Boolean).join(' · ');
  }
  function describe(e: Entry): string {
    if (e.call) {
      const parts = [t(`result.${e.call.result}` as MessageKey)];
      if (e.call.talk_seconds > 0) parts.push(t('timeline.talk', { time: duration(e.call.talk_seconds) }));
      if (e.call.notes) parts.push(e.call.notes);
      return parts.join(' · ');
    }
    if (e.follow_up) return followUpText(e.follow_up);
    if (e.kind === 'status' && e.status) return `${statusText(e.status.from)} → ${statusText(e.status.to)}`;
    if (e.deal) return `${e.deal.product} · ¥${e.deal.amount} · ${e.deal.closed_on}`;
    if (e.payment) return `¥${e.payment.amount} · ${e.payment.on}${e.payment.reason ? ' · ' + e.payment.reason : ''}`;
    if (e.ownership) {
      const who = (id: number | null, name: string | null) => (id === null ? t('timeline.to_pool') : name ?? `#${id}`);
      return `${who(e.ownership.from_owner_id, e.ownership.from_owner_name)} → ${who(e.ownership.to_owner_id, e.ownership.to_owner_name)}`;
    }
    return '';
  }
  const label = (e: Entry) =>
    e.kind === 'payment' && e.payment?.kind === 'refund' ? t('timeline.refund') : t(`timeline.${e.kind}` as MessageKey);

  return (
    <Card title={t('timeline.title')} data-testid="timeline">
      {error && <Alert type="error" showIcon message={error} action={<Button onClick={() => fetchPage(null)}>{t('app.retry')}</Button>} />}
      {!loading && !error && items.length === 0 && <Empty description={t('common.empty')} />}
      <AntTimeline
        items={items.map((e, i) => ({
          key: i,
          color: COLORS[e.kind],
          children: (
            <div data-testid="timeline-item">
              <div>
                <b>{label(e)}</b> <span style={{ color: '#888' }} data-testid="timeline-at">{time.dateTime(e.at)}</span>
                {e.by_name && <span style={{ color: '#888' }}> · {e.by_name}</span>}{' '}
                {e.call?.effective && !e.call.fabricated && <Tag color="green">{t('timeline.effective')}</Tag>}
                {e.call && <FabricatedMark kind="call" id={e.call.id} agentName={e.by_name ?? ''} fabricated={e.call.fabricated}
                  mayMark={mayMark && e.call.agent_id !== user?.id} onMarked={() => void fetchPage(null)} />}
                {!e.call && e.follow_up && <FabricatedMark kind="follow_up" id={e.follow_up.id} agentName={e.by_name ?? ''} fabricated={e.follow_up.fabricated}
                  mayMark={mayMark && e.follow_up.agent_id !== user?.id} onMarked={() => void fetchPage(null)} />}
              </div>
              <div>{describe(e)}</div>
              {e.call && e.follow_up && <div data-testid="timeline-follow-up">{t('timeline.follow_up')}：{followUpText(e.follow_up)}{' '}
                <FabricatedMark kind="follow_up" id={e.follow_up.id} agentName={e.by_name ?? ''} fabricated={e.follow_up.fabricated}
                  mayMark={mayMark && e.follow_up.agent_id !== user?.id} onMarked={() => void fetchPage(null)} /></div>}
              {e.call && e.status && <div style={{ color: '#888' }}>{t('timeline.status_moved', { from: statusText(e.status.from), to: statusText(e.status.to) })}</div>}
            </div>
          ),
        }))}
      />
      {loading && <Spin />}
      {cursor && !loading && <Button onClick={() => fetchPage(cursor)}>{t('timeline.more')}</Button>}
    </Card>
  );
}
