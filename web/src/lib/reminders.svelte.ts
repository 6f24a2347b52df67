// The caller's reminders (GET /api/v1/notifications, docs/guide/reminders.md): the answer's
// shape, and the unread count the header shows ("Reminders (n)"), kept fresh by the shell on
// every new screen and by the reminders screen after it marks one.
import { api, withQuery } from './api';

export interface Reminder {
  /** `register.record.field.YYYY-MM-DD`: a date that moves makes a new reminder. */
  id: string;
  register: string;
  record: number;
  ref: string;
  title: string;
  field: string;
  what: string;
  due: string;
  /** Negative once overdue. */
  days_left: number;
  state: 'overdue' | 'due';
  read: boolean;
  dismissed: boolean;
}

export interface ReminderList {
  as_of: string;
  days: number;
  unread: number;
  overdue: number;
  items: Reminder[];
}

/** Unread reminders within the organization's default horizon; null before the first answer. */
export const reminders = $state<{ unread: number | null }>({ unread: null });

/** Overdue and due within `days` (the organization's `reminder_days` when not given). */
export function fetchReminders(days?: number, dismissed = false): Promise<ReminderList> {
  return api.get<ReminderList>(withQuery('/api/v1/notifications', { days, dismissed: dismissed ? 'true' : undefined }));
}

export function refreshReminderCount(): void {
  fetchReminders()
    .then((list) => (reminders.unread = list.unread))
    .catch(() => (reminders.unread = null));
}

/** The UI route of a reminder's record. */
export function reminderHref(r: Reminder): string {
  return r.register === 'risks' ? `#/risks/${r.record}` : `#/registers/${r.register}/${r.record}`;
}
