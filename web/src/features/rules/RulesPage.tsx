// The rule book: the company's rules in force, rendered from the policy, with the date they took effect and what
// changed from the version before; every employee acknowledges each new version here. Managers and admins upload
// drafts; the versions list leads to each version's page (approval, publication, acknowledgements).
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Empty, Space, Table, Tag, Typography, message } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { LoadError } from '../../shared/ListFooter';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { DraftEditor } from './DraftEditor';
import { RuleBook, RuleChanges, StatusTag } from './RuleBook';
import { POLICY_CHANGED } from './PolicyNotice';
import type { PolicyDetail, PolicyVersion } from './types';

export default function RulesPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const time = useCompanyTime();
  const [current, setCurrent] = useState<PolicyDetail | null | undefined>(undefined);  // null: none in force
  const [versions, setVersions] = useState<PolicyVersion[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const drafter = hasRight(user, 'draft_policy');

  const load = useCallback(() => {
    setError(null);
    api<PolicyDetail>('GET', '/api/v1/policies/current')
      .then(setCurrent)
      .catch((e) => (e instanceof ApiError && e.code === 'policy.none' ? setCurrent(null) : setError(e)));
    api<{ items: PolicyVersion[] }>('GET', '/api/v1/policies').then((r) => setVersions(r.items)).catch(setError);
  }, []);
  useEffect(load, [load]);

  async function acknowledge() {
    if (!current) return;
    setBusy(true);
    try {
      await api('POST', `/api/v1/policies/${current.id}/acknowledge`);
      message.success(t('rules.acknowledged_done'));
      window.dispatchEvent(new Event(POLICY_CHANGED));
      setCurrent({ ...current, acknowledged: true });
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('rules.title')}</Typography.Title>
        {drafter && <Button type="primary" onClick={() => setUploading(true)} data-testid="rules-upload">{t('rules.upload')}</Button>}
      </Space>
      {error !== null && <LoadError error={error} retry={load} />}
      <Card loading={current === undefined} style={{ marginBottom: 16 }} data-testid="rules-current" styles={{ title: { whiteSpace: 'normal' } }}
        title={current ? <Space wrap><span>{current.name}</span><Tag>{t('rules.version', { n: current.version })}</Tag></Space> : t('rules.in_force')}>
        {current === null && <Empty description={t('rules.none')} />}
        {current && (
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Space wrap>
              <Typography.Text strong data-testid="rules-effective">{t('rules.effective_from', { date: current.effective_from })}</Typography.Text>
              {current.note && <Typography.Text type="secondary">{current.note}</Typography.Text>}
            </Space>
            {current.acknowledged
              ? <Typography.Text type="success" data-testid="rules-acknowledged">✓ {t('rules.acknowledged')}</Typography.Text>
              : <Button type="primary" onClick={acknowledge} loading={busy} data-testid="rules-acknowledge">{t('rules.acknowledge')}</Button>}
            {current.previous && current.changes && (
              <Card size="small" type="inner" title={t('rules.changes', { n: current.previous.version })}>
                <RuleChanges diff={current.changes} />
              </Card>
            )}
            <RuleBook sections={current.rule_book} />
          </Space>
        )}
      </Card>
      <Card title={t('rules.history')} size="small">
        <Table<PolicyVersion> rowKey="id" size="small" loading={versions === null} dataSource={versions ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }} data-testid="rules-versions"
          onRow={(v) => ({ onClick: () => navigate(`/rules/${v.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '#', dataIndex: 'version', width: 60 },
            { title: t('rules.name'), dataIndex: 'name' },
            { title: t('rules.status'), dataIndex: 'status', render: (s: PolicyVersion['status']) => <StatusTag status={s} /> },
            { title: t('rules.effective_col'), dataIndex: 'effective_from' },
            { title: t('rules.published_at'), dataIndex: 'published_at', render: (v: string | null) => time.dateTime(v) },
            { title: t('rules.note'), dataIndex: 'note', ellipsis: true },
          ]} />
      </Card>
      <DraftEditor open={uploading} onClose={() => setUploading(false)}
        onSaved={(v) => { setUploading(false); navigate(`/rules/${v.id}`); }} />
    </>
  );
}
