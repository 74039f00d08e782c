import { importNotes } from "../messages/import-notes.ts";
import type { EditorLang } from "../messages/plural.ts";
import type { ImportOutcome } from "./import.ts";

/**
 * The line that ends an import, in the site's language (French by default, like the
 * editors' guide): every entry read is imported, a duplicate, or ignored with its reason,
 * and the counts add up.
 * « 11 lus : 6 importés (dont 3 brouillons), 0 doublon, 5 ignorés (2 pages, 1 pièce jointe, …) »
 */
export interface ImportCounts {
  imported: number;
  drafts: number;
  duplicates: number;
  /** Ignored entries by kind: a WordPress post type, `trash`, `failed`… */
  skipped: ReadonlyMap<string, number>;
}

/** Failed sources count as ignored, with their own reason: every entry read is in one count. */
export function countOutcomes(outcomes: readonly ImportOutcome[]): ImportCounts {
  const skipped = new Map<string, number>();
  let imported = 0;
  let drafts = 0;
  let duplicates = 0;
  for (const outcome of outcomes) {
    if (outcome.status === "imported") {
      imported++;
      if (outcome.draft) drafts++;
    } else if (outcome.status === "duplicate") duplicates++;
    else {
      const kind = outcome.status === "skipped" ? outcome.kind : "failed";
      skipped.set(kind, (skipped.get(kind) ?? 0) + 1);
    }
  }
  return { imported, drafts, duplicates, skipped };
}

/** The counts as the line that ends an import, worded in ../messages/import-notes.ts. */
export function importSummary(counts: ImportCounts, dryRun: boolean, lang: EditorLang = "fr"): string {
  return importNotes(lang).summary(counts, dryRun);
}
