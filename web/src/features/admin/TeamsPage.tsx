// Administration: the team tree, and new teams under any team.
import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Tree, message } from 'antd';
import { api } from '../../shared/api';
import { showFieldError, useErrorText } from '../../shared/errors';
import { useI18n } from '../../i18n';
import { useTeams, type Team } from './useTeams';

interface Node { key: number; title: string; children: Node[] }

function tree(teams: Team[], parent: number | null): Node[] {
  return teams.filter((t) => t.parent_id === parent).map((t) => ({ key: t.id, title: t.name, children: tree(teams, t.id) }));
}

export default function TeamsPage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { teams, error, reload } = useTeams();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<Team | null>(null);
  const [editForm] = Form.useForm();
  async function save(v: { name: string; parent_id?: number }) {
    if (!selected) return;
    setBusy(true);
    try {
      await api('PATCH', `/api/v1/teams/${selected.id}`, { name: v.name, parent_id: v.parent_id ?? null });
      message.success(t('teams.saved'));
      setSelected(null);
      await reload();
    } catch (e) {
      if (!showFieldError(editForm, e, ['name', 'parent_id'], errorText)) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  async function add(v: { name: string; parent_id?: number }) {
    setBusy(true);
    try {
      await api('POST', '/api/v1/teams', { name: v.name, parent_id: v.parent_id ?? null });
      message.success(t('teams.created'));
      form.resetFields();
      await reload();
    } catch (e) {
      if (!showFieldError(form, e, ['name', 'parent_id'], errorText)) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Card title={t('teams.title')} data-testid="teams">
          {error && <Alert type="error" showIcon message={error.message} />}
          {teams.length > 0 && (
            <Tree defaultExpandAll treeData={tree(teams, null)} key={teams.map((x) => `${x.id}:${x.parent_id}:${x.name}`).join()}
              onSelect={(keys) => {
                const team = teams.find((x) => x.id === keys[0]) ?? null;
                setSelected(team);
                editForm.setFieldsValue({ name: team?.name, parent_id: team?.parent_id ?? undefined });
              }} />
          )}
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card title={t('teams.edit')} style={{ marginBottom: 16 }}>
          {!selected && <span style={{ color: '#888' }}>{t('teams.pick')}</span>}
          {selected && (
            <Form form={editForm} layout="vertical" onFinish={save}>
              <Form.Item name="name" label={t('teams.name')} rules={[{ required: true }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="parent_id" label={t('teams.parent')}>
                <Select allowClear showSearch optionFilterProp="label"
                  options={teams.filter((x) => x.id !== selected.id).map((x) => ({ value: x.id, label: x.name }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>{t('common.ok')}</Button>
            </Form>
          )}
        </Card>
        <Card title={t('teams.add')}>
          <Form form={form} layout="vertical" onFinish={add}>
            <Form.Item name="name" label={t('teams.name')} rules={[{ required: true }]}>
              <Input maxLength={100} data-testid="team-name" />
            </Form.Item>
            <Form.Item name="parent_id" label={t('teams.parent')}>
              <Select allowClear showSearch optionFilterProp="label" data-testid="team-parent"
                options={teams.map((x) => ({ value: x.id, label: x.name }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="team-submit">{t('teams.add')}</Button>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
