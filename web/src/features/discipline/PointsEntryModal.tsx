// Entering a catalogue item for one person (记分): the item from the policy's catalogue with what it costs, a reason
// (required) and evidence. An item marked for dismissal — or an if_serious one entered as serious — goes to a
// manager as a case instead of points; the modal says so before it is sent.
import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Select, Typography, message } from 'antd';
import { api, ApiError } from '../../shared/api';
import { useErrorText } from '../../shared/errors';
import { useI18n } from '../../i18n';
import { useCatalogue } from './catalogue';
import { signed, yuan, type DismissalCase, type LedgerEntry } from './types';

interface Props {
  person: { user_id: number; display_name: string } | null;
  date: string;
  onClose: () => void;
  onDone: () => void;
}

export function PointsEntryModal({ person, date, onClose, onDone }: Props) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const { catalogue, error } = useCatalogue(date);
  // Items a closing run writes by itself (a missing weekly summary) are not entered by hand.
  const items = (catalogue?.points?.items ?? []).filter((i) => !i.automatic);
  const key: string | undefined = Form.useWatch('item', form);
  const serious: boolean = Form.useWatch('serious', form) ?? false;
  const item = items.find((i) => i.key === key);
  const goesToCase = item && (item.dismissal === 'always' || (item.dismissal === 'if_serious' && serious));

  async function submit(v: { item: string; reason: string; evidence?: string; serious?: boolean }) {
    if (!person) return;
    setBusy(true);
    try {
      const r = await api<{ entry: LedgerEntry | null; case: DismissalCase | null }>('POST', '/api/v1/discipline/entries', {
        user_id: person.user_id, date, item: v.item, reason: v.reason, evidence: v.evidence ?? '', serious: !!v.serious,
      });
      message.success(r.case ? t('points.case_raised') : t('points.entered'));
      form.resetFields();
      onDone();
    } catch (e) {
      const field = e instanceof ApiError && ['item', 'reason', 'evidence', 'serious'].includes(e.field ?? '') ? e.field! : 'item';
      form.setFields([{ name: field, errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={!!person} title={person ? t('points.title', { name: person.display_name, date }) : ''}
      onCancel={() => { form.resetFields(); onClose(); }} onOk={() => form.submit()} confirmLoading={busy}
      okText={goesToCase ? t('points.raise_case') : t('points.enter')} destroyOnClose>
      {error !== null && <Alert type="error" showIcon message={errorText(error)} />}
      {catalogue && !catalogue.points && <Alert type="info" showIcon message={t('points.no_ledger')} />}
      <Form form={form} layout="vertical" onFinish={submit} disabled={!catalogue?.points}>
        <Form.Item name="item" label={t('points.item')} rules={[{ required: true, message: t('points.item_required') }]}>
          <Select showSearch optionFilterProp="label" data-testid="points-item" placeholder={t('points.item_placeholder')}
            options={items.map((i) => ({
              value: i.key,
              label: `${locale === 'en' ? i.en : i.zh}${i.dismissal === 'always' ? '' : ` ${signed(i.points)}`}${i.fine_fen ? ` ¥${yuan(i.fine_fen)}` : ''}`,
            }))} />
        </Form.Item>
        {item?.dismissal === 'if_serious' && (
          <Form.Item name="serious" valuePropName="checked">
            <Checkbox data-testid="points-serious">{t('points.serious')}</Checkbox>
          </Form.Item>
        )}
        {goesToCase && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('points.case_note')} data-testid="points-case-note" />}
        <Form.Item name="reason" label={t('points.reason')} rules={[{ required: true, whitespace: true, message: t('points.reason_required') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="points-reason" />
        </Form.Item>
        <Form.Item name="evidence" label={t('points.evidence')}>
          <Input maxLength={200} placeholder={t('points.evidence_placeholder')} data-testid="points-evidence" />
        </Form.Item>
        {item && !goesToCase && (
          <Typography.Text type="secondary">
            {t('points.costs', { points: signed(item.points), yuan: yuan(item.fine_fen) })}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
