// The scope statement of the ISMS as the API gives it (docs/guide/clause-4.md §3) and the
// lists it holds, in the order the screens show them.

export interface Exclusion {
  what: string;
  reason: string;
}

export type ScopeList = 'in_scope' | 'out_of_scope' | 'interfaces' | 'dependencies';

export interface ScopeContent {
  statement: string;
  in_scope: string[];
  out_of_scope: string[];
  interfaces: string[];
  dependencies: string[];
  exclusions: Exclusion[];
  comment: string;
}

/** Top management's approval of a version, or null while it is unapproved. */
export interface Approval {
  by: number;
  at: string;
  comment: string | null;
}

export interface ScopeVersion extends ScopeContent {
  version: number;
  created_at: string;
  created_by: number;
  approval: Approval | null;
}

export interface VersionBrief {
  version: number;
  created_at: string;
  created_by: number;
  comment: string;
  approval: Approval | null;
}

export const kScopeLists: { name: ScopeList; label: string; help: string }[] = [
  { name: 'in_scope', label: 'In scope', help: 'Sites, processes, systems and units inside the ISMS.' },
  { name: 'out_of_scope', label: 'Out of scope', help: 'What lies outside the ISMS boundary.' },
  { name: 'interfaces', label: 'Interfaces', help: 'Where the ISMS meets what lies outside it (a payment provider, a parent company’s IT).' },
  { name: 'dependencies', label: 'Dependencies', help: 'What the ISMS depends on but does not control (cloud e-mail, a data centre).' },
];
