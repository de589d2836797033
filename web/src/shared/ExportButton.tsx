// Export of a filtered list: the server writes the file (Excel or CSV) for the same filter the list shows.
import { Button, Dropdown } from 'antd';
import { useI18n } from '../i18n';

export function ExportButton({ path, filter, testId, label }: {
  path: string;
  filter: Record<string, string | undefined>;
  testId: string;
  label?: string;  // the button's text, when "导出" alone would not say what
}) {
  const { t, locale } = useI18n();
  function download(format: string) {
    // The file speaks the user's language: headers, labels and its name.
    const q = new URLSearchParams({ format, lang: locale === 'en' ? 'en' : 'zh' });
    for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
    window.location.href = `${path}?${q}`;
  }
  return (
    <Dropdown menu={{
      items: [{ key: 'xlsx', label: t('customers.export_xlsx') }, { key: 'csv', label: t('customers.export_csv') }],
      onClick: (e) => download(e.key),
    }}>
      <Button data-testid={testId}>{label ?? t('customers.export')}</Button>
    </Dropdown>
  );
}
