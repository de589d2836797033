// A list the server pages: the error with a retry, the table (loading and empty states), previous / next.
import { Table, type TableProps } from 'antd';
import { useI18n } from '../i18n';
import type { usePagedList } from './usePagedList';
import { LoadError, PagerBar } from './ListFooter';

type PagedList<T> = ReturnType<typeof usePagedList<T>>;

export function PagedTable<T extends object>({ list, testId, ...table }: {
  list: PagedList<T>;
  testId: string;
} & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'>) {
  const { t } = useI18n();
  return (
    <>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      <Table<T>
        rowKey="id"
        size="middle"
        locale={{ emptyText: t('common.empty') }}
        {...table}
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        data-testid={testId}
      />
      <PagerBar {...list} />
    </>
  );
}
