// The dashboard's charts, loaded only when the dashboard shows one (a separate chunk, so the
// initial JavaScript stays small): ECharts core with just the heat map and line charts, the
// grid, tooltip and legend components and the SVG renderer.
import { HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { HeatMapStage, RiskHeatMap, MetricSeries } from './types';

echarts.use([HeatmapChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type Chart = echarts.ECharts;

/** A likelihood × impact grid with each non-empty cell in its level's colour and its count. */
export function heatMap(
  element: HTMLElement,
  map: RiskHeatMap,
  stage: HeatMapStage,
  onCell: (likelihood: number, impact: number) => void,
): Chart {
  const chart = echarts.init(element, undefined, { renderer: 'svg' });
  const colour = new Map(map.levels.map((l) => [l.id, l.colour]));
  const label = new Map(map.levels.map((l) => [l.id, l.label]));
  const impacts = map.impact.map((s) => s.value);
  const likelihoods = map.likelihood.map((s) => s.value);
  chart.setOption({
    animation: false,
    tooltip: {
      formatter: (p: { data: { value: number[]; level: string } }) =>
        `${p.data.value[2]} risk(s), level ${label.get(p.data.level) ?? p.data.level}`,
    },
    grid: { left: 90, right: 10, top: 10, bottom: 60 },
    xAxis: { type: 'category', data: map.impact.map((s) => s.label), name: 'Impact', nameLocation: 'middle', nameGap: 35, splitArea: { show: true } },
    yAxis: { type: 'category', data: map.likelihood.map((s) => s.label), name: 'Likelihood', nameLocation: 'middle', nameGap: 75, splitArea: { show: true } },
    series: [
      {
        type: 'heatmap',
        label: { show: true, color: '#000' },
        data: stage.cells.map((c) => ({
          value: [impacts.indexOf(c.impact), likelihoods.indexOf(c.likelihood), c.count],
          level: c.level,
          itemStyle: { color: colour.get(c.level) ?? '#ccc', borderColor: '#fff', borderWidth: 2 },
        })),
      },
    ],
  });
  chart.on('click', (p) => {
    const value = (p.data as { value: number[] }).value;
    onCell(likelihoods[value[1]], impacts[value[0]]);
  });
  return chart;
}

/** One line per metric over its latest measurements. */
export function trends(element: HTMLElement, series: MetricSeries[]): Chart {
  const chart = echarts.init(element, undefined, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value' },
    series: series.map((s) => ({
      type: 'line',
      name: s.metric.name,
      data: s.points.map((p) => [p.date, p.value]),
    })),
  });
  return chart;
}
