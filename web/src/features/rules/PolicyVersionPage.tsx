// One version of the company's rules: its rule book, what changed from the version it replaces, the file itself,
// and its workflow — a manager or admin edits or discards a draft, the director approves it, then it is published
// and everyone is asked to acknowledge it (who has, listed for managers).
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Descriptions, Popconfirm, Space, Table, Tabs, Tag, Typography, message } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { LoadError } from '../../shared/ListFooter';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { DraftEditor } from './DraftEditor';
import { RuleBook, RuleChanges, StatusTag, TextDiff } from './RuleBook';
import { POLICY_CHANGED } from './PolicyNotice';
import type { PolicyDetail } from './types';

interface Acks {
  items: { user_id: number; display_name: string; username: string; acknowledged_at: string | null }[];
  acknowledged: number;
  total: number;
}

export default function PolicyVersionPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const time = useCompanyTime();
  const [v, setV] = useState<PolicyDetail | null>(null);
  const [acks, setAcks] = useState<Acks | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const drafter = hasRight(user, 'draft_policy');
  const approver = hasRight(user, 'approve_policy');

  const load = useCallback(() => {
    setError(null);
    api<PolicyDetail>('GET', `/api/v1/policies/${id}`).then(setV).catch(setError);
    if (drafter || approver) api<Acks>('GET', `/api/v1/policies/${id}/acknowledgements`).then(setAcks).catch(() => setAcks(null));
  }, [id, drafter, approver]);
  useEffect(load, [load]);

  async function act(path: string, done: string, method = 'POST') {
    setBusy(true);
    try {
      await api(method, `/api/v1/policies/${id}${path}`);
      message.success(t(done as never));
      window.dispatchEvent(new Event(POLICY_CHANGED));
      if (method === 'DELETE') navigate('/rules');
      else load();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (error) return <LoadError error={error} retry={load} />;
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Link to="/rules">← {t('rules.back')}</Link>
      </Space>
      <Card loading={!v} data-testid="policy-version" styles={{ title: { whiteSpace: 'normal' }, header: { flexWrap: 'wrap' } }}
        title={v && <Space wrap><span>{v.name}</span><Tag>{t('rules.version', { n: v.version })}</Tag><StatusTag status={v.status} /></Space>}
        extra={v && (
          <Space wrap>
            {v.status === 'draft' && drafter && <Button onClick={() => setEditing(true)} data-testid="policy-edit">{t('rules.edit')}</Button>}
            {v.status === 'draft' && approver && (
              <Button type="primary" loading={busy} onClick={() => act('/approve', 'rules.approved')} data-testid="policy-approve">{t('rules.approve')}</Button>
            )}
            {v.status === 'approved' && (drafter || approver) && (
              <Popconfirm title={t('rules.publish_confirm')} onConfirm={() => act('/publish', 'rules.published')} okText={t('common.ok')} cancelText={t('common.cancel')}>
                <Button type="primary" loading={busy} data-testid="policy-publish">{t('rules.publish')}</Button>
              </Popconfirm>
            )}
            {v.status !== 'published' && drafter && (
              <Popconfirm title={t('rules.discard_confirm')} onConfirm={() => act('', 'rules.discarded', 'DELETE')} okText={t('common.ok')} cancelText={t('common.cancel')}>
                <Button danger loading={busy} data-testid="policy-discard">{t('rules.discard')}</Button>
              </Popconfirm>
            )}
          </Space>
        )}>
        {v && (
          <>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('rules.effective_col')}>{v.effective_from}</Descriptions.Item>
              <Descriptions.Item label={t('rules.note')}>{v.note || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('rules.created_by')}>{v.created_by?.name ?? '—'} {time.dateTime(v.created_at)}</Descriptions.Item>
              <Descriptions.Item label={t('rules.approved_by')}>
                {v.approved_by ? `${v.approved_by.name} ${time.dateTime(v.approved_at)}` : v.status === 'draft' ? t('rules.waiting_approval') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('rules.published_at')}>
                {v.published_at ? time.dateTime(v.published_at) : v.status === 'approved' ? t('rules.waiting_publish') : '—'}
              </Descriptions.Item>
            </Descriptions>
            <Tabs items={[
              { key: 'book', label: t('rules.in_force'), children: <RuleBook sections={v.rule_book} /> },
              ...(v.previous && v.changes ? [{
                key: 'changes', label: t('rules.changes', { n: v.previous.version }),
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <RuleChanges diff={v.changes} />
                    <Typography.Title level={5}>{t('rules.text_diff')}</Typography.Title>
                    <TextDiff lines={v.changes.text} />
                  </Space>
                ),
              }] : []),
              { key: 'text', label: t('rules.text'), children: <TextView text={v.text} /> },
              ...(acks && v.status === 'published' ? [{
                key: 'acks', label: t('rules.acks_count', { done: acks.acknowledged, total: acks.total }),
                children: (
                  <Table rowKey="user_id" size="small" dataSource={acks.items} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="policy-acks"
                    columns={[
                      { title: t('rules.person'), key: 'p', render: (_, a) => `${a.display_name} (${a.username})` },
                      { title: t('rules.ack_at'), dataIndex: 'acknowledged_at',
                        render: (at: string | null) => (at ? time.dateTime(at) : <Tag color="orange">{t('rules.not_yet')}</Tag>) },
                    ]} />
                ),
              }] : []),
            ]} />
          </>
        )}
      </Card>
      <DraftEditor open={editing} draft={v ? { id: v.id, text: v.text, note: v.note } : undefined}
        onClose={() => setEditing(false)} onSaved={() => { setEditing(false); load(); }} />
    </>
  );
}

function TextView({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <pre style={{ fontSize: 12, overflowX: 'auto', background: '#fafafa', padding: 8 }} data-testid="policy-text">
      {lines.map((l, i) => (
        <div key={i}><span style={{ color: '#999', userSelect: 'none', display: 'inline-block', width: 36 }}>{i + 1}</span>{l}</div>
      ))}
    </pre>
  );
}
