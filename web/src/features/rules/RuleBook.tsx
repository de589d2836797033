// The rules as people read them, in the UI's language: each section of the policy rendered by the server from the
// policy itself, and — beside a new version — what changed from the one it replaces.
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { DiffLine, PolicyDiff, RuleSection } from './types';

export function RuleBook({ sections }: { sections: RuleSection[] }) {
  const { locale } = useI18n();
  const en = locale === 'en';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="rule-book">
      {sections.map((s) => (
        <Card key={s.key} size="small" title={en ? s.title.en : s.title.zh} data-testid={`rules-${s.key}`}>
          <List size="small" dataSource={en ? s.en : s.zh} split={false}
            renderItem={(line) => <List.Item style={{ padding: '4px 0' }}>{line}</List.Item>} />
        </Card>
      ))}
    </Space>
  );
}

function Line({ line }: { line: DiffLine }) {
  const color = line.op === '+' ? '#237804' : line.op === '-' ? '#a8071a' : undefined;
  const background = line.op === '+' ? '#f6ffed' : line.op === '-' ? '#fff1f0' : undefined;
  return (
    <div style={{ color, background, padding: '2px 6px', whiteSpace: 'pre-wrap', wordBreak: 'break-word',
      textDecoration: line.op === '-' ? 'line-through' : undefined }}>
      {line.op === ' ' ? '\u00a0\u00a0' : line.op + ' '}{line.text}
    </div>
  );
}

/** The rule-book sections that changed, each line kept, added (+) or removed (−). */
export function RuleChanges({ diff }: { diff: PolicyDiff }) {
  const { t, locale } = useI18n();
  const en = locale === 'en';
  const changed = diff.rules.filter((s) => s.changed);
  if (changed.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rules.no_changes')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="rule-changes">
      {changed.map((s) => (
        <div key={s.key}>
          <Typography.Text strong>{en ? s.title.en : s.title.zh}</Typography.Text>
          {(en ? s.en : s.zh).filter((l) => l.op !== ' ').map((l, i) => <Line key={i} line={l} />)}
        </div>
      ))}
    </Space>
  );
}

/** The policy file line by line against another version: only the lines that changed, each with its neighbours. */
export function TextDiff({ lines }: { lines: DiffLine[] }) {
  const keep = new Set<number>();
  lines.forEach((l, i) => {
    if (l.op !== ' ') for (let j = Math.max(0, i - 2); j <= Math.min(lines.length - 1, i + 2); j++) keep.add(j);
  });
  return (
    <div style={{ fontFamily: 'monospace', fontSize: 12, overflowX: 'auto' }} data-testid="text-diff">
      {lines.map((l, i) => (keep.has(i) ? <Line key={i} line={l} /> : keep.has(i - 1) ? <div key={i}>⋯</div> : null))}
    </div>
  );
}

export function StatusTag({ status }: { status: 'draft' | 'approved' | 'published' }) {
  const { t } = useI18n();
  const color = status === 'published' ? 'green' : status === 'approved' ? 'blue' : 'default';
  return <Tag color={color}>{t(`rules.status.${status}`)}</Tag>;
}
