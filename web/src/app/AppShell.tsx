// The frame around every page: the menu (the route list's pages the user may open), the user's menu and the
// language switch.
import { useState } from 'react';
import { Button, Dropdown, Form, Grid, Input, Layout, Menu, Modal, message } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../shared/api';
import { useAuth } from '../shared/auth';
import { useErrorText } from '../shared/errors';
import { knownKey, useI18n } from '../i18n';
import { mayOpen, ROUTES, type AppRoute } from './routes';
import { PolicyNotice } from '../features/rules/PolicyNotice';

export default function AppShell() {
  const { t, locale, setLocale } = useI18n();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [changing, setChanging] = useState(false);
  // A submenu closes once a page is chosen from it, even while the pointer still rests on it.
  const [openKeys, setOpenKeys] = useState<string[]>([]);
  // On a phone the menu folds into "…", the language switch moves into the user's menu, the margins shrink.
  const wide = Grid.useBreakpoint().md !== false;
  if (!user) return null;
  const pages = ROUTES.filter((r) => r.menu && mayOpen(user, r));
  const role = knownKey(`role.${user.role}`);
  const selected = pages.map((r) => '/' + r.path).find((k) => location.pathname.startsWith(k)) ?? '';
  const items = menuItems(pages, t);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: wide ? 16 : 8, padding: wide ? '0 50px' : '0 12px' }}>
        <div style={{ color: '#fff', fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap' }}>{t('app.name')}</div>
        <div style={{ flex: 1, minWidth: 0 }} data-testid="nav">
          <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={items} openKeys={openKeys} onOpenChange={setOpenKeys}
            onClick={(e) => { setOpenKeys([]); navigate(e.key); }} />
        </div>
        {wide && (
          <Button type="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')} data-testid="lang-switch">
            {t('lang.switch')}
          </Button>
        )}
        <PolicyNotice />
        <Dropdown
          menu={{
            items: [
              ...(wide ? [] : [{ key: 'lang', label: t('lang.switch') }]),
              { key: 'password', label: t('user.change_password') },
              { key: 'logout', label: t('user.logout') },
            ],
            onClick: async (e) => {
              if (e.key === 'logout') {
                await logout();
                navigate('/login');
              } else if (e.key === 'lang') {
                setLocale(locale === 'en' ? 'zh-CN' : 'en');
              } else {
                setChanging(true);
              }
            },
          }}
        >
          <Button data-testid="user-menu">
            {wide && role ? `${user.display_name} · ${t(role)}` : user.display_name}
          </Button>
        </Dropdown>
      </Layout.Header>
      <Layout.Content style={{ padding: wide ? 24 : 12 }}>
        <Outlet />
      </Layout.Content>
      <ChangePassword open={changing} onClose={() => setChanging(false)} onChanged={async () => {
        setChanging(false);
        message.success(t('password.changed'));
        await logout();
        navigate('/login');
      }} />
    </Layout>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];
type MenuItem = { key: string; label: string; children?: MenuItem[] };
/** The menu in route order; a group becomes a submenu where its first page stands (flat when it has only one). */
function menuItems(pages: AppRoute[], t: Translate): MenuItem[] {
  const out: MenuItem[] = [];
  const groups = new Map<string, MenuItem>();
  for (const r of pages) {
    const item = { key: '/' + r.path, label: t(r.menu!) };
    const members = r.group ? pages.filter((p) => p.group === r.group) : [];
    if (!r.group || members.length < 2) {
      out.push(item);
      continue;
    }
    let group = groups.get(r.group);
    if (!group) {
      group = { key: r.group, label: t(r.group), children: [] };
      groups.set(r.group, group);
      out.push(group);
    }
    group.children!.push(item);
  }
  return out;
}

function ChangePassword({ open, onClose, onChanged }: { open: boolean; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  async function submit(v: { old_password: string; new_password: string; confirm: string }) {
    setBusy(true);
    try {
      await api('POST', '/api/v1/auth/password', { old_password: v.old_password, new_password: v.new_password });
      form.resetFields();
      onChanged();
    } catch (e) {
      const field = e instanceof ApiError && e.field === 'old_password' ? 'old_password' : 'new_password';
      form.setFields([{ name: field, errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open={open} title={t('user.change_password')} onCancel={onClose} onOk={() => form.submit()}
      okText={t('common.ok')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnClose>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="old_password" label={t('password.old')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="new_password" label={t('password.new')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('password.confirm')} dependencies={['new_password']} rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) => value === getFieldValue('new_password') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
