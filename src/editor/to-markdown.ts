import { stringify } from "yaml";
import type { ArticleRecord, EntityRef } from "../model/article.ts";
import { isInitialsName, isStrongCue } from "../extract/name-evidence.ts";
import type { ImportNotes } from "../messages/import-notes.ts";

/**
 * An imported record as the Markdown file an editor keeps: front matter filled from
 * extraction, then what the editor must look at as YAML comments, then the clean body.
 * `extra` adds keys the record does not carry (or replaces one, in its place); `warnings`
 * replaces the comments drawn from the record. `say` words the comments.
 */
export function recordToMarkdown(record: ArticleRecord, say: ImportNotes, extra: Readonly<Record<string, unknown>> = {}, warnings = importWarnings(record, say)): string {
  const frontMatter: Record<string, unknown> = { title: record.title ?? "" };
  if (record.draft) frontMatter["draft"] = true;
  if (record.date) {
    frontMatter["date"] = record.date.value;
    frontMatter["date_evidence"] = record.date.evidence;
  }
  if (record.outlet) frontMatter["outlet"] = record.outlet.id;
  if (record.url) frontMatter["url"] = record.url;
  const ids = (refs: readonly { id: string; name: string; via: string }[]) => refs.map((ref) => (ref.via === "heuristic" || ref.via === "text" ? ref.name : ref.id));
  // `people:` replaces extraction for good: only the base's people and names a strong cue announced go there.
  for (const [key, refs] of [["people", record.people.filter((ref) => provenPerson(record, ref))], ["agencies", record.agencies], ["places", record.places], ["topics", record.topics]] as const) {
    if (refs.length) frontMatter[key] = ids(refs);
  }
  Object.assign(frontMatter, extra);
  const yaml = stringify(frontMatter, { lineWidth: 0 }).trimEnd();
  // A note quotes what the source wrote, which may run over lines: each stays one comment line.
  const comments = warnings.length ? `\n${warnings.map((w) => say.toCheckComment(w.replace(/\s*\n\s*/g, " "))).join("\n")}` : "";
  return `---\n${yaml}${comments}\n---\n\n${record.body.trim()}\n`;
}

/** A person of the knowledge base (or of the source's own tags), or a name an honorific, a role or an apposition announced — never initials, never a given name alone. */
function provenPerson(record: ArticleRecord, ref: EntityRef): boolean {
  if (ref.via !== "heuristic") return true;
  if (isInitialsName(ref.name)) return false;
  return record.suggestions.some((suggestion) => suggestion.kind === "person" && suggestion.name === ref.name && suggestion.published && isStrongCue(suggestion.cue));
}

/** What an editor should check in an imported article, worded by `say`. */
export function importWarnings(record: ArticleRecord, say: ImportNotes): string[] {
  const warnings: string[] = [];
  if (record.draft) warnings.push(say.provisionalTitle);
  if (!record.date) {
    warnings.push(
      record.dateCandidates.length
        ? say.missingDateWithCandidates(record.dateCandidates[0]?.evidence, record.dateCandidates.map((c) => c.value))
        : say.missingDate,
    );
  } else if (record.date.precision !== "day") {
    warnings.push(say.datePrecision(record.date.precision === "month" ? "month" : "year", record.date.evidence));
  }
  if (!record.outlet) warnings.push(say.unknownOutlet);
  const unknown = [...record.people, ...record.agencies].filter((ref) => ref.via === "heuristic").map((ref) => ref.name);
  if (unknown.length) warnings.push(say.unknownNames(unknown));
  return warnings;
}
