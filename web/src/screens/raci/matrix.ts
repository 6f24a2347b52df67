// The RACI matrix of GET /api/v1/responsibilities/matrix (5.3) in the shape the screen shows:
// the API names a role's holder as `{"member": id}` or `{"person": id}`, with the members it
// names in `members: [{id, email}]` and the people in `people: [{id, name, member, status}]`.

export type Letter = 'R' | 'A' | 'C' | 'I';

/** Who holds roles: a member (an isms user) or a person of the people register. */
export interface Holder {
  /** `member:<id>` or `person:<id>`: one column each. */
  key: string;
  kind: 'member' | 'person';
  id: number;
  name: string;
  /** A person who has left: their roles no longer count. */
  left: boolean;
}

export interface ActivityRow {
  activity: string;
  clause: string | null;
  /** The letters each holder (by key) has in this activity, each once, in R, A, C, I order. */
  letters: Record<string, Letter[]>;
  gaps: string[];
}

export interface Matrix {
  holders: Holder[];
  activities: ActivityRow[];
  /** Activities with at least one gap, as the API counts them. */
  gaps: number;
}

type RawHolder = { member: number } | { person: number };

interface RawActivity {
  activity: string;
  clause: string | null;
  responsible: RawHolder[];
  accountable: RawHolder | null;
  consulted: RawHolder[];
  informed: RawHolder[];
  gaps: string[];
}

export interface RawMatrix {
  members: { id: number; email: string }[];
  people: { id: number; name: string; member: number | null; status: string; archived: boolean }[];
  activities: RawActivity[];
  gaps: number;
}

function keyOf(holder: RawHolder): { kind: Holder['kind']; id: number } {
  return 'person' in holder ? { kind: 'person', id: holder.person } : { kind: 'member', id: holder.member };
}

/** The matrix with every holder a column (members, then people, in the API's order) and letters per cell. */
export function normaliseMatrix(raw: RawMatrix): Matrix {
  const known = new Map<string, Holder>();
  for (const m of raw.members) {
    known.set(`member:${m.id}`, { key: `member:${m.id}`, kind: 'member', id: m.id, name: m.email, left: false });
  }
  for (const p of raw.people) {
    known.set(`person:${p.id}`, { key: `person:${p.id}`, kind: 'person', id: p.id, name: p.name, left: p.status === 'left' });
  }
  const used = new Set<string>();
  const activities = raw.activities.map((a) => {
    const letters: Record<string, Letter[]> = {};
    const add = (holders: RawHolder[], letter: Letter): void => {
      for (const holder of holders) {
        const { kind, id } = keyOf(holder);
        const key = `${kind}:${id}`;
        if (!known.has(key)) {
          known.set(key, { key, kind, id, name: `${kind} ${id}`, left: false });
        }
        used.add(key);
        const held = (letters[key] ??= []);
        if (!held.includes(letter)) {
          held.push(letter);
        }
      }
    };
    add(a.responsible, 'R');
    add(a.accountable === null ? [] : [a.accountable], 'A');
    add(a.consulted, 'C');
    add(a.informed, 'I');
    return { activity: a.activity, clause: a.clause, letters, gaps: a.gaps };
  });
  const holders = [...known.values()].filter((h) => used.has(h.key));
  return { holders, activities, gaps: raw.gaps };
}

export const kLetterNames: Record<Letter, string> = {
  R: 'responsible',
  A: 'accountable',
  C: 'consulted',
  I: 'informed',
};
