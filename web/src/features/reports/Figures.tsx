// A report's figures as the metric layer counted them: calls, customers found, sales (yuan).
import { Descriptions } from 'antd';
import { useI18n } from '../../i18n';
import { useNumber } from '../../shared/time';
import { REPORT_FIGURES, type Figures as FigureValues } from './types';

export function Figures({ figures, title, testId }: { figures: FigureValues; title: string; testId: string }) {
  const { t } = useI18n();
  const number = useNumber();
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 3, md: 4 }} title={title} data-testid={testId}
      items={REPORT_FIGURES.map((k) => ({
        key: k,
        label: t(`reports.figure.${k}`),
        children: k.endsWith('_fen') ? (figures[k] / 100).toFixed(2) : number(figures[k] ?? 0),
      }))} />
  );
}
