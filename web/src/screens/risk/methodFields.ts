// The fields of a risk method as the method editor shows them: the roles and asset properties it
// offers, and how an API error path (`levels[1].colour`, `grid[2][3]`, `acceptance.high.roles[0]`,
// `impact.levels[2].criteria.financial`, `likelihood.levels` for the scale's size) finds the input
// it belongs to.

/** Every role of isms (docs/api.md), in the order the editor lists them. */
export const kRoles = ['admin', 'isms_manager', 'risk_owner', 'control_owner', 'auditor', 'reader'] as const;

/** The dimensions an impact level's criteria may describe (docs/risk.md §1), in the API's order. */
export const kImpactDimensions = [
  'confidentiality',
  'integrity',
  'availability',
  'financial',
  'legal_regulatory',
  'reputational',
  'operational',
] as const;

/** What a method may add to confidentiality, integrity and availability. */
export const kExtraProperties = ['authenticity', 'non_repudiation'] as const;

/** The editor's field an API error path belongs to: a role list or property list as a whole. */
export function errorField(path: string): string {
  return path.replace(/^(acceptance\.[^.]+\.roles|extra_asset_properties)\[\d+\]$/, '$1');
}

const kEditable = [
  /^(likelihood|impact)\.levels$/,
  /^likelihood\.levels\[\d+\]\.(label|description|frequency)$/,
  /^impact\.levels\[\d+\]\.(label|description)$/,
  /^impact\.levels\[\d+\]\.criteria\.[a-z_]+$/,
  /^levels\[\d+\]\.(label|colour)$/,
  /^grid\[\d+\]\[\d+\]$/,
  /^acceptance\.[^.]+\.(acceptable_without_treatment|roles)$/,
  /^extra_asset_properties$/,
];

/** True when the editor shows an input for `field` (an errorField), so its error sits beside it. */
export function hasInput(field: string): boolean {
  return kEditable.some((pattern) => pattern.test(field));
}

/** The id of the input of `field`: `levels[1].colour` → `method-levels-1-colour`. */
export function inputId(field: string): string {
  return `method-${field.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-$/, '')}`;
}

/** Words for an id: `isms_manager` → `isms manager`. */
export function words(id: string): string {
  return id.replaceAll('_', ' ');
}
