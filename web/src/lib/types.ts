// Shapes of the API answers the UI reads (docs/api.md §4, §6, §10, §12).

export interface Me {
  user: { id: number; email: string };
  organization: number;
  organization_name: string;
  role: string;
  via: 'session' | 'token';
  mfa_enrolment_required: boolean;
}

export interface LoginAnswer extends Me {
  csrf_token: string;
  previous_login_at: string | null;
}

export type FieldType =
  | 'text'
  | 'markdown'
  | 'enum'
  | 'int'
  | 'decimal'
  | 'bool'
  | 'date'
  | 'datetime'
  | 'reference'
  | 'reference_list'
  | 'user'
  | 'text_list';

export interface FieldSpec {
  name: string;
  type: FieldType;
  label: string;
  required: boolean;
  description?: string;
  searchable?: boolean;
  computed?: boolean;
  min?: number;
  max?: number;
  max_length?: number;
  pattern?: string;
  values?: string[];
  target?: string;
}

export interface RegisterSpec {
  name: string;
  title: string;
  ref_prefix: string;
  clause?: string;
  description?: string;
  editor_roles: string[];
  fields: FieldSpec[];
  custom_fields: FieldSpec[];
}

export type RecordValue = string | number | boolean | null | number[] | string[] | Record<string, unknown>;

export interface RegisterRecord {
  id: number;
  ref: string;
  version: number;
  created_at: string;
  updated_at: string;
  archived: boolean;
  [field: string]: RecordValue;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface HistoryEvent {
  seq: number;
  at: string;
  actor: { id: number; name: string };
  action: 'created' | 'updated' | 'archived';
  before: RegisterRecord | null;
  after: RegisterRecord | null;
  hash: string;
}
