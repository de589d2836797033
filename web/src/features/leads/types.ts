/** An A/B lead's sign-off (GET /api/v1/lead-signoffs, /api/v1/customers/{id}/lead-signoff). */
export interface LeadSignOff {
  id: number; customer_id: number; company: string; grade: 'A' | 'B';
  credited_to: number; credited_name: string; found_on: string;
  field_rep_id: number; field_rep_name: string; requested_at: string;
  status: 'requested' | 'signed' | 'declined';
  visited_on: string | null; note: string; answered_at: string | null; signed_on: string | null; paid_month: string | null;
}
export interface FieldRep { id: number; name: string; team: string }
export const STATUS_COLOR: Record<LeadSignOff['status'], string> = { requested: 'gold', signed: 'green', declined: 'default' };
