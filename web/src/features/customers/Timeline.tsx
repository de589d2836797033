// A customer's timeline from the server, newest first, a page at a time.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Empty, Spin, Tag, Timeline as AntTimeline } from 'antd';
import { api, type Page } from '../../shared/api';
import { useI18n, type MessageKey } from '../../i18n';
import { useErrorText } from '../../shared/errors';
import { duration, useCompanyTime } from '../../shared/time';

interface Entry {
  kind: 'call' | 'follow_up' | 'deal' | 'payment' | 'ownership';
  at: string;
  by_name: string | null;
  call?: { result: string; talk_seconds: number; effective: boolean; notes: string; number: string };
  follow_up?: { channel: string; content: string; outcome: string; next_step: string; next_follow_up_on: string | null; callback_at: string | null };
  deal?: { product: string; amount: string; closed_on: string };
  payment?: { kind: 'payment' | 'refund'; amount: string; on: string; reason: string };
  ownership?: { from_owner_id: number | null; from_owner_name: string | null; to_owner_id: number | null; to_owner_name: string | null };
}

const COLORS: Record<Entry['kind'], string> = { call: 'blue', follow_up: 'green', deal: 'gold', payment: 'gold', ownership: 'gray' };

export function Timeline({ customerId, version }: { customerId: number; version: number }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const time = useCompanyTime();
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

  function describe(e: Entry): string {
    if (e.call) {
      const parts = [t(`result.${e.call.result}` as MessageKey)];
      if (e.call.talk_seconds > 0) parts.push(t('timeline.talk', { time: duration(e.call.talk_seconds) }));
      if (e.call.notes) parts.push(e.call.notes);
      return parts.join(' · ');
    }
    if (e.follow_up) {
      return [t(`channel.${e.follow_up.channel}` as MessageKey), e.follow_up.content, e.follow_up.outcome, e.follow_up.next_step,
        e.follow_up.callback_at ? t('timeline.callback', { at: time.dateTime(e.follow_up.callback_at) }) : '']
        .filter(Boolean).join(' · ');
    }
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
                {e.call?.effective && <Tag color="green">{t('timeline.effective')}</Tag>}
              </div>
              <div>{describe(e)}</div>
            </div>
          ),
        }))}
      />
      {loading && <Spin />}
      {cursor && !loading && <Button onClick={() => fetchPage(cursor)}>{t('timeline.more')}</Button>}
    </Card>
  );
}
