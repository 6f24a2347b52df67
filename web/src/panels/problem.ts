// What a workflow panel tells the user when the API refuses a step: the problem's detail, then
// each field error as `field: message` (a 409 names the field in its detail already).
import { ApiError } from '../lib/api';

export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return error instanceof Error ? error.message : String(error);
  }
  const fields = Object.entries(error.fields).map(([field, message]) => `${field}: ${message}`);
  return fields.length === 0 ? error.message : `${error.message} — ${fields.join('; ')}`;
}

