// 撞单处理: the cases the reader sees — an agent's own, a supervisor's or manager's team's, everyone's for admins —
// open ones with their stage, closed ones with who kept the customer. A case opens in the drawer, where its next
// step is taken.
import { useState } from 'react';
import { Alert, Button, Card, Segmented, Space, Tag, Typography } from 'antd';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { ClaimDrawer } from './ClaimDrawer';
import { STAGE_COLOR, type DuplicateClaim } from './types';

export default function ClaimsPage() {
  const { t } = useI18n();
  const time = useCompanyTime();
  const [status, setStatus] = useState('open');
  const [open, setOpen] = useState<number | null>(null);
  const list = usePagedList<DuplicateClaim>('/api/v1/duplicate-claims', { status });
  return (
    <>
      <Typography.Title level={3}>{t('claims.title')}</Typography.Title>
      <Alert type="info" showIcon message={t('claims.hint')} style={{ marginBottom: 12 }} />
      <Card size="small">
        <Segmented value={status} onChange={(v) => setStatus(String(v))} style={{ marginBottom: 12 }} data-testid="claims-status"
          options={[{ value: 'open', label: t('claims.open') }, { value: 'closed', label: t('claims.closed') }]} />
        <PagedTable<DuplicateClaim> list={list} testId="claims-table" scroll={{ x: 960 }} locale={{ emptyText: t('claims.empty') }}
          onRow={(c) => ({ onClick: () => setOpen(c.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '#', dataIndex: 'id', width: 70 },
            {
              title: t('claims.customer'), key: 'customer',
              render: (_: unknown, c) => (
                <Space direction="vertical" size={0}>
                  <span>{c.customer_company || c.candidate_company}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`claims.reason.${c.reason}`)} {c.matched}</Typography.Text>
                </Space>
              ),
            },
            { title: t('claims.holder'), dataIndex: 'holder_name', width: 110 },
            { title: t('claims.claimant'), dataIndex: 'claimant_name', width: 110 },
            {
              title: t('claims.stage'), key: 'stage', width: 150,
              render: (_: unknown, c) => (c.status === 'open'
                ? <Tag color={STAGE_COLOR[c.stage]}>{t(`claims.stage.${c.stage}`)}</Tag>
                : <Space size={4}><Tag>{t(`claims.status.${c.status}`)}</Tag>{c.keeper_name && <span>{t('claims.keeper')} {c.keeper_name}</span>}</Space>),
            },
            { title: t('claims.opened'), key: 'at', width: 160, render: (_: unknown, c) => time.dateTime(c.created_at) },
            {
              title: '', key: 'act', width: 90, fixed: 'right',
              render: (_: unknown, c) => <Button size="small" onClick={(e) => { e.stopPropagation(); setOpen(c.id); }} data-testid={`claim-open-${c.id}`}>{t('claims.view')}</Button>,
            },
          ]} />
      </Card>
      <ClaimDrawer id={open} onClose={() => setOpen(null)} onChanged={() => void list.reload()} />
    </>
  );
}
