// One customer: the record, a form to log a call and its follow-up in one go, and the timeline.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Input, Modal, Row, Space, Spin, Tag, message } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError, type Customer, type Page } from '../../shared/api';
import { knownKey, useI18n } from '../../i18n';
import { Timeline } from './Timeline';
import { CustomerForm } from './CustomerForm';
import { canClaimPool, canLogCalls, canWriteCustomers, useAuth } from '../../shared/auth';
import { useErrorText } from '../../shared/errors';
import { useCompanyTime } from '../../shared/time';
import { PhoneLinks } from '../../shared/PhoneLinks';
import { ClaimCard, LogCallForm } from '../calls/LogCallForm';
import { LeadSignOffCard } from '../leads/LeadSignOffCard';

interface FullCustomer extends Customer {
  title: string;
  industry: string;
  source: string;
  tags: string[];
  notes: string;
  owner_name: string | null;
}

/** An agent gives a customer back to the public pool, saying why (the timeline and audit keep it). */
function ReleaseDialog({ customerId, onClose, onDone }: { customerId: number; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function release() {
    if (!reason.trim()) {
      setError(t('customer.release_reason_required'));
      return;
    }
    setBusy(true);
    try {
      await api('POST', `/api/v1/customers/${customerId}/release`, { reason });
      message.success(t('customer.released'));
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={t('customer.release')} onCancel={onClose} onOk={release} confirmLoading={busy}
      okText={t('common.ok')} cancelText={t('common.cancel')} destroyOnClose>
      <p>{t('customer.release_note')}</p>
      <Input.TextArea rows={2} maxLength={200} value={reason} onChange={(e) => { setReason(e.target.value); setError(null); }}
        placeholder={t('customer.release_hint')} status={error ? 'error' : undefined} data-testid="release-reason" />
      {error && <div role="alert" style={{ color: '#ff4d4f', marginTop: 8 }}>{error}</div>}
    </Modal>
  );
}

/** From the desk: the next due customer after this one (N), so the agent works the queue without going back. */
function NextDue({ current }: { current: number }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const time = useCompanyTime();
  const navigate = useNavigate();
  const next = useCallback(async () => {
    if (!user) return;
    const p = await api<Page<Customer>>('GET', `/api/v1/customers?owner_id=${user.id}&open=true&due_by=${time.today()}&sort=next_follow_up_on&limit=2`);
    const c = p.items.find((x) => x.id !== current);
    navigate(c ? `/customers/${c.id}?from=desk` : '/desk');
  }, [user, time, current, navigate]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || ['INPUT', 'TEXTAREA'].includes(target.tagName)) return;
      if (e.key === 'n' || e.key === 'N') void next();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next]);
  return <Button onClick={() => void next()} data-testid="next-due">{t('log.next_customer')} <kbd className="key-hint">N</kbd></Button>;
}

export default function CustomerPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const errorText = useErrorText();
  const time = useCompanyTime();
  const [search] = useSearchParams();
  const fromDesk = search.get('from') === 'desk';
  const [customer, setCustomer] = useState<FullCustomer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [timelineVersion, setTimelineVersion] = useState(0);
  const [editing, setEditing] = useState(false);
  const [releasing, setReleasing] = useState(false);
  const { user } = useAuth();

  const load = useCallback(async () => {
    try {
      setCustomer(await api<FullCustomer>('GET', `/api/v1/customers/${id}`));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return <Alert type="error" showIcon message={error.status === 404 ? t('customer.not_found') : errorText(error)}
      action={<Link to="/customers">{t('customer.back')}</Link>} data-testid="customer-error" />;
  }
  if (!customer) return <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />;
  const status = knownKey(`status.${customer.status}`);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Link to={fromDesk ? '/desk' : '/customers'}>← {t(fromDesk ? 'customer.back_desk' : 'customer.back')}</Link>
        {fromDesk && <NextDue current={customer.id} />}
      </Space>
      {releasing && (
        <ReleaseDialog customerId={customer.id} onClose={() => setReleasing(false)}
          onDone={() => { setReleasing(false); void load(); setTimelineVersion((v) => v + 1); }} />
      )}
      {editing && (
        <CustomerForm customer={customer} onClose={() => setEditing(false)}
          onSaved={() => { setEditing(false); void load(); setTimelineVersion((v) => v + 1); }} />
      )}
      <Card title={customer.company || customer.contact_name} style={{ marginTop: 12 }} data-testid="customer-card"
        extra={<Space>
          {user && canClaimPool(user) && customer.owner_id === user.id && (
            <Button onClick={() => setReleasing(true)} data-testid="customer-release">{t('customer.release')}</Button>
          )}
          {user && canWriteCustomers(user) && <Button onClick={() => setEditing(true)} data-testid="customer-edit">{t('customer.edit')}</Button>}
        </Space>}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('customers.contact')}>{customer.contact_name}</Descriptions.Item>
          <Descriptions.Item label={t('customer.title')}>{customer.title}</Descriptions.Item>
          <Descriptions.Item label={t('customers.phones')}>
            <PhoneLinks phones={customer.phones} />
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.grade')}>{customer.grade || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.status')}>
            <Tag data-testid="customer-status">{status ? t(status) : customer.status}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.region')}>{customer.region}</Descriptions.Item>
          <Descriptions.Item label={t('customer.industry')}>{customer.industry}</Descriptions.Item>
          <Descriptions.Item label={t('customer.source')}>{customer.source}</Descriptions.Item>
          <Descriptions.Item label={t('customers.owner')}>{customer.owner_name ?? t('customers.pool')}</Descriptions.Item>
          <Descriptions.Item label={t('customers.next_follow_up')}>{customer.next_follow_up_on ?? '—'}</Descriptions.Item>
          {customer.callback_at && <Descriptions.Item label={t('log.callback_at')}><span data-testid="customer-callback">{time.dateTime(customer.callback_at)}</span></Descriptions.Item>}
          <Descriptions.Item label={t('customer.tags')}>{customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label={t('customer.notes')} span={2}>{customer.notes}</Descriptions.Item>
        </Descriptions>
      </Card>
      {(customer.grade === 'A' || customer.grade === 'B') && (
        <LeadSignOffCard customerId={customer.id} mayAsk={!!user && canWriteCustomers(user) && customer.owner_id !== null} />
      )}
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={10}>
          {user && canLogCalls(user) && (customer.owner_id === null && canClaimPool(user) ? (
            <ClaimCard customerId={customer.id} onClaimed={() => { void load(); setTimelineVersion((v) => v + 1); }} />
          ) : (
            <LogCallForm customerId={customer.id} phone={customer.phones[0]} dialFocus={fromDesk} onSaved={() => {
              void load();
              setTimelineVersion((v) => v + 1);
            }} />
          ))}
        </Col>
        <Col xs={24} lg={14}>
          <Timeline customerId={customer.id} version={timelineVersion} />
        </Col>
      </Row>
    </>
  );
}
