// The answer of GET /api/v1/metrics/{id}/trend (docs/guide/clause-9-1.md, "Trend and breaches")
// and how the metric panel words it.

export type TargetDirection = 'at_least' | 'at_most';

export interface Measurement {
  id: number;
  ref: string;
  measured_on: string;
  value: number;
  /** The metric's target when the value was recorded. */
  target: number | null;
  breach: boolean;
  source: 'manual' | 'automatic';
}

export interface MetricTrend {
  metric: {
    id: number;
    ref: string;
    name: string;
    unit: string | null;
    target: number | null;
    direction: TargetDirection | null;
    frequency: string | null;
    automatic: string | null;
  };
  status: 'on_target' | 'breached' | 'no_target' | 'no_data';
  next_due: string | null;
  overdue: boolean;
  trend: {
    points: number;
    latest: number | null;
    change: number | null;
    slope_per_30_days: number | null;
    direction: 'improving' | 'worsening' | 'stable' | 'rising' | 'falling' | 'insufficient_data';
  };
  /** Oldest first. */
  series: Measurement[];
  breaches: Measurement[];
}

export const kStatusText: Record<MetricTrend['status'], string> = {
  on_target: 'on target',
  breached: 'target breached',
  no_target: 'no target set',
  no_data: 'not measured yet',
};

export const kTrendText: Record<MetricTrend['trend']['direction'], string> = {
  improving: 'improving',
  worsening: 'worsening',
  stable: 'stable',
  rising: 'rising',
  falling: 'falling',
  insufficient_data: 'not enough measurements for a trend',
};

/** A value with at most two decimals and the metric's unit: "5.4 %", "3 count". */
export function withUnit(value: number, unit: string | null): string {
  const text = String(Math.round(value * 100) / 100);
  return unit === null || unit === '' ? text : `${text} ${unit}`;
}

/** "at most 8 %", or '' without a target. */
export function targetText(target: number | null, direction: TargetDirection | null, unit: string | null): string {
  if (target === null || direction === null) {
    return '';
  }
  return `${direction === 'at_least' ? 'at least' : 'at most'} ${withUnit(target, unit)}`;
}
