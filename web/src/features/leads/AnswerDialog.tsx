// The field rep's answer to a sign-off request: signed with the visit's day (today by default), or declined with
// the reason. The server checks the day (not before the customer was found, not after today).
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import type { LeadSignOff } from './types';

export function AnswerDialog({ signoff, decision, onClose, onDone }: {
  signoff: LeadSignOff; decision: 'signed' | 'declined'; onClose: () => void; onDone: () => void;
}) {
  const { t } = useI18n();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const [visited, setVisited] = useState<Dayjs | null>(dayjs(time.today()));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const signing = decision === 'signed';
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/v1/lead-signoffs/${signoff.id}/answer`, {
        decision, note, ...(signing ? { visited_on: visited ? visited.format('YYYY-MM-DD') : '' } : {}),
      });
      message.success(t(signing ? 'signoffs.signed_ok' : 'signoffs.declined_ok'));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open onCancel={onClose} onOk={submit} confirmLoading={busy} okText={t(signing ? 'signoffs.sign' : 'signoffs.decline')}
      okButtonProps={{ danger: !signing, disabled: signing ? !visited : !note.trim(), id: 'signoff-answer-ok' }}
      title={t(signing ? 'signoffs.sign_title' : 'signoffs.decline_title', { company: signoff.company, grade: signoff.grade })}
      data-testid="signoff-answer">
      <Form layout="vertical">
        {signing && (
          <Form.Item label={t('signoffs.visited_on')} required>
            <DatePicker value={visited} onChange={setVisited} style={{ width: '100%' }} data-testid="signoff-visited"
              disabledDate={(d) => d.format('YYYY-MM-DD') > time.today() || d.format('YYYY-MM-DD') < signoff.found_on} />
          </Form.Item>
        )}
        <Form.Item label={t(signing ? 'signoffs.note' : 'signoffs.reason')} required={!signing}>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={3} data-testid="signoff-note" />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon message={errorText(error)} />}
    </Modal>
  );
}
