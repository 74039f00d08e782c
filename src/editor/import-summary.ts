import { count, type EditorLang } from "../messages/plural.ts";
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

export function importSummary(counts: ImportCounts, dryRun: boolean, lang: EditorLang = "fr"): string {
  const skipped = [...counts.skipped.values()].reduce((sum, n) => sum + n, 0);
  const read = counts.imported + counts.duplicates + skipped;
  if (lang === "en") return englishSummary(counts, dryRun, read, skipped);
  const drafts = counts.drafts ? ` (dont ${plural(counts.drafts, "brouillon", "brouillons")})` : "";
  const reasons = [...counts.skipped].sort(([a, n], [b, m]) => m - n || a.localeCompare(b)).map(([kind, n]) => skipLabel(kind, n));
  const ignored = `${plural(skipped, "ignoré", "ignorés")}${reasons.length ? ` (${reasons.join(", ")})` : ""}`;
  const trial = dryRun ? " — essai : rien n’a été écrit" : "";
  return `${plural(read, "lu", "lus")} : ${plural(counts.imported, "importé", "importés")}${drafts}, ${plural(counts.duplicates, "doublon", "doublons")}, ${ignored}${trial}`;
}

function plural(n: number, one: string, many: string): string {
  return count("fr", n, one, many);
}

function englishSummary(counts: ImportCounts, dryRun: boolean, read: number, skipped: number): string {
  const drafts = counts.drafts ? ` (${count("en", counts.drafts, "draft", "drafts")})` : "";
  const reasons = [...counts.skipped].sort(([a, n], [b, m]) => m - n || a.localeCompare(b)).map(([kind, n]) => `${n} ${kind === "failed" ? "failed" : kind}`);
  const trial = dryRun ? " — dry run: nothing was written" : "";
  return `${read} read: ${counts.imported} imported${drafts}, ${count("en", counts.duplicates, "duplicate", "duplicates")}, ${skipped} skipped${reasons.length ? ` (${reasons.join(", ")})` : ""}${trial}`;
}

const KIND_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  page: ["page", "pages"],
  attachment: ["pièce jointe", "pièces jointes"],
  nav_menu_item: ["élément de menu", "éléments de menu"],
  revision: ["révision", "révisions"],
  wp_block: ["bloc réutilisable", "blocs réutilisables"],
  trash: ["à la corbeille", "à la corbeille"],
  "auto-draft": ["brouillon automatique", "brouillons automatiques"],
  failed: ["en erreur", "en erreur"],
  // Hugo, Jekyll and Eleventy sites (./import-site.ts, ./import-post.ts).
  "list-page": ["page de liste", "pages de liste"],
  "bundle-resource": ["fichier joint", "fichiers joints"],
  "no-front-matter": ["fichier sans en-tête", "fichiers sans en-tête"],
};

function skipLabel(kind: string, n: number): string {
  const [one, many] = KIND_LABELS[kind] ?? [`contenu de type « ${kind} »`, `contenus de type « ${kind} »`];
  return plural(n, one, many);
}
