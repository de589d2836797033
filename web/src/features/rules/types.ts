// The policy API's shapes (docs/openapi.json: PolicyVersion, PolicyDetail, RuleSection, PolicyDiff).
export interface Person {
  id: number;
  name: string;
}
export interface PolicyVersion {
  id: number;
  version: number;
  name: string;
  effective_from: string;
  status: 'draft' | 'approved' | 'published';
  note: string;
  created_by: Person | null;
  created_at: string;
  approved_by: Person | null;
  approved_at: string | null;
  published_by: Person | null;
  published_at: string | null;
}
export interface RuleSection {
  key: string;
  title: { zh: string; en: string };
  zh: string[];
  en: string[];
}
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}
export interface SectionDiff {
  key: string;
  title: { zh: string; en: string };
  changed: boolean;
  zh: DiffLine[];
  en: DiffLine[];
}
export interface PolicyDiff {
  text: DiffLine[];
  rules: SectionDiff[];
}
export interface PolicyDetail extends PolicyVersion {
  text: string;
  rule_book: RuleSection[];
  previous: PolicyVersion | null;
  changes: PolicyDiff | null;
  acknowledged: boolean;
}
export interface Problem {
  line: number;
  column: number;
  reason: string;
}
