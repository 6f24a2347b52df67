// Screens that show a register's records another way — a matrix, the gaps they leave — linked
// from the register's table.
export interface RegisterView {
  label: string;
  href: string;
}

const kCompetence: RegisterView = { label: 'Competence gaps', href: '#/people/competence' };

const kViews: Record<string, RegisterView[]> = {
  responsibilities: [{ label: 'RACI matrix', href: '#/context/raci' }],
  people: [kCompetence],
  role_competences: [kCompetence],
  training_records: [kCompetence],
};

export function registerViews(register: string): RegisterView[] {
  return kViews[register] ?? [];
}
