// Uploading or editing a draft: paste or choose the policy file, check it (every problem with its line and column,
// the worked examples run), and save it as a draft for the director to approve.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, List, Modal, Space, Typography, message } from 'antd';
import { api, ApiError } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useI18n } from '../../i18n';
import type { PolicyDetail, Problem } from './types';

interface Props {
  open: boolean;
  /** The draft being edited; absent: a new one. */
  draft?: { id: number; text: string; note: string };
  onClose: () => void;
  onSaved: (v: PolicyDetail) => void;
}

export function DraftEditor({ open, draft, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [passed, setPassed] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    setText(draft?.text ?? '');
    setNote(draft?.note ?? '');
    setProblems(null);
    setPassed(null);
  }, [open, draft]);

  function edited(v: string) {
    setText(v);
    setProblems(null);
    setPassed(null);
  }
  async function check() {
    setBusy(true);
    try {
      const r = await api<{ ok: boolean; problems: Problem[]; examples: number }>('POST', '/api/v1/policies/check', { text });
      setProblems(r.problems);
      setPassed(r.ok ? r.examples : null);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  async function save() {
    setBusy(true);
    try {
      const v = draft
        ? await api<PolicyDetail>('PUT', `/api/v1/policies/${draft.id}`, { text, note })
        : await api<PolicyDetail>('POST', '/api/v1/policies', { text, note });
      message.success(t('rules.draft_saved'));
      onSaved(v);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'policy.invalid' && Array.isArray(e.details.problems)) {
        setProblems(e.details.problems as Problem[]);
        setPassed(null);
      } else {
        message.error(errorText(e));
      }
    } finally {
      setBusy(false);
    }
  }
  function choose(f: File | undefined) {
    if (!f) return;
    f.text().then(edited).catch((e) => message.error(errorText(e)));
  }

  return (
    <Modal open={open} width={900} title={draft ? t('rules.edit') : t('rules.upload')} onCancel={onClose} destroyOnClose
      footer={[
        <Button key="check" onClick={check} loading={busy} disabled={!text.trim()} data-testid="draft-check">{t('rules.check')}</Button>,
        <Button key="save" type="primary" onClick={save} loading={busy} disabled={!text.trim()} data-testid="draft-save">
          {draft ? t('rules.save_changes') : t('rules.save_draft')}
        </Button>,
      ]}>
      <Typography.Paragraph type="secondary">{t('rules.upload_hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button onClick={() => file.current?.click()} data-testid="draft-choose">{t('rules.choose_file')}</Button>
        <input ref={file} type="file" accept=".toml,text/plain" style={{ display: 'none' }} data-testid="draft-file"
          onChange={(e) => choose(e.target.files?.[0])} />
      </Space>
      <Input.TextArea value={text} onChange={(e) => edited(e.target.value)} rows={16} spellCheck={false}
        style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="draft-text" />
      <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder={t('rules.note')}
        style={{ marginTop: 8 }} data-testid="draft-note" />
      {passed !== null && <Alert style={{ marginTop: 8 }} type="success" showIcon message={t('rules.check_ok', { examples: passed })} data-testid="draft-ok" />}
      {problems !== null && problems.length > 0 && (
        <Alert style={{ marginTop: 8 }} type="error" showIcon message={t('rules.problems', { n: problems.length })} data-testid="draft-problems"
          description={
            <List size="small" dataSource={problems} renderItem={(p) => (
              <List.Item style={{ padding: '2px 0' }}>
                <Typography.Text strong>{t('rules.line', { line: p.line, column: p.column })}</Typography.Text>：{p.reason}
              </List.Item>
            )} />
          } />
      )}
    </Modal>
  );
}
