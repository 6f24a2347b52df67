// The organization's members (GET /api/v1/members) for user fields: pick lists
// (components/MemberPicker.svelte) and names in tables. Not cached: a log-on as someone else in
// the same page must not see the last organization's members.
import { api } from './api';

export interface Member {
  id: number;
  email: string;
  name: string;
  role: string;
}

export function loadMembers(): Promise<Member[]> {
  return api.get<{ items: Member[] }>('/api/v1/members').then((answer) => answer.items);
}

/** A member's name (their e-mail when they have none), or undefined for an id not among them. */
export function memberName(members: Member[], id: unknown): string | undefined {
  const member = members.find((m) => m.id === id);
  return member === undefined ? undefined : member.name || member.email;
}

/** How a member is named: the name, with the e-mail when they differ. */
export function memberLabel(member: Member): string {
  return member.name === member.email ? member.email : `${member.name} (${member.email})`;
}
