// How a register field is shown in a table or detail view, edited in a form, and sent back.
import type { FieldSpec, RecordValue, RegisterRecord, RegisterSpec } from './types';

/** The columns common to every record that a form may set besides the declared fields. */
export const kOwnerField: FieldSpec = { name: 'owner', type: 'user', label: 'Owner (user id)', required: false };
export const kTagsField: FieldSpec = { name: 'tags', type: 'text_list', label: 'Tags', required: false };

/** Declared and custom fields a user can set (custom ones named `extra.<name>`). */
export function editableFields(spec: RegisterSpec): FieldSpec[] {
  const custom = spec.custom_fields.map((f) => ({ ...f, name: `extra.${f.name}` }));
  return [...spec.fields.filter((f) => !f.computed), ...custom, kOwnerField, kTagsField];
}

/** Fields that filter well with a pick list. */
export function filterFields(spec: RegisterSpec): FieldSpec[] {
  return spec.fields.filter((f) => f.type === 'enum' || f.type === 'bool' || f.type === 'reference');
}

/** The table's columns: the first few declared fields that read well in a cell. */
export function tableColumns(spec: RegisterSpec): FieldSpec[] {
  return spec.fields.filter((f) => f.type !== 'markdown' && f.type !== 'reference_list').slice(0, 5);
}

export function fieldValue(record: RegisterRecord, name: string): RecordValue | undefined {
  if (name.startsWith('extra.')) {
    const extra = (record.extra ?? {}) as Record<string, RecordValue>;
    return extra[name.slice('extra.'.length)];
  }
  return record[name];
}

export function formatValue(field: FieldSpec, value: RecordValue | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (field.type === 'bool') {
    return value ? 'yes' : 'no';
  }
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  if (field.type === 'enum') {
    return String(value).replaceAll('_', ' ');
  }
  return String(value);
}

/** A value as the text a form input holds. */
export function toInput(field: FieldSpec, value: RecordValue | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  if (field.type === 'bool') {
    return value ? 'true' : 'false';
  }
  return String(value);
}

/**
 * A form input's text as the JSON value the API takes; null for an empty input. Text the API
 * would refuse (a number that is not one) is sent as typed, so the API's error names the field.
 */
export function fromInput(field: FieldSpec, text: string): RecordValue {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  switch (field.type) {
    case 'int':
    case 'decimal':
    case 'reference':
    case 'user': {
      const n = Number(trimmed);
      return Number.isFinite(n) ? n : trimmed;
    }
    case 'bool':
      return trimmed === 'true';
    case 'reference_list':
      return trimmed.split(',').map((s) => Number(s.trim())).filter((n) => !Number.isNaN(n));
    case 'text_list':
      return trimmed.split(',').map((s) => s.trim()).filter((s) => s !== '');
    case 'text':
    case 'markdown':
      return text;
    default:
      return trimmed;
  }
}

/** The form field an API error path belongs to: `tags[3]` → `tags`, `extra.pci` stays. */
export function errorField(path: string): string {
  return path.replace(/\[\d+\]$/, '');
}

export function inputType(field: FieldSpec): string {
  switch (field.type) {
    case 'int':
    case 'decimal':
    case 'reference':
    case 'user':
      return 'number';
    case 'date':
      return 'date';
    default:
      return 'text';
  }
}
