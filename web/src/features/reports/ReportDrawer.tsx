// One report as its supervisor reads it: the period and deadline, the figures it was sent with, the summary, plan
// and questions, the replies so far — and, for those who answer it, the reply form (a question may stay open).
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Drawer, Form, Input, Skeleton, Space, Tag, Timeline, Typography, message } from 'antd';
import { api } from '../../shared/api';
import { hasRight, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { Figures } from './Figures';
import type { WorkReport } from './types';

export function ReportDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const time = useCompanyTime();
  const errorText = useErrorText();
  const [report, setReport] = useState<WorkReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const load = useCallback(async (which: number) => {
    setError(null);
    try {
      setReport(await api<WorkReport>('GET', `/api/v1/reports/${which}`));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    setReport(null);
    if (id !== null) void load(id);
  }, [id, load]);
  const mayAnswer = report && hasRight(user, 'answer_reports') && report.user_id !== user?.id;
  async function reply(v: { body: string; question_open?: boolean }) {
    if (!report) return;
    setBusy(true);
    try {
      setReport(await api<WorkReport>('POST', `/api/v1/reports/${report.id}/replies`, { body: v.body, question_open: !!v.question_open }));
      message.success(t('reports.replied'));
      form.resetFields();
      onChanged();
    } catch (e) {
      form.setFields([{ name: 'body', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  const title = report ? `${report.user_name} · ${t(`reports.kind.${report.kind}`)} ${report.period}` : '';
  return (
    <Drawer open={id !== null} onClose={onClose} title={title} width={Math.min(720, window.innerWidth)} destroyOnClose data-testid="report-drawer">
      {error ? <Alert type="error" showIcon message={errorText(error)} /> : !report ? <Skeleton active /> : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} items={[
            { key: 'period', label: t('reports.period'), children: `${report.from} ~ ${report.to}` },
            {
              key: 'sent', label: t('reports.sent_at'),
              children: <Space size={4}>{time.dateTime(report.submitted_at)}<Tag color={report.standing === 'late' ? 'red' : 'green'}>{t(`reports.standing.${report.standing}`)}</Tag>
                <Typography.Text type="secondary">{t('reports.due_at', { time: time.dateTime(report.due_at) })}</Typography.Text></Space>,
            },
            { key: 'to', label: t('reports.person'), children: [report.to_name && t('reports.to', { name: report.to_name }), report.cc_name && t('reports.cc', { name: report.cc_name })].filter(Boolean).join(' · ') },
          ]} />
          <Figures figures={report.figures} title={t('reports.figures')} testId="report-figures" />
          <Section title={t('reports.summary')} text={report.summary} testId="report-summary-text" />
          {report.plan && <Section title={t('reports.plan')} text={report.plan} testId="report-plan-text" />}
          {report.questions && <Section title={t('reports.questions')} text={report.questions} testId="report-questions-text" />}
          <div>
            <Typography.Title level={5}>{t('reports.replies')}</Typography.Title>
            {report.replies.length === 0 ? <Typography.Text type="secondary">{t('reports.no_replies')}</Typography.Text> : (
              <Timeline data-testid="report-replies" items={report.replies.map((r) => ({
                key: r.id,
                color: r.question_open ? 'gold' : 'green',
                children: (
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{r.user_name} <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>{time.dateTime(r.created_at)}</Typography.Text></Typography.Text>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.body}</Typography.Paragraph>
                    {r.question_open && <Tag color="gold">{t('reports.question_pending')}</Tag>}
                  </Space>
                ),
              }))} />
            )}
          </div>
          {mayAnswer && (
            <Form form={form} layout="vertical" onFinish={reply}>
              <Form.Item name="body" label={t('reports.reply_body')} rules={[{ required: true, whitespace: true, message: t('reports.reply_required') }]}>
                <Input.TextArea rows={3} maxLength={3000} showCount data-testid="report-reply-body" />
              </Form.Item>
              {report.questions && (
                <Form.Item name="question_open" valuePropName="checked">
                  <Checkbox data-testid="report-question-open">{t('reports.question_open')}</Checkbox>
                </Form.Item>
              )}
              <Button type="primary" htmlType="submit" loading={busy} data-testid="report-reply-send">{t('reports.reply')}</Button>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}

function Section({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <div>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>{text}</Typography.Paragraph>
    </div>
  );
}
