// A metric's figure as people read it: money (the *_fen metrics) in yuan, the rest as counts.
export const isMoney = (metric: string) => metric.endsWith('_fen');
export function figure(metric: string, value: number): string {
  return isMoney(metric) ? `¥${(value / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : value.toLocaleString('zh-CN');
}
