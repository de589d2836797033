// Administration: users — find by name, role and team; create, change role/team/extension, reset a password,
// disable and re-enable (never one's own account; the server also keeps the last admin). Employment — probation,
// regular, or left with the last day worked and how (the payroll pays a leaver's days and judges a resignation).
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type User } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import { showFieldError, useErrorText } from '../../shared/errors';
import { useI18n, type MessageKey } from '../../i18n';
import { usePagedList } from '../../shared/usePagedList';
import { useTeams } from './useTeams';
import { PagedTable } from '../../shared/PagedTable';

const ROLES = ['agent', 'supervisor', 'manager', 'field_rep', 'qa', 'assistant', 'director', 'finance', 'admin'];
const EMPLOYMENT = ['probation', 'regular', 'left'];
const EMPLOYMENT_COLOR: Record<string, string> = { probation: 'orange', regular: 'blue', left: 'default' };

export default function UsersPage() {
  const { t } = useI18n();
  const { user: me } = useAuth();
  const errorText = useErrorText();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string>();
  const [team, setTeam] = useState<number>();
  const [withDisabled, setWithDisabled] = useState(true);
  const list = usePagedList<User>('/api/v1/users', {
    q: q || undefined, role, team_id: team ? String(team) : undefined, disabled: withDisabled ? undefined : 'false',
  });
  const { teams } = useTeams();
  const teamName = Object.fromEntries(teams.map((x) => [x.id, x.name]));
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  async function setDisabled(u: User, disabled: boolean) {
    try {
      await api('POST', `/api/v1/users/${u.id}/${disabled ? 'disable' : 'enable'}`);
      message.success(t(disabled ? 'users.disabled_done' : 'users.enabled_done'));
      await list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  }
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('users.title')}</Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="user-add">{t('users.add')}</Button>
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <div data-testid="user-search">
          <Input.Search allowClear placeholder={t('users.search')} onSearch={setQ} style={{ width: 220 }} enterButton={t('common.search')} />
        </div>
        <Select allowClear placeholder={t('users.all_roles')} value={role} onChange={setRole} style={{ width: 140 }} data-testid="user-role-filter"
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} />
        <Select allowClear showSearch optionFilterProp="label" placeholder={t('users.all_teams')} value={team} onChange={setTeam}
          style={{ width: 160 }} data-testid="user-team-filter" options={teams.map((x) => ({ value: x.id, label: x.name }))} />
        <Space><Switch checked={withDisabled} onChange={setWithDisabled} />{t('users.show_disabled')}</Space>
      </Space>
      <PagedTable<User>
        list={list}
        size="middle"
        testId="users-table"
        scroll={{ x: 1000 }}
        columns={[
          { title: t('users.username'), dataIndex: 'username', fixed: 'left', width: 110 },
          { title: t('users.name'), dataIndex: 'display_name', render: (n: string, u: User) => (u.id === me?.id ? n + t('users.you') : n) },
          { title: t('users.role'), dataIndex: 'role', render: (r: string) => t(`role.${r}` as MessageKey) },
          { title: t('users.team'), dataIndex: 'team_id', render: (id: number) => teamName[id] ?? `#${id}` },
          { title: t('users.extension'), dataIndex: 'extension', render: (v: string | null) => v ?? '—' },
          {
            title: t('users.employment'), dataIndex: 'employment_status',
            render: (s: string | undefined, u: User) => (s ? (
              <span data-testid="user-employment">
                <Tag color={EMPLOYMENT_COLOR[s]}>{t(`users.emp.${s}` as MessageKey)}</Tag>
                {s === 'left' && u.left_on && (
                  <Typography.Text type="secondary">
                    {t('users.left_since', { date: u.left_on })}{u.left_reason ? ` · ${t(`users.left.${u.left_reason}` as MessageKey)}` : ''}
                  </Typography.Text>
                )}
              </span>
            ) : null),
          },
          {
            title: t('users.status'), dataIndex: 'disabled',
            render: (d: boolean) => (d ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>),
          },
          {
            title: t('users.actions'),
            render: (_: unknown, u: User) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing(u)}>{t('users.edit')}</Button>
                <Button size="small" onClick={() => setResetting(u)}>{t('users.reset_password')}</Button>
                {!u.disabled && u.id !== me?.id && (
                  <Popconfirm title={t('users.disable_confirm')} onConfirm={() => setDisabled(u, true)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                    <Button size="small" danger data-testid="user-disable">{t('users.disable')}</Button>
                  </Popconfirm>
                )}
                {u.disabled && (
                  <Button size="small" onClick={() => setDisabled(u, false)} data-testid="user-enable">{t('users.enable')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserForm user={editing === 'new' ? null : editing} teams={teams.map((x) => ({ value: x.id, label: x.name }))}
          onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void list.reload(); }} />
      )}
      {resetting && <ResetPassword user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}

function UserForm({ user, teams, onClose, onSaved }: {
  user: User | null; teams: { value: number; label: string }[]; onClose: () => void; onSaved: () => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const fields = ['username', 'display_name', 'role', 'team_id', 'password', 'extension', 'hired_on', 'employment_status',
    'level', 'left_on', 'left_reason'];
  const status = Form.useWatch('employment_status', form) as string | undefined;
  async function submit(v: Record<string, unknown> & { hired_on?: Dayjs; left_on?: Dayjs }) {
    setBusy(true);
    const body: Record<string, unknown> = {
      display_name: v.display_name ?? '',
      role: v.role,
      team_id: v.team_id,
      extension: v.extension ? v.extension : null,
      employment_status: v.employment_status,
      level: v.level,
    };
    if (v.hired_on) body.hired_on = v.hired_on.format('YYYY-MM-DD');
    if (v.employment_status === 'left') {
      if (v.left_on) body.left_on = v.left_on.format('YYYY-MM-DD');
      body.left_reason = v.left_reason;
    }
    try {
      if (user) {
        await api('PATCH', `/api/v1/users/${user.id}`, body);
        message.success(t('users.saved'));
      } else {
        await api('POST', '/api/v1/users', { ...body, username: v.username, password: v.password });
        message.success(t('users.created'));
      }
      onSaved();
    } catch (e) {
      if (!showFieldError(form, e, fields, errorText)) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={user ? `${t('users.edit')} · ${user.username}` : t('users.add')} onCancel={onClose}
      onOk={() => form.submit()} confirmLoading={busy} okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnClose>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="user-form"
        initialValues={user ? {
          display_name: user.display_name, role: user.role, team_id: user.team_id, extension: user.extension,
          hired_on: user.hired_on ? dayjs(user.hired_on) : undefined, employment_status: user.employment_status ?? 'probation',
          level: user.level ?? 1, left_on: user.left_on ? dayjs(user.left_on) : undefined, left_reason: user.left_reason ?? undefined,
        } : { role: 'agent', employment_status: 'probation', level: 1 }}>
        {!user && (
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true }]}>
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item name="display_name" label={t('users.name')}>
          <Input data-testid="user-name" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))} data-testid="user-role" />
        </Form.Item>
        <Form.Item name="team_id" label={t('users.team')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={teams} data-testid="user-team" />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t('users.password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        <Form.Item name="extension" label={t('users.extension')}>
          <Input data-testid="user-extension" />
        </Form.Item>
        <Form.Item name="hired_on" label={t('users.hired_on')}>
          <DatePicker style={{ width: '100%' }} data-testid="user-hired-on" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="employment_status" label={t('users.employment')} style={{ flex: 2 }}>
            <Select options={EMPLOYMENT.map((s) => ({ value: s, label: t(`users.emp.${s}` as MessageKey) }))} data-testid="user-employment-status" />
          </Form.Item>
          <Form.Item name="level" label={t('users.level')} style={{ flex: 1 }}>
            <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} data-testid="user-level" />
          </Form.Item>
        </div>
        {status === 'left' && (
          <>
            <Alert type="info" showIcon message={t('users.left_hint')} style={{ marginBottom: 12 }} />
            <Form.Item name="left_on" label={t('users.left_on')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="user-left-on" />
            </Form.Item>
            <Form.Item name="left_reason" label={t('users.left_reason')} rules={[{ required: true }]}>
              <Select options={['resigned', 'dismissed'].map((r) => ({ value: r, label: t(`users.left.${r}` as MessageKey) }))} data-testid="user-left-reason" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function ResetPassword({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  async function submit(v: { password: string }) {
    setBusy(true);
    try {
      await api('POST', `/api/v1/users/${user.id}/password`, { password: v.password });
      message.success(t('users.password_reset'));
      onClose();
    } catch (e) {
      if (!showFieldError(form, e, ['password'], errorText)) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={`${t('users.reset_password')} · ${user.username}`} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={busy} okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnClose>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="password" label={t('users.new_password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
