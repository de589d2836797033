// The import wizard: choose a file → the server checks it (a dry run: encoding, column mapping, line-numbered
// errors) beside a preview of its first rows → import all, or only the good rows → download the rows left out.
// For customer lists, call records from the phone system, and deals with payments.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Select, Space, Steps, Switch, Table, Tag, Upload } from 'antd';
import { errorOf } from '../../shared/api';
import { decodeFile, previewRows } from './csvPreview';
import { isXlsx, readXlsx, toCsv } from './xlsx';
import { useErrorText } from '../../shared/errors';
import { useI18n, type MessageKey } from '../../i18n';

type Kind = 'customers' | 'calls' | 'deals';
const CUSTOMER_FIELDS = ['company', 'contact_name', 'title', 'phones', 'fax', 'industry', 'region', 'size', 'headcount',
  'it_status', 'source', 'needs', 'grade', 'status', 'tags', 'notes', 'owner', 'ignore'];

interface Report {
  read: number;
  rejected: number;
  duplicates: number;
  created?: number;
  updated?: number;
  imported?: number;
  deals_created?: number;
  payments_created?: number;
  committed: boolean;
  encoding: string;
  errors: { line: number; column?: string | null; reason: string }[];
  errors_truncated: boolean;
  mapping?: Record<string, string>;
  unknown_headers?: string[];
  rejects_url?: string;
}

function importedOf(r: Report): number {
  return (r.created ?? 0) + (r.updated ?? 0) + (r.imported ?? 0) + (r.deals_created ?? 0) + (r.payments_created ?? 0);
}

async function upload(path: string, file: File, params: Record<string, string>): Promise<Report> {
  const q = new URLSearchParams({ ...params, filename: file.name });
  const res = await fetch(`${path}?${q}`, { method: 'POST', body: file, headers: { 'content-type': 'text/csv' } });
  const json = await res.json();
  if (!res.ok && res.status !== 422) throw errorOf(res, json); // 422: rows were refused; the report says which
  return json as Report;
}

