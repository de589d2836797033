// Meetings as /api/v1/meetings answers them.
export type AttendanceStatus = 'present' | 'late' | 'left_early' | 'absent' | 'excused';
export const STATUSES: AttendanceStatus[] = ['present', 'late', 'left_early', 'absent', 'excused'];
export interface Attendee { user_id: number; name: string; status: AttendanceStatus | null; note: string; entry_id: number | null }
export interface Meeting {
  id: number; kind: string; kind_zh: string; kind_en: string; missed_item: string; title: string;
  team_id: number; team_name: string; starts_at: string; minutes: number; held_by: number; held_by_name: string;
  closed_at: string | null; policy_version: number; attendees: Attendee[]; may_mark: boolean;
}
export interface MeetingKind { kind: string; zh: string; en: string; at: string | null; minutes: number; within_workday: boolean; missed_item: string }
