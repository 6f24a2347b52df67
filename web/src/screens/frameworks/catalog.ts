// Shapes of the catalog API answers (docs/catalog.md "API and CLI") and the links between the
// framework screens.

export interface LibraryBrief {
  urn: string;
  version: string;
  name: string;
  provider: string;
  packager: string;
  format: string;
  source: string;
  builtin: boolean;
}

export interface FrameworkSummary {
  urn: string;
  ref_id: string;
  name: string;
  description: string;
  version: string;
  latest: boolean;
  library: LibraryBrief;
  counts: { nodes: number; assessable: number; withdrawn: number; new: number };
  groups: { id: string; name: string }[];
}

export interface Requirement {
  urn: string;
  ref_id: string;
  name: string;
  kind: string;
  depth: number;
  assessable: boolean;
  withdrawn: boolean;
  new: boolean;
  description?: string;
  annotation?: string;
  parent?: string;
  attributes?: Record<string, string[]>;
  reference_controls?: string[];
}

export interface TreeNode extends Requirement {
  children: TreeNode[];
}

export interface Framework extends FrameworkSummary {
  attribute_vocabularies: { id: string; name: string; values: string[] }[];
  aliases: string[];
  tree: TreeNode[];
}

export interface MappingSet {
  urn: string;
  ref_id: string;
  name: string;
  description: string;
  source_framework: string;
  target_framework: string;
  pairs: number;
  relationships: Record<string, number>;
  library: LibraryBrief;
}

export interface MappingStep {
  mapping_set: string | null;
  direction: 'forward' | 'reverse' | 'alias';
  from: { urn: string; ref_id: string; framework: string };
  to: { urn: string; ref_id: string; framework: string };
  relationship: string;
}

export interface CoverageItem {
  urn: string;
  ref_id: string;
  name: string;
  coverage: 'full' | 'partial' | 'none';
  hops?: number;
  path?: MappingStep[];
}

export interface Coverage {
  from: string;
  to: string;
  summary: { requirements: number; full: number; partial: number; none: number };
  requirements: CoverageItem[];
}

/** How a mapping pair reads, "source … target" (the OSCAL / NIST OLIR vocabulary). */
export const kRelationships: Record<string, string> = {
  equal: 'equals',
  equivalent: 'is equivalent to',
  subset: 'is part of',
  superset: 'contains',
  intersect: 'overlaps',
  not_related: 'is not related to',
};

/** The screen of one framework (a version other than the latest, one requirement selected). */
export function frameworkHref(urn: string, options: { version?: string; node?: string } = {}): string {
  const query = new URLSearchParams();
  if (options.version !== undefined) {
    query.set('version', options.version);
  }
  if (options.node !== undefined) {
    query.set('node', options.node);
  }
  const text = query.toString();
  return `#/frameworks/${encodeURIComponent(urn)}${text === '' ? '' : `?${text}`}`;
}

/** The API path of one framework. */
export function frameworkApi(urn: string): string {
  return `/api/v1/frameworks/${encodeURIComponent(urn)}`;
}
