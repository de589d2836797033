// Customers: server-side paged, filtered and sorted; phones exactly as the server sends them (masked or not),
// dialable ones as tel: links; on a phone only the columns that fit.
import { useEffect, useState } from 'react';
import { Button, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, type Customer, type Page, type User } from '../../shared/api';
import { canWriteCustomers, hasRight, useAuth } from '../../shared/auth';
import { ReassignDialog } from './ReassignDialog';
import { CustomerForm } from './CustomerForm';
import { useI18n, type MessageKey } from '../../i18n';
import { useCompanyTime } from '../../shared/time';
import { PhoneLinks } from '../../shared/PhoneLinks';
import { usePagedList } from '../../shared/usePagedList';
import { ExportButton } from '../../shared/ExportButton';
import { PagedTable } from '../../shared/PagedTable';

const STATUSES = ['new', 'contacted', 'interested', 'following', 'won', 'lost', 'invalid'] as const;

export default function CustomersPage() {
  const { t } = useI18n();
  const time = useCompanyTime();
  const [q, setQ] = useState('');
  const [grade, setGrade] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [pool, setPool] = useState(false);
  const [mine, setMine] = useState(false);
  const [owner, setOwner] = useState<number>();
  const [region, setRegion] = useState('');
  const [industry, setIndustry] = useState('');
  const [tag, setTag] = useState('');
  const { user } = useAuth();
  const [sort, setSort] = useState('-id');
  const [owners, setOwners] = useState<Record<number, string>>({});
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [reassigning, setReassigning] = useState(false);
  const mayAssign = hasRight(user, 'assign_owner');
  const ownerId = mine && user ? String(user.id) : owner ? String(owner) : undefined;
  const filters = {
    q, grade, status, pool: pool ? 'true' : undefined, owner_id: ownerId,
    region: region || undefined, industry: industry || undefined, tag: tag || undefined,
  };
  const list = usePagedList<Customer>('/api/v1/customers', { ...filters, sort });

  useEffect(() => {
    // Names of the owners the user may see; without the right to list users the id is shown.
    api<Page<User>>('GET', '/api/v1/users?limit=1000')
      .then((p) => setOwners(Object.fromEntries(p.items.map((u) => [u.id, u.display_name]))))
      .catch(() => {});
  }, []);

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('customers.title')}</Typography.Title>
        {user && canWriteCustomers(user) && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="customer-add">{t('customers.add')}</Button>
        )}
        {user?.rights?.export_customers && (
          <ExportButton path="/api/v1/customers/export" filter={filters} testId="customer-export" />
        )}
        {mayAssign && (
          <Button onClick={() => setReassigning(true)} data-testid="reassign">
            {selected.length ? t('reassign.button_selected', { n: selected.length }) : t('reassign.button')}
          </Button>
        )}
      </Space>
      {reassigning && (
        <ReassignDialog selected={selected} owners={owners} onClose={() => setReassigning(false)}
          onDone={() => { setReassigning(false); setSelected([]); void list.reload(); }} />
      )}
      {creating && (
        <CustomerForm customer={null} onClose={() => setCreating(false)}
          onSaved={(c) => { setCreating(false); navigate(`/customers/${c.id}`); }} />
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <div data-testid="customer-search">
          <Input.Search allowClear placeholder={t('customers.search')} onSearch={setQ} style={{ width: 260 }}
            enterButton={t('common.search')} />
        </div>
        <Select allowClear placeholder={t('customers.grade')} value={grade} onChange={setGrade} style={{ width: 110 }}
          options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: g }))} />
        <Select allowClear placeholder={t('customers.status')} value={status} onChange={setStatus} style={{ width: 130 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) }))} />
        <Space>
          <Switch checked={mine} onChange={(v) => { setMine(v); if (v) setPool(false); }} data-testid="only-mine" />
          {t('customers.only_mine')}
        </Space>
        <Space>
          <Switch checked={pool} onChange={(v) => { setPool(v); if (v) setMine(false); }} data-testid="only-pool" />
          {t('customers.only_pool')}
        </Space>
        {Object.keys(owners).length > 1 && (
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('customers.owner')} value={owner}
            onChange={(v) => { setOwner(v); if (v) { setMine(false); setPool(false); } }} style={{ width: 140 }}
            options={Object.entries(owners).map(([id, name]) => ({ value: Number(id), label: name }))} />
        )}
        <Input.Search allowClear placeholder={t('customers.region')} onSearch={setRegion} style={{ width: 130 }} />
        <Input.Search allowClear placeholder={t('customers.industry')} onSearch={setIndustry} style={{ width: 130 }} />
        <Input.Search allowClear placeholder={t('customers.tag')} onSearch={setTag} style={{ width: 120 }} />
        <Select value={sort} onChange={setSort} style={{ width: 150 }} options={[
          { value: '-id', label: t('customers.sort.newest') },
          { value: '-updated_at', label: t('customers.sort.updated') },
          { value: 'company', label: t('customers.sort.company') },
        ]} />
      </Space>
      <PagedTable<Customer>
        list={list}
        size="middle"
        testId="customers-table"
        onRow={(c) => ({ onClick: () => navigate(`/customers/${c.id}`), style: { cursor: 'pointer' } })}
        rowSelection={mayAssign ? {
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as number[]),
          preserveSelectedRowKeys: true,
        } : undefined}
        columns={[
          { title: t('customers.company'), dataIndex: 'company', render: (v: string, c) => v || c.contact_name },
          { title: t('customers.contact'), dataIndex: 'contact_name', responsive: ['md'] },
          { title: t('customers.phones'), dataIndex: 'phones', render: (p: string[]) => <PhoneLinks phones={p} /> },
          { title: t('customers.grade'), dataIndex: 'grade', width: 70, responsive: ['md'] },
          {
            title: t('customers.status'), dataIndex: 'status', width: 100,
            render: (s: string) => <Tag>{t(`status.${s}` as MessageKey)}</Tag>,
          },
          {
            title: t('customers.owner'), dataIndex: 'owner_name', responsive: ['sm'],
            render: (name: string | null) => (name === null ? <Tag color="blue">{t('customers.pool')}</Tag> : name),
          },
          { title: t('customers.region'), dataIndex: 'region', responsive: ['lg'] },
          {
            title: t('customers.last_contact'), dataIndex: 'last_contact_at', responsive: ['lg'],
            render: (v: string | null) => time.dateTime(v),
          },
          { title: t('customers.next_follow_up'), dataIndex: 'next_follow_up_on', responsive: ['md'], render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
