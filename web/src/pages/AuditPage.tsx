// The audit log: who did what, when, with the record before and after; filtered by action, entity and id.
import { useState } from 'react';
import { Input, InputNumber, Space, Typography } from 'antd';
import { useI18n } from '../i18n';
import { usePagedList } from '../usePagedList';
import { ExportButton } from './ExportButton';
import { PagedTable } from './PagedTable';

interface Entry {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  before: unknown;
  after: unknown;
  detail: unknown;
}

export default function AuditPage() {
  const { t } = useI18n();
  const [action, setAction] = useState('');
  const [entity, setEntity] = useState('');
  const [entityId, setEntityId] = useState<number | null>(null);
  const filter = { action: action || undefined, entity: entity || undefined, entity_id: entityId ? String(entityId) : undefined };
  const list = usePagedList<Entry>('/api/v1/audit', filter);
  const json = (v: unknown) => (v === null || v === undefined ? '—' : <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(v, null, 1)}</pre>);
  return (
    <>
      <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('audit.action')} onSearch={setAction} style={{ width: 200 }} />
        <Input.Search allowClear placeholder={t('audit.entity')} onSearch={setEntity} style={{ width: 160 }} />
        <InputNumber placeholder={t('audit.entity_id')} value={entityId} onChange={(v) => setEntityId(v)} min={1} />
        <ExportButton path="/api/v1/audit/export" filter={filter} testId="audit-export" />
      </Space>
      <PagedTable<Entry>
        list={list}
        size="small"
        testId="audit-table"
        expandable={{
          expandedRowRender: (e) => (
            <Space align="start" size="large">
              <div><b>{t('audit.before')}</b>{json(e.before)}</div>
              <div><b>{t('audit.after')}</b>{json(e.after)}</div>
              <div><b>{t('audit.detail')}</b>{json(e.detail)}</div>
            </Space>
          ),
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString() },
          { title: t('audit.actor'), dataIndex: 'actor_id', render: (v: number | null) => (v === null ? t('audit.system') : `#${v}`) },
          { title: t('audit.action'), dataIndex: 'action' },
          { title: t('audit.entity'), dataIndex: 'entity' },
          { title: t('audit.entity_id'), dataIndex: 'entity_id', render: (v: number | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
