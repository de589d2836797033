// An attendance outcome as tags: "late+early" is two; "present" is green.
import { Space, Tag } from 'antd';
import { knownKey, useI18n } from '../../i18n';

export function Outcome({ outcome, testId }: { outcome: string | null; testId?: string }) {
  const { t } = useI18n();
  if (!outcome) return null;
  return (
    <Space size={4} wrap data-testid={testId} data-outcome={outcome}>
      {outcome.split('+').map((part) => {
        const k = knownKey(`outcome.${part}`);
        return <Tag key={part} color={part === 'present' ? 'green' : part.startsWith('absent') ? 'red' : 'orange'}>{k ? t(k) : part}</Tag>;
      })}
    </Space>
  );
}
