import type { Diagnostic } from "../model/diagnostic.ts";
import { diagnosticText } from "./diagnostics.ts";
import { editorMessages } from "./editor.ts";
import type { EditorLang } from "./plural.ts";

/** `path:line: severity: message (fix)` in the site's language — the format editors' tools and terminals link. */
export function formatDiagnostic(d: Diagnostic, lang: EditorLang = "fr"): string {
  const where = d.line ? `${d.file}:${d.line}` : d.file;
  const text = diagnosticText(d, lang);
  const fix = text.fix ? `\n    → ${text.fix}` : "";
  return `${where}: ${editorMessages(lang).severity(d.severity)}: ${text.message}${fix}`;
}
