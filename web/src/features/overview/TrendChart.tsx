// The month's trend: dials and connects as bars, deals' revenue (yuan) as a line on its own axis. ECharts, only
// the parts used (the overview's chunk carries them; no other page does).
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface TrendPoint {
  date: string;
  dials: number;
  connects: number;
  revenue_fen: number;
}

export function TrendChart({ days, labels }: { days: TrendPoint[]; labels: { dials: string; connects: string; revenue: string } }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return undefined;
    const chart = echarts.init(box.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [labels.dials, labels.connects, labels.revenue] },
      grid: { left: 48, right: 64, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)) },
      yAxis: [{ type: 'value', name: labels.dials }, { type: 'value', name: labels.revenue, splitLine: { show: false } }],
      series: [
        { name: labels.dials, type: 'bar', data: days.map((d) => d.dials) },
        { name: labels.connects, type: 'bar', data: days.map((d) => d.connects) },
        { name: labels.revenue, type: 'line', yAxisIndex: 1, smooth: true, data: days.map((d) => d.revenue_fen / 100) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [days, labels]);
  return <div ref={box} style={{ width: '100%', height: 320 }} data-testid="trend-chart" />;
}
