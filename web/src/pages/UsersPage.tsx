// Administration: the users of the company, paged (creating and editing them comes with the admin screens).
import { Table, Tag, Typography } from 'antd';
import type { User } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { usePagedList } from '../usePagedList';
import { LoadError, PagerBar } from './ListFooter';

export default function UsersPage() {
  const { t } = useI18n();
  const list = usePagedList<User>('/api/v1/users', {});
  return (
    <>
      <Typography.Title level={3}>{t('users.title')}</Typography.Title>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      <Table<User>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        size="middle"
        locale={{ emptyText: t('common.empty') }}
        data-testid="users-table"
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.name'), dataIndex: 'display_name' },
          { title: t('users.role'), dataIndex: 'role', render: (r: string) => t(`role.${r}` as MessageKey) },
          { title: t('users.extension'), dataIndex: 'extension', render: (v: string | null) => v ?? '—' },
          {
            title: t('users.status'), dataIndex: 'disabled',
            render: (d: boolean) => (d ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>),
          },
        ]}
      />
      <PagerBar {...list} />
    </>
  );
}
