// The answers of the risk method and loss simulation endpoints (docs/risk.md §1 and §9), as far as
// the risk screens read them.

export interface ScaleLevel {
  value: number;
  label: string;
  description?: string;
  /** Likelihood levels only: how often ("once in 1 to 3 years"). */
  frequency?: string;
  /** Impact levels only: what the level means per dimension (confidentiality, financial, …). */
  criteria?: Record<string, string>;
}

export interface RiskLevel {
  id: string;
  label: string;
  colour: string;
  order: number;
}

export interface LevelAcceptance {
  acceptable_without_treatment: boolean;
  roles: string[];
}

/** GET /api/v1/risk-method: also the body of PUT and of POST …/preview. */
export interface RiskMethod {
  version: number;
  likelihood: { levels: ScaleLevel[] };
  impact: { levels: ScaleLevel[] };
  levels: RiskLevel[];
  /** grid[likelihood − 1][impact − 1] is the id of that cell's risk level. */
  grid: string[][];
  acceptance: Record<string, LevelAcceptance>;
  extra_asset_properties: string[];
}

export interface LevelChange {
  id: number;
  ref: string;
  stage: 'inherent' | 'current' | 'residual';
  before: string | null;
  after: string | null;
}

/** The answer of PUT /api/v1/risk-method and of POST /api/v1/risk-method/preview. */
export interface MethodChange {
  method: RiskMethod;
  rescored: { risks: number; changed: LevelChange[] };
}

export interface MethodVersion {
  version: number;
  created_at: string | null;
  created_by: number | null;
}

export interface RiskMatrix {
  urn: string;
  name: string;
  library: string;
  likelihood_levels: number;
  impact_levels: number;
  risk_levels: number;
}

export interface Distribution {
  type: 'pert' | 'lognormal' | 'constant';
  min?: number;
  most_likely?: number;
  max?: number;
  low?: number;
  high?: number;
  value?: number;
}

export interface LossModelPart {
  frequency: Distribution;
  magnitude: Distribution;
}

/** GET /api/v1/risks/{id}/loss-model */
export interface LossModel {
  before: LossModelPart;
  after: LossModelPart | null;
}

/** The annual loss distribution of one simulation. */
export interface SimulationResult {
  trials: number;
  ale: number;
  std_dev: number;
  percentiles: { p10: number; p50: number; p90: number; p95: number; p99: number };
  max: number;
  probability_of_loss: number;
  exceedance: { loss: number; probability: number }[];
}

export interface RiskSummary {
  id: number;
  ref: string;
  title: string | null;
}

/** GET /api/v1/risks/{id}/simulation */
export interface RiskSimulation {
  risk: RiskSummary;
  trials: number;
  seed: number;
  before: SimulationResult;
  after: SimulationResult | null;
  ale_reduction: number | null;
}

/** GET /api/v1/risks/simulation */
export interface RegisterSimulation {
  trials: number;
  seed: number;
  risks: number;
  before: SimulationResult;
  after: SimulationResult;
  ale_reduction: number;
  top: (RiskSummary & { expected_ale_before: number; expected_ale_after: number })[];
}
