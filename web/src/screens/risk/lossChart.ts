// The loss exceedance chart, loaded only when a screen shows one (a separate chunk, like the
// dashboard's charts, so the initial JavaScript stays small): ECharts core with the line chart,
// the grid, tooltip and legend components and the SVG renderer.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { SimulationResult } from './types';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type Chart = echarts.ECharts;

export interface Curve {
  name: string;
  colour: string;
  result: SimulationResult;
}

/**
 * The probability that a year's loss reaches at least each amount, one line per curve, on a
 * logarithmic loss axis (amounts of zero have no place on it and are left out).
 */
export function lossExceedance(element: HTMLElement, curves: Curve[], format: (amount: number) => string): Chart {
  const chart = echarts.init(element, undefined, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; value: number[] }) =>
        `${p.seriesName}: ${(p.value[1] * 100).toFixed(1)} % chance of losing ${format(p.value[0])} or more in a year`,
    },
    legend: { top: 0 },
    grid: { left: 60, right: 24, top: 36, bottom: 50 },
    xAxis: {
      type: 'log',
      name: 'Annual loss',
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { formatter: (v: number) => format(v) },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      name: 'Probability of at least that loss',
      axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` },
    },
    series: curves.map((c) => ({
      type: 'line',
      name: c.name,
      showSymbol: false,
      color: c.colour,
      data: c.result.exceedance.filter((p) => p.loss > 0).map((p) => [p.loss, p.probability]),
    })),
  });
  return chart;
}
