// One customer: the record, a form to log a call and its follow-up in one go, and the timeline.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Spin, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type Customer } from '../api';
import { useI18n, type MessageKey } from '../i18n';
import { Timeline } from './Timeline';
import { CustomerForm } from './CustomerForm';
import { canClaimPool, canLogCalls, canWriteCustomers, useAuth } from '../auth';
import { ClaimCard, LogCallForm } from './LogCallForm';

interface FullCustomer extends Customer {
  title: string;
  industry: string;
  source: string;
  tags: string[];
  notes: string;
}

export default function CustomerPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const [customer, setCustomer] = useState<FullCustomer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [timelineVersion, setTimelineVersion] = useState(0);
  const [editing, setEditing] = useState(false);
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
    return <Alert type="error" showIcon message={error.status === 404 ? t('customer.not_found') : error.message}
      action={<Link to="/customers">{t('customer.back')}</Link>} data-testid="customer-error" />;
  }
  if (!customer) return <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />;
  return (
    <>
      <Link to="/customers">← {t('customer.back')}</Link>
      {editing && (
        <CustomerForm customer={customer} onClose={() => setEditing(false)}
          onSaved={() => { setEditing(false); void load(); setTimelineVersion((v) => v + 1); }} />
      )}
      <Card title={customer.company || customer.contact_name} style={{ marginTop: 12 }} data-testid="customer-card"
        extra={user && canWriteCustomers(user) && <Button onClick={() => setEditing(true)} data-testid="customer-edit">{t('customer.edit')}</Button>}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('customers.contact')}>{customer.contact_name}</Descriptions.Item>
          <Descriptions.Item label={t('customer.title')}>{customer.title}</Descriptions.Item>
          <Descriptions.Item label={t('customers.phones')}>
            {customer.phones.map((p, i) => (
              <span key={p}>{i > 0 && ' / '}{p.includes('*') ? p : <a href={`tel:${p}`}>{p}</a>}</span>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.grade')}>{customer.grade || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.status')}>
            <Tag data-testid="customer-status">{t(`status.${customer.status}` as MessageKey)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.region')}>{customer.region}</Descriptions.Item>
          <Descriptions.Item label={t('customer.industry')}>{customer.industry}</Descriptions.Item>
          <Descriptions.Item label={t('customer.source')}>{customer.source}</Descriptions.Item>
          <Descriptions.Item label={t('customers.next_follow_up')}>{customer.next_follow_up_on ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customer.tags')}>{customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label={t('customer.notes')} span={2}>{customer.notes}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} lg={10}>
          {user && canLogCalls(user) && (customer.owner_id === null && canClaimPool(user) ? (
            <ClaimCard customerId={customer.id} onClaimed={() => { void load(); setTimelineVersion((v) => v + 1); }} />
          ) : (
            <LogCallForm customerId={customer.id} phone={customer.phones[0]} onSaved={() => {
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
