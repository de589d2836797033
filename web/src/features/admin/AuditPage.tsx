// The audit log as people read it: who (by name), what (the action's label in the user's language), which record
// (by name), when (the company's time), and what changed field by field. Filters: date range, user, action, record.
import { useEffect, useState } from 'react';
import { DatePicker, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, type Page, type User } from '../../shared/api';
import { knownKey, useI18n } from '../../i18n';
import { usePagedList } from '../../shared/usePagedList';
import { ExportButton } from '../../shared/ExportButton';
import { PagedTable } from '../../shared/PagedTable';
import { useCompanyTime } from '../../shared/time';

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}
interface Entry {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_username: string | null;
  action: string;
  action_label: { zh: string; en: string };
  entity: string;
  entity_id: number | null;
  entity_name: string | null;
  changes: Change[];
  detail: unknown;
}

interface NamedAction {
  action: string;
  zh: string;
  en: string;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

export default function AuditPage() {
  const { t, locale } = useI18n();
  const time = useCompanyTime();
  const [action, setAction] = useState<string>();
  const [entity, setEntity] = useState('');
  const [entityId, setEntityId] = useState<number | null>(null);
  const [actor, setActor] = useState<number>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [people, setPeople] = useState<User[]>([]);
  const [actions, setActions] = useState<NamedAction[]>([]);
  // A day of the range in the company's time zone, as the Unix seconds the API filters by.
  const bound = (d: Dayjs | null | undefined, end: boolean) => {
    if (!d) return undefined;
    const start = time.dayStart(d.format('YYYY-MM-DD')) / 1000;
    return String(end ? start + 86400 : start);
  };
  const filter = {
    action, entity: entity || undefined, entity_id: entityId ? String(entityId) : undefined,
    actor_id: actor ? String(actor) : undefined, from: bound(range?.[0], false), to: bound(range?.[1], true),
  };
  const list = usePagedList<Entry>('/api/v1/audit', filter);
  useEffect(() => {
    api<Page<User>>('GET', '/api/v1/users?limit=1000').then((p) => setPeople(p.items)).catch(() => {});
    api<{ items: NamedAction[] }>('GET', '/api/v1/audit/actions').then((r) => setActions(r.items)).catch(() => {});
  }, []);
  const entityLabel = (e: string) => { const k = knownKey(`audit.entity.${e}`); return k ? t(k) : e; };

  return (
    <>
      <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker value={range} onChange={(r) => setRange(r)} data-testid="audit-range" allowEmpty={[true, true]} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('audit.actor')} value={actor} onChange={setActor}
          style={{ width: 170 }} data-testid="audit-actor"
          options={people.map((u) => ({ value: u.id, label: `${u.display_name} (${u.username})` }))} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('audit.action')} value={action} onChange={setAction}
          style={{ width: 190 }} data-testid="audit-action" options={actions.map((a) => ({ value: a.action, label: locale === 'en' ? a.en : a.zh }))} />
        <Input.Search allowClear placeholder={t('audit.entity')} onSearch={setEntity} style={{ width: 140 }} />
        <InputNumber placeholder={t('audit.entity_id')} value={entityId} onChange={(v) => setEntityId(v)} min={1} />
        <ExportButton path="/api/v1/audit/export" filter={filter} testId="audit-export" />
      </Space>
      <PagedTable<Entry>
        list={list}
        size="small"
        testId="audit-table"
        scroll={{ x: 760 }}
        expandable={{
          rowExpandable: (e) => e.changes.length > 0 || (e.detail !== null && e.detail !== undefined),
          expandedRowRender: (e) => (
            <>
              {e.changes.length > 0 && (
                <Table<Change> size="small" rowKey="field" pagination={false} dataSource={e.changes} data-testid="audit-diff"
                  columns={[
                    { title: t('audit.field'), dataIndex: 'field', render: (f: string) => { const k = knownKey(`field.${f}`); return k ? t(k) : f; } },
                    { title: t('audit.before'), dataIndex: 'before', render: (v: unknown) => <span style={{ color: '#cf1322' }}>{show(v)}</span> },
                    { title: t('audit.after'), dataIndex: 'after', render: (v: unknown) => <span style={{ color: '#389e0d' }}>{show(v)}</span> },
                  ]} />
              )}
              {e.detail !== null && e.detail !== undefined && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('audit.detail')}: {show(e.detail)}</Typography.Paragraph>
              )}
            </>
          ),
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (v: string) => time.dateTime(v) },
          {
            title: t('audit.actor'), dataIndex: 'actor_name',
            render: (name: string | null, e) => (e.actor_id === null ? t('audit.system') : `${name} (${e.actor_username})`),
          },
          { title: t('audit.action'), dataIndex: 'action_label', render: (l: Entry['action_label']) => (locale === 'en' ? l.en : l.zh) },
          {
            title: t('audit.record'), dataIndex: 'entity_name',
            render: (name: string | null, e) => `${entityLabel(e.entity)}${e.entity_id ? ' #' + e.entity_id : ''}${name ? ' · ' + name : ''}`,
          },
        ]}
      />
    </>
  );
}
