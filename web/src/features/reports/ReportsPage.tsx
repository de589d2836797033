// Work reports (工作汇报): an agent writes the week's or month's report with its figures filled in and sends it to the
// direct supervisor, cc the assistant; supervisors and managers answer every report — what still waits is listed
// oldest first with its age, and a question may be left open (said so) to answer later; the activity funds the
// fines feed are a tab of their own.
import { useState } from 'react';
import { Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import { hasRight, useAuth } from '../../shared/auth';
import { PagedTable } from '../../shared/PagedTable';
import { usePagedList } from '../../shared/usePagedList';
import { useCompanyTime } from '../../shared/time';
import { useI18n } from '../../i18n';
import { FundPanel } from './FundPanel';
import { ReportDrawer } from './ReportDrawer';
import { WriteReportModal } from './WriteReportModal';
import type { ReplyState, WorkReport } from './types';

const STATE_COLOR: Record<ReplyState, string> = { unanswered: 'orange', question_open: 'gold', answered: 'green' };

export default function ReportsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const writer = hasRight(user, 'own_desk');
  const answerer = hasRight(user, 'answer_reports');
  const reader = answerer || user?.role === 'assistant';
  const [tab, setTab] = useState(writer ? 'mine' : answerer ? 'inbox' : 'team');
  return (
    <>
      <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
      <Tabs activeKey={tab} onChange={setTab} destroyInactiveTabPane items={[
        ...(writer ? [{ key: 'mine', label: t('reports.mine'), children: <MyReports /> }] : []),
        ...(answerer ? [{ key: 'inbox', label: t('reports.inbox'), children: <ReportList view="inbox" /> }] : []),
        ...(reader ? [{ key: 'team', label: t('reports.team'), children: <ReportList view="team" /> }] : []),
        ...(answerer ? [{ key: 'fund', label: t('reports.fund'), children: <FundPanel /> }] : []),
      ]} />
    </>
  );
}

/** "3 小时" / "2 天": how long a report has waited. */
function useAge() {
  const { t } = useI18n();
  return (seconds: number) => seconds < 86400
    ? t('reports.age_hours', { n: Math.max(1, Math.floor(seconds / 3600)) })
    : t('reports.age_days', { n: Math.floor(seconds / 86400) });
}

function useColumns(withPerson: boolean, open: (r: WorkReport) => void) {
  const { t } = useI18n();
  const time = useCompanyTime();
  return [
    ...(withPerson ? [{ title: t('reports.person'), dataIndex: 'user_name', width: 100 }] : []),
    { title: t('reports.kind'), dataIndex: 'kind', width: 70, render: (k: WorkReport['kind']) => t(`reports.kind.${k}`) },
    { title: t('reports.period'), key: 'period', width: 190, render: (_: unknown, r: WorkReport) => <span>{r.period}<Typography.Text type="secondary" style={{ fontSize: 12 }}> {r.from}~{r.to.slice(5)}</Typography.Text></span> },
    {
      title: t('reports.sent_at'), key: 'sent', width: 200,
      render: (_: unknown, r: WorkReport) => (
        <Space size={4}>
          {time.dateTime(r.submitted_at)}
          <Tag color={r.standing === 'late' ? 'red' : 'green'} data-testid={`report-standing-${r.id}`}>{t(`reports.standing.${r.standing}`)}</Tag>
        </Space>
      ),
    },
    { title: t('reports.state'), dataIndex: 'reply_state', width: 110, render: (s: ReplyState, r: WorkReport) => <Tag color={STATE_COLOR[s]} data-testid={`report-state-${r.id}`}>{t(`reports.state.${s}`)}</Tag> },
    { title: '', key: 'open', width: 80, render: (_: unknown, r: WorkReport) => <Button size="small" onClick={() => open(r)} data-testid={`report-open-${r.id}`}>{t('reports.open')}</Button> },
  ];
}

function MyReports() {
  const { t } = useI18n();
  const [writing, setWriting] = useState(false);
  const [opened, setOpened] = useState<number | null>(null);
  const list = usePagedList<WorkReport>('/api/v1/reports', { view: 'mine' });
  const columns = useColumns(false, (r) => setOpened(r.id));
  return (
    <Card size="small" extra={<Button type="primary" onClick={() => setWriting(true)} data-testid="report-write">{t('reports.write')}</Button>}>
      <PagedTable<WorkReport> list={list} testId="my-reports" scroll={{ x: 760 }} columns={columns} locale={{ emptyText: t('reports.empty_mine') }} />
      <WriteReportModal open={writing} onClose={() => setWriting(false)} onOpen={(id) => { setWriting(false); setOpened(id); }}
        onSent={(id) => { setWriting(false); void list.reload(); setOpened(id); }} />
      <ReportDrawer id={opened} onClose={() => setOpened(null)} onChanged={() => void list.reload()} />
    </Card>
  );
}

function ReportList({ view }: { view: 'inbox' | 'team' }) {
  const { t } = useI18n();
  const age = useAge();
  const [opened, setOpened] = useState<number | null>(null);
  const list = usePagedList<WorkReport>('/api/v1/reports', { view });
  const columns = useColumns(true, (r) => setOpened(r.id));
  const withAge = view === 'inbox'
    ? [...columns.slice(0, -1), { title: t('reports.age'), dataIndex: 'age_seconds', width: 80, render: (s: number) => age(s) }, columns[columns.length - 1]]
    : columns;
  return (
    <Card size="small">
      <PagedTable<WorkReport> list={list} testId={`reports-${view}`} scroll={{ x: 900 }} columns={withAge}
        locale={view === 'inbox' ? { emptyText: t('reports.empty_inbox') } : undefined} />
      <ReportDrawer id={opened} onClose={() => setOpened(null)} onChanged={() => void list.reload()} />
    </Card>
  );
}
