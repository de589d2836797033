// A/B 类签认 on a customer's page: the lead's live request or sign-off, and — for whoever may change the customer,
// when there is none — asking a field rep to visit and sign it off (the bonus is credited to the owner).
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Select, Skeleton, Space, Tag, Typography, message } from 'antd';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { STATUS_COLOR, type FieldRep, type LeadSignOff } from './types';

export function LeadSignOffCard({ customerId, mayAsk }: { customerId: number; mayAsk: boolean }) {
  const { t } = useI18n();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const [signoff, setSignoff] = useState<LeadSignOff | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [reps, setReps] = useState<FieldRep[] | null>(null);
  const [rep, setRep] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    setError(null);
    api<{ signoff: LeadSignOff | null }>('GET', `/api/v1/customers/${customerId}/lead-signoff`)
      .then((r) => setSignoff(r.signoff)).catch(setError);
  }, [customerId]);
  useEffect(load, [load]);
  useEffect(() => {
    if (mayAsk && signoff === null && reps === null)
      api<{ items: FieldRep[] }>('GET', '/api/v1/lead-signoffs/field-reps').then((r) => setReps(r.items)).catch(setError);
  }, [mayAsk, signoff, reps]);
  const ask = async () => {
    setBusy(true);
    try {
      const made = await api<LeadSignOff>('POST', `/api/v1/customers/${customerId}/lead-signoff`, { field_rep_id: rep });
      message.success(t('signoffs.asked', { rep: made.field_rep_name }));
      setSignoff(made);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('signoffs.card')} style={{ marginTop: 12 }} data-testid="signoff-card">
      {error !== null ? <Alert type="error" showIcon message={errorText(error)} /> : signoff === undefined ? <Skeleton active paragraph={{ rows: 1 }} /> : signoff ? (
        <Space wrap data-testid="signoff-state">
          <Tag color={STATUS_COLOR[signoff.status]}>{t(`signoffs.status.${signoff.status}`)}</Tag>
          <Typography.Text>{signoff.status === 'signed'
            ? t('signoffs.signed_by', { grade: signoff.grade, rep: signoff.field_rep_name, visited: signoff.visited_on ?? '', signed: signoff.signed_on ?? '', credited: signoff.credited_name })
            : t('signoffs.waiting', { grade: signoff.grade, rep: signoff.field_rep_name, at: time.dateTime(signoff.requested_at) })}</Typography.Text>
          {signoff.paid_month && <Typography.Text type="success">{t('signoffs.paid', { month: signoff.paid_month })}</Typography.Text>}
        </Space>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('signoffs.none')}</Typography.Text>
          {mayAsk && (
            <Space wrap>
              <Select style={{ minWidth: 220 }} placeholder={t('signoffs.pick_rep')} value={rep} onChange={setRep} loading={reps === null}
                notFoundContent={t('signoffs.no_reps')} data-testid="signoff-rep"
                options={(reps ?? []).map((r) => ({ value: r.id, label: r.team ? `${r.name}（${r.team}）` : r.name }))} />
              <Button type="primary" disabled={rep === undefined} loading={busy} onClick={ask} data-testid="signoff-ask">{t('signoffs.ask')}</Button>
            </Space>
          )}
        </Space>
      )}
    </Card>
  );
}
