// The answer of GET /api/v1/dashboard (docs/api.md §16.2), as far as the dashboard reads it.

export interface ReadinessItem {
  clause: string;
  title: string;
  status: 'present' | 'stale' | 'missing';
  detail: string;
  count: number;
  link: string | null;
}

export interface Scale {
  value: number;
  label: string;
}

export interface HeatMapCell {
  likelihood: number;
  impact: number;
  level: string;
  count: number;
  risks: string[];
  more: number;
}

export interface HeatMapStage {
  cells: HeatMapCell[];
  by_level: Record<string, number>;
  unscored: number;
}

export interface RiskHeatMap {
  method_version: number | null;
  likelihood: Scale[];
  impact: Scale[];
  levels: { id: string; label: string; colour: string; order: number }[];
  stages: Record<'inherent' | 'current' | 'residual', HeatMapStage>;
}

export interface MetricSeries {
  metric: { id: number; ref: string; name: string };
  points: { date: string; value: number }[];
}

export interface FrameworkCompliance {
  framework: { urn: string; ref_id: string; name: string };
  assessment: { id: number; ref: string; name: string; status: string | null; updated_at: string };
  summary: { requirements: number; assessed: number; progress: number; compliance_score: number | null };
}

export interface Dashboard {
  as_of: string;
  readiness: { summary: { items: number; present: number; stale: number; missing: number }; items: ReadinessItem[] };
  compliance: FrameworkCompliance[];
  heat_map: RiskHeatMap;
  due: {
    reviews_overdue: { id: number; ref: string; title: string; review_date: string }[];
    actions_overdue: { id: number; ref: string; title: string; due_date: string; status: string | null }[];
    acceptances_expired: { id: number; risk_id: number; risk_ref: string; expires_on: string }[];
  };
  stale_evidence: { items: { id: number; ref: string; name: string; valid_until: string; days_stale: number }[] };
  metrics: { available: boolean; detail?: string; series: MetricSeries[] };
}
