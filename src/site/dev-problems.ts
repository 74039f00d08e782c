import { diagnosticText } from "../messages/diagnostics.ts";
import { editorMessages } from "../messages/editor.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { STRINGS } from "./strings.ts";

/** What the dev server's pages show over themselves after a build (templates/assets/dev-live.js). */
export interface DevStatus {
  /** The build's number: a page never shows an older build's problems over a newer one's. */
  build: number;
  labels: { title: string; close: string; fix: string };
  diagnostics: { where: string; severity: Diagnostic["severity"]; severityLabel: string; message: string; fix?: string }[];
}

/**
 * The problems an editor must see in the browser: every error (a source rejected, a broken
 * knowledge base: its page is gone or wrong), and the warnings of the files edited since the
 * server started, so that an archive's standing warnings (`npm run check` lists them) do not
 * cover every page. In the site's language, errors first, by file and line.
 */
export function devStatus(build: number, diagnostics: readonly Diagnostic[], edited: (file: string) => boolean, lang: "fr" | "en"): DevStatus {
  const strings = STRINGS[lang];
  const say = editorMessages(lang);
  const shown = diagnostics
    .filter((d) => d.severity === "error" || (d.severity === "warning" && edited(d.file)))
    .sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return {
    build,
    labels: { title: strings.devProblems(shown.length), close: strings.devClose, fix: strings.devFix },
    diagnostics: shown.map((d) => {
      const text = diagnosticText(d, lang);
      return { where: d.line ? `${d.file}:${d.line}` : d.file, severity: d.severity, severityLabel: say.severity(d.severity), message: text.message, ...(text.fix ? { fix: text.fix } : {}) };
    }),
  };
}

const rank = (d: Diagnostic) => (d.severity === "error" ? 0 : 1);
