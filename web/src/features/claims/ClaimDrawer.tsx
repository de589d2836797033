// One 撞单 case: who holds the customer and who entered it again, where the case stands, its history and what each
// escalation cost each agent — and the reader's next step: give the customer up, escalate, or decide the keeper.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Drawer, Form, Input, Modal, Radio, Skeleton, Space, Tag, Timeline, Typography, message } from 'antd';
import { api } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { STAGE_COLOR, type DuplicateClaim } from './types';

type Acting = 'yield' | 'escalate' | 'decide';

export function ClaimDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const [claim, setClaim] = useState<DuplicateClaim | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [acting, setActing] = useState<Acting | null>(null);
  const load = useCallback(async (which: number) => {
    setError(null);
    try {
      setClaim(await api<DuplicateClaim>('GET', `/api/v1/duplicate-claims/${which}`));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    setClaim(null);
    if (id !== null) void load(id);
  }, [id, load]);
  const stageName = (s: string) => t(`claims.stage.${s}` as 'claims.stage.agents');
  return (
    <Drawer open={id !== null} onClose={onClose} title={claim ? `${t('claims.title')} #${claim.id}` : ''} width={Math.min(640, window.innerWidth)} destroyOnClose data-testid="claim-drawer">
      {error ? <Alert type="error" showIcon message={errorText(error)} /> : !claim ? <Skeleton active /> : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} items={[
            { key: 'customer', label: t('claims.customer'), children: claim.customer_company || claim.candidate_company },
            { key: 'matched', label: t('claims.matched'), children: `${t(`claims.reason.${claim.reason}`)} ${claim.matched}` },
            { key: 'holder', label: t('claims.holder'), children: claim.holder_name || '—' },
            { key: 'claimant', label: t('claims.claimant'), children: claim.claimant_name || '—' },
            {
              key: 'stage', label: t('claims.stage'),
              children: claim.status === 'open'
                ? <Tag color={STAGE_COLOR[claim.stage]} data-testid="claim-stage">{stageName(claim.stage)}</Tag>
                : <Space size={4} data-testid="claim-stage"><Tag>{t(`claims.status.${claim.status}`)}</Tag>{claim.keeper_name && `${t('claims.keeper')} ${claim.keeper_name}`}</Space>,
            },
          ]} />
          <div>
            <Typography.Title level={5}>{t('claims.steps')}</Typography.Title>
            <Timeline data-testid="claim-steps" items={[
              { key: 'opened', color: 'gray', children: <StepText head={t('claims.step.opened', { origin: t(`claims.origin.${claim.origin}` as 'claims.origin.api') })} at={time.dateTime(claim.created_at)} /> },
              ...claim.steps.map((s, i) => ({
                key: i,
                color: s.action === 'escalate' ? 'orange' : 'green',
                children: <StepText at={time.dateTime(s.at)} note={s.note}
                  head={s.action === 'escalate' ? t('claims.step.escalate', { name: s.actor_name, stage: stageName(s.stage) })
                    : t(s.action === 'yield' ? 'claims.step.yield' : 'claims.step.decide', { name: s.actor_name, keeper: s.keeper_name })} />,
              })),
            ]} />
          </div>
          <div data-testid="claim-penalties">
            <Typography.Title level={5}>{t('claims.penalties')}</Typography.Title>
            {claim.penalties.length === 0 ? <Typography.Text type="secondary">{t('claims.no_penalties')}</Typography.Text> : (
              <ul style={{ paddingLeft: 20, margin: 0 }}>
                {claim.penalties.map((p) => (
                  <li key={`${p.user_id}-${p.stage}`}>{t('claims.penalty_row', { name: p.user_name, stage: stageName(p.stage), percent: p.percent, total: p.total_percent, month: p.month })}</li>
                ))}
              </ul>
            )}
          </div>
          <Space wrap>
            {claim.can.yield && <Button onClick={() => setActing('yield')} data-testid="claim-yield">{t('claims.yield')}</Button>}
            {claim.can.escalate && (
              <Button onClick={() => setActing('escalate')} data-testid="claim-escalate">
                {t(claim.stage === 'agents' ? 'claims.escalate_to_manager' : 'claims.escalate_to_company')}
              </Button>
            )}
            {claim.can.decide && <Button type="primary" onClick={() => setActing('decide')} data-testid="claim-decide">{t('claims.decide')}</Button>}
          </Space>
        </Space>
      )}
      {claim && (
        <ActModal claim={claim} acting={acting} onClose={() => setActing(null)}
          onDone={(c) => {
            setActing(null);
            setClaim(c);
            message.success(c.dismissal_case_ids.length ? t('claims.cases_raised', { n: c.dismissal_case_ids.length }) : t('claims.done'));
            onChanged();
          }} />
      )}
    </Drawer>
  );
}

function StepText({ head, at, note }: { head: string; at: string; note?: string }) {
  return (
    <Space direction="vertical" size={0}>
      <Typography.Text>{head} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{at}</Typography.Text></Typography.Text>
      {note && <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{note}</Typography.Text>}
    </Space>
  );
}

// The form of a step: a note (required to escalate or decide), and for a decision the keeper and any agent found
// poaching.
function ActModal({ claim, acting, onClose, onDone }: { claim: DuplicateClaim; acting: Acting | null; onClose: () => void; onDone: (c: DuplicateClaim) => void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const parties = [
    { id: claim.holder_id, name: claim.holder_name },
    { id: claim.claimant_id, name: claim.claimant_name },
  ].filter((p): p is { id: number; name: string } => p.id !== null);
  const other = parties.find((p) => p.id !== user?.id);
  const title = acting === 'yield' ? t('claims.yield_title', { name: other?.name ?? '' })
    : acting === 'escalate' ? t(claim.stage === 'agents' ? 'claims.escalate_to_manager' : 'claims.escalate_to_company')
      : t('claims.decide_title');
  async function submit(v: { note?: string; keeper_id?: number; malicious?: number[] }) {
    setBusy(true);
    try {
      const body = acting === 'decide' ? { note: v.note ?? '', keeper_id: v.keeper_id, malicious: v.malicious ?? [] } : { note: v.note ?? '' };
      onDone(await api<DuplicateClaim>('POST', `/api/v1/duplicate-claims/${claim.id}/${acting}`, body));
      form.resetFields();
    } catch (e) {
      form.setFields([{ name: 'note', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={acting !== null} title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnClose data-testid="claim-act-modal">
      {acting === 'yield' && <Typography.Paragraph type="secondary">{t('claims.yield_hint')}</Typography.Paragraph>}
      {acting === 'escalate' && <Typography.Paragraph type="warning">{t('claims.escalate_hint')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        {acting === 'decide' && (
          <>
            <Form.Item name="keeper_id" label={t('claims.keeper_pick')} rules={[{ required: true, message: t('claims.keeper_pick') }]}>
              <Radio.Group data-testid="claim-keeper">
                {parties.map((p) => <Radio key={p.id} value={p.id}>{p.name}</Radio>)}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="malicious" label={t('claims.malicious')}>
              <Checkbox.Group data-testid="claim-malicious" options={parties.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('claims.note')} rules={acting === 'yield' ? [] : [{ required: true, whitespace: true, message: t('claims.note_required') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="claim-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
