/**
 * A problem found in content. Content problems never throw: they are collected
 * and printed by the CLIs as `file:line: message`.
 */
export type Severity = "error" | "warning" | "info";

/** The values a diagnostic's text is made of (names, paths, counts), kept to write it in the site's language. */
export type DiagnosticParams = Readonly<Record<string, string | number | readonly string[]>>;

export interface Diagnostic {
  file: string;
  line?: number;
  rule: string;
  severity: Severity;
  /** The problem, in English; printed in the site's language when `code` names a text of src/messages/diagnostics.ts. */
  message: string;
  /** What the editor should do about it. */
  fix?: string;
  /** Which text of src/messages/diagnostics.ts this is, written from `params`. */
  code?: string;
  params?: DiagnosticParams;
}
