// The export endpoints of a register (docs/api.md §11, risk.md §7): CSV for every register,
// XLSX where the API offers a spreadsheet of that register.
import { withQuery } from './api';

export interface ExportLink {
  label: string;
  href: string;
}

const kSpreadsheets: Record<string, string> = {
  risks: '/api/v1/risks/register/export',
  treatment_actions: '/api/v1/treatment-plan/export',
};

export function exportLinks(register: string, listQuery: Record<string, string | undefined>): ExportLink[] {
  const links: ExportLink[] = [{ label: 'Export CSV', href: withQuery(`/api/v1/${register}/export.csv`, listQuery) }];
  const spreadsheet = kSpreadsheets[register];
  if (spreadsheet !== undefined) {
    links.push({ label: 'Export XLSX', href: withQuery(spreadsheet, { format: 'xlsx' }) });
  }
  return links;
}
