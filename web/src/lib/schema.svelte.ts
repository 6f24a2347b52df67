// The register declarations of GET /api/v1/schema, loaded once per session.
import { api } from './api';
import type { RegisterSpec } from './types';

export const schema = $state<{ registers: RegisterSpec[]; error: string }>({ registers: [], error: '' });

let loading: Promise<void> | null = null;

export function loadSchema(force = false): Promise<void> {
  if (loading === null || force) {
    loading = api
      .get<{ registers: RegisterSpec[] }>('/api/v1/schema')
      .then((answer) => {
        schema.registers = answer.registers;
        schema.error = '';
      })
      .catch((e: Error) => {
        loading = null;
        schema.error = e.message;
      });
  }
  return loading;
}

export function forgetSchema(): void {
  loading = null;
  schema.registers = [];
}

export function findRegister(name: string): RegisterSpec | undefined {
  return schema.registers.find((r) => r.name === name);
}
