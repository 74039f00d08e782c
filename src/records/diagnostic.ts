/**
 * A problem found in content. Content problems never throw: they are collected
 * and printed by the CLIs as `file:line: message`.
 */
export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  file: string;
  line?: number;
  rule: string;
  severity: Severity;
  message: string;
  /** What the editor should do about it. */
  fix?: string;
}
