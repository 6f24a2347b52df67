// Competence gaps (7.2, GET /api/v1/competence-gaps[?person=]): active people whose job role
// requires a competence without a current training record, and the link that records the
// training, the new training record's form filled with the person and the competence.
import { api, withQuery } from './api';

export interface CompetenceGap {
  person: { id: number; ref: string; name: string };
  job_role: string;
  competence: string;
  reason: 'no_training' | 'expired';
  expired_on: string | null;
}

export interface CompetenceGaps {
  as_of: string;
  /** Active people checked. */
  people: number;
  /** Required competences checked (person × competence of their role). */
  requirements: number;
  met: number;
  gaps: CompetenceGap[];
}

/** The gaps of every active person, or of one. */
export function loadCompetenceGaps(person?: number): Promise<CompetenceGaps> {
  return api.get<CompetenceGaps>(withQuery('/api/v1/competence-gaps', { person }));
}

/** The new training record's form, filled with the gap's person and competence. */
export function trainingFormLink(gap: CompetenceGap): string {
  return `#${withQuery('/registers/training_records/new', { person: gap.person.id, competence: gap.competence })}`;
}

/** Why it is a gap, in words. */
export function gapReason(gap: CompetenceGap): string {
  return gap.reason === 'expired' ? `training expired on ${gap.expired_on ?? '?'}` : 'no training recorded';
}
