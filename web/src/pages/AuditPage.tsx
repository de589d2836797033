// The audit log: who did what, when, with the record before and after; filtered by action, entity and id.
import { useState } from 'react';
import { Button, Dropdown, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useI18n } from '../i18n';
import { usePagedList } from '../usePagedList';
import { LoadError, PagerBar } from './ListFooter';

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
  function exportAs(format: string) {
    const q = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
    window.location.href = `/api/v1/audit/export?${q}`;
  }
  const json = (v: unknown) => (v === null || v === undefined ? '—' : <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(v, null, 1)}</pre>);
  return (
    <>
      <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('audit.action')} onSearch={setAction} style={{ width: 200 }} />
        <Input.Search allowClear placeholder={t('audit.entity')} onSearch={setEntity} style={{ width: 160 }} />
        <InputNumber placeholder={t('audit.entity_id')} value={entityId} onChange={(v) => setEntityId(v)} min={1} />
        <Dropdown menu={{
          items: [{ key: 'xlsx', label: t('customers.export_xlsx') }, { key: 'csv', label: t('customers.export_csv') }],
          onClick: (e) => exportAs(e.key),
        }}>
          <Button data-testid="audit-export">{t('customers.export')}</Button>
        </Dropdown>
      </Space>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      <Table<Entry>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        size="small"
        locale={{ emptyText: t('common.empty') }}
        data-testid="audit-table"
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
      <PagerBar {...list} />
    </>
  );
}
