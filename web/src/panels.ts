// Workflow panels: a register's record screen shows its panel under the fields (document
// approval, audit checklist, nonconformity closure, review compilation…). Add a register's panel
// by adding a row here; the panel gets the record and calls `changed` after it altered it.
import type { Component } from 'svelte';
import type { RegisterRecord } from './lib/types';
import AuditPanel from './panels/AuditPanel.svelte';
import AuditProgrammePanel from './panels/AuditProgrammePanel.svelte';
import IncidentPanel from './panels/IncidentPanel.svelte';
import MetricPanel from './panels/MetricPanel.svelte';
import NonconformityPanel from './panels/NonconformityPanel.svelte';
import DocumentPanel from './panels/DocumentPanel.svelte';
import ManagementReviewPanel from './panels/ManagementReviewPanel.svelte';
import PersonCompetencePanel from './panels/PersonCompetencePanel.svelte';

export interface PanelProps {
  record: RegisterRecord;
  /** Reloads the record (its version and fields) after the panel changed it. */
  changed: () => void;
}

const kPanels: Record<string, Component<PanelProps>> = {
  audit_programmes: AuditProgrammePanel,
  audits: AuditPanel,
  nonconformities: NonconformityPanel,
  documents: DocumentPanel,
  management_reviews: ManagementReviewPanel,
  people: PersonCompetencePanel,
  metrics: MetricPanel,
  incidents: IncidentPanel,
};

/** The workflow panel of `register`, if it has one. */
export function panelOf(register: string): Component<PanelProps> | undefined {
  return kPanels[register];
}