export default function ImportPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [kind, setKind] = useState<Kind>('customers');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string[][]>([]);
  const [owner, setOwner] = useState('');
  const [pool, setPool] = useState(true);
  const [format, setFormat] = useState('asterisk');
  const [tz, setTz] = useState('Asia/Shanghai');
  const [prefix, setPrefix] = useState('');
  const [map, setMap] = useState<Record<string, string>>({});
  const [check, setCheck] = useState<Report | null>(null);
  const [done, setDone] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const path = `/api/v1/${kind}/import`;
  const params = useMemo(() => {
    const p: Record<string, string> = {};
    if (kind === 'customers') {
      if (pool) p.pool = 'true';
      else if (owner) p.owner = owner;
      const overrides = Object.entries(map).map(([h, f]) => `${h}=${f}`).join(',');
      if (overrides) p.map = overrides;
    }
    if (kind === 'calls') Object.assign(p, { format, tz, ...(prefix ? { strip_prefix: prefix } : {}) });
    return p;
  }, [kind, pool, owner, map, format, tz, prefix]);

  function choose(f: File) {
    setCheck(null);
    setDone(null);
    setMap({});
    setError(null);
    if (isXlsx(f.name)) {
      // An Excel workbook becomes the CSV the importer reads, here in the browser; the server checks it as any CSV.
      void f.arrayBuffer().then(readXlsx).then((rows) => {
        setFile(new File([toCsv(rows)], f.name.replace(/\.xlsx$/i, '.csv'), { type: 'text/csv' }));
        setPreview(rows.slice(0, 11));
      }).catch(() => {
        setFile(null);
        setError(t('import.xlsx_unreadable'));
      });
    } else {
      setFile(f);
      void f.arrayBuffer().then((bytes) => setPreview(previewRows(decodeFile(bytes))));
    }
    return false; // keep the file here; it is sent on "check"
  }
  async function run(extra: Record<string, string>, then: (r: Report) => void) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      then(await upload(path, file, { ...params, ...extra }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  const step = done ? 2 : check ? 1 : 0;
  const ok = check ? Math.max(0, check.read - check.rejected - check.duplicates) : 0;
  const hasHeader = kind !== 'calls' || format === 'csv';

  return (
    <Card title={t('import.title')} data-testid="import">
      <Steps current={step} style={{ marginBottom: 24 }}
        items={[{ title: t('import.step.file') }, { title: t('import.step.check') }, { title: t('import.step.done') }]} />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="import-error" />}
      {step === 0 && (
        <Form layout="vertical" style={{ maxWidth: 520 }}>
          <Form.Item label={t('import.kind')}>
            <Select value={kind} onChange={(k) => { setKind(k); setCheck(null); }} data-testid="import-kind"
              options={(['customers', 'calls', 'deals'] as Kind[]).map((k) => ({ value: k, label: t(`import.kind.${k}` as MessageKey) }))} />
          </Form.Item>
          {kind === 'customers' && (
            <Form.Item label={t('import.pool')}>
              <Space>
                <Switch checked={pool} onChange={setPool} />
                {!pool && <Input placeholder={t('import.owner')} value={owner} onChange={(e) => setOwner(e.target.value)} />}
              </Space>
            </Form.Item>
          )}
          {kind === 'calls' && (
            <>
              <Form.Item label={t('import.format')}>
                <Select value={format} onChange={setFormat} options={[
                  { value: 'asterisk', label: t('import.format.asterisk') }, { value: 'csv', label: t('import.format.csv') }]} />
              </Form.Item>
              <Form.Item label={t('import.tz')}><Input value={tz} onChange={(e) => setTz(e.target.value)} /></Form.Item>
              <Form.Item label={t('import.strip_prefix')}><Input value={prefix} onChange={(e) => setPrefix(e.target.value)} placeholder="9" /></Form.Item>
            </>
          )}
          <Form.Item label={t('import.file')} extra={t('import.file_hint')}>
            <Upload accept=".csv,.txt,.xlsx,text/csv" maxCount={1} beforeUpload={choose} showUploadList={!!file}
              onRemove={() => setFile(null)} data-testid="import-file">
              <Button>{t('import.file')}</Button>
            </Upload>
          </Form.Item>
          {kind !== 'calls' || format === 'csv' ? (
            <Form.Item label={t('import.template')}>
              <Space>
                {(['xlsx', 'csv'] as const).map((f) => (
                  <a key={f} href={`/api/v1/imports/templates/${kind}?format=${f}&lang=${locale === 'en' ? 'en' : 'zh'}`} data-testid={`template-${f}`}>
                    {t(f === 'xlsx' ? 'import.template_xlsx' : 'import.template_csv')}
                  </a>
                ))}
              </Space>
            </Form.Item>
          ) : null}
          <Button type="primary" disabled={!file} loading={busy} data-testid="import-check"
            onClick={() => run({ dry_run: 'true' }, setCheck)}>{t('import.check')}</Button>
        </Form>
      )}
      {step === 1 && check && (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('import.encoding')}><Tag data-testid="import-encoding">{check.encoding}</Tag></Descriptions.Item>
          </Descriptions>
          <Alert type={check.rejected ? 'warning' : 'success'} showIcon style={{ marginBottom: 16 }} data-testid="import-summary"
            message={t('import.summary', { read: check.read, ok, rejected: check.rejected, duplicates: check.duplicates })}
            description={check.rejected ? t('import.all_or_nothing') : undefined} />
          {check.mapping && (
            <Card size="small" title={t('import.mapping')} style={{ marginBottom: 16 }}>
              <Space wrap>
                {(preview[0] ?? []).map((h) => (
                  <Space key={h} size={4}>
                    <span>{h} →</span>
                    <Select size="small" style={{ width: 140 }} value={map[h] ?? check.mapping?.[h] ?? 'ignore'}
                      onChange={(f) => setMap((m) => ({ ...m, [h]: f }))}
                      options={CUSTOMER_FIELDS.map((f) => ({ value: f, label: t(`field.${f}` as MessageKey) }))} />
                  </Space>
                ))}
              </Space>
              {Object.keys(map).length > 0 && (
                <div style={{ marginTop: 8 }}>
                  <Button size="small" onClick={() => run({ dry_run: 'true' }, setCheck)} loading={busy}>{t('import.check')}</Button>
                </div>
              )}
            </Card>
          )}
          {check.errors.length > 0 && (
            <Table size="small" rowKey={(e) => `${e.line}-${e.column ?? ''}`} pagination={{ pageSize: 10 }}
              title={() => t('import.errors')} dataSource={check.errors} data-testid="import-errors" style={{ marginBottom: 16 }}
              columns={[
                { title: t('import.line'), dataIndex: 'line', width: 80 },
                { title: t('import.column'), dataIndex: 'column', width: 140, render: (c: string | null) => c ?? '—' },
                { title: t('import.reason'), dataIndex: 'reason' },
              ]} />
          )}
          <Table size="small" pagination={false} title={() => t('import.preview')} scroll={{ x: true }} style={{ marginBottom: 16 }}
            rowKey={(_, i) => String(i)} dataSource={(hasHeader ? preview.slice(1) : preview).map((r) => ({ ...r }))}
            columns={(hasHeader ? preview[0] ?? [] : (preview[0] ?? []).map((_, i) => String(i + 1))).map((h, i) => ({ title: h, dataIndex: String(i) }))} />
          <Space>
            <Button onClick={() => setCheck(null)}>{t('import.back')}</Button>
            <Button type="primary" loading={busy} data-testid="import-all" onClick={() => run({}, setDone)}>{t('import.commit_all')}</Button>
            {check.rejected > 0 && (
              <Button loading={busy} data-testid="import-partial" onClick={() => run({ partial: 'true' }, setDone)}>{t('import.commit_partial')}</Button>
            )}
          </Space>
        </>
      )}
      {step === 2 && done && (
        <Result status={done.committed ? 'success' : 'warning'} title={t('import.done')}
          subTitle={<span data-testid="import-result">{t('import.result', { read: done.read, imported: importedOf(done), duplicates: done.duplicates, rejected: done.rejected })}</span>}
          extra={
            <Space direction="vertical">
              {done.rejects_url && <a href={done.rejects_url} download data-testid="import-rejects">{t('import.rejects')}</a>}
              <Button onClick={() => { setFile(null); setCheck(null); setDone(null); setPreview([]); }}>{t('import.again')}</Button>
            </Space>
          } />
      )}
    </Card>
  );
}
