// A metric's trend chart, loaded only when a metric's page shows one (a separate chunk, like the
// dashboard's charts, so the initial JavaScript stays small): ECharts core with the line chart,
// the grid, tooltip, legend and mark-line components and the SVG renderer.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { targetText, withUnit, type MetricTrend } from './metricTrend';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type Chart = echarts.ECharts;

const kValueColour = '#1f5fa8';
const kBreachColour = '#b71c1c';
const kTargetColour = '#4a5360';

/**
 * The measurements as a line, today's target as a dashed line across it and the measurements
 * that breached their target then as red diamonds (a line series of their own, drawn without
 * its line, so the legend names them).
 */
export function metricTrendChart(element: HTMLElement, trend: MetricTrend): Chart {
  const { unit, target, direction } = trend.metric;
  const chart = echarts.init(element, undefined, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; value: [string, number] }) =>
        `${p.seriesName}: ${withUnit(p.value[1], unit)} on ${p.value[0]}`,
    },
    legend: { top: 0 },
    grid: { left: 50, right: 20, top: 36, bottom: 30 },
    xAxis: { type: 'time' },
    yAxis: {
      type: 'value',
      name: unit ?? '',
      // Keep today's target in view even when every value is below it.
      max: target === null ? undefined : (extent: { max: number }) => Math.max(extent.max, target),
    },
    series: [
      {
        type: 'line',
        name: 'Value',
        color: kValueColour,
        data: trend.series.map((m) => [m.measured_on, m.value]),
        markLine:
          target === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { type: 'dashed', color: kTargetColour, width: 2 },
                label: { position: 'insideEndTop', formatter: `Target ${targetText(target, direction, unit)}` },
                data: [{ yAxis: target }],
              },
      },
      {
        type: 'line',
        name: 'Breach',
        color: kBreachColour,
        symbol: 'diamond',
        symbolSize: 12,
        lineStyle: { opacity: 0 },
        data: trend.breaches.map((m) => [m.measured_on, m.value]),
      },
    ],
  });
  return chart;
}
