import type { Severity } from "../model/diagnostic.ts";
import { count, type EditorLang } from "./plural.ts";

/**
 * What the editors' commands (`npm run check`, `build`, `import`, `new`, `verify`) print,
 * in the site's language (content/site.yml `lang`): French by default, English with
 * `lang: en`. The scripts only choose the catalogue and print its lines; the diagnostics'
 * own texts are in ./diagnostics.ts.
 */
export interface EditorMessages {
  severity(severity: Severity): string;
  /** Before the message of a command that stopped. */
  failed: string;
  check: {
    summary(c: { read: number; published: number; drafts: number; rejected: number; skipped: number; actors: number; topics: number; errors: number; warnings: number }): string;
  };
  build: {
    summary(c: { read: number; published: number; drafts: number; rejected: number; skipped: number; errors: number; warnings: number; ms: number }): string;
    rejected(path: string, reasons: readonly string[]): string;
    skipped(path: string, reason: string): string;
    ciStop(errors: number, report: string): string;
    rendered(c: { changed?: number; removed?: number; files?: number; shardsWritten: number; shards: number; indexed: number }): string;
    written(output: string, ms: number): string;
  };
  import: {
    needSource: string;
    urlWithOneFile: string;
    imported(source: string, file: string): string;
    toCheck(warning: string): string;
    duplicate(source: string, reason: string, existing: string): string;
    skipped(source: string, reason: string): string;
    failed(source: string, reasons: readonly string[]): string;
  };
  new: {
    needTitle: string;
    exists(file: string): string;
    created(file: string): string;
  };
  verify: {
    brokenLink(page: string, href: string): string;
    html(problem: string): string;
    overBudget(problem: string): string;
    summary(c: { links: number; html: number; budgets: number; prefix: string }): string;
  };
  progress(label: string, done: number, total: number, rate: string, secondsLeft: string): string;
}

const fr: EditorMessages = {
  severity: (severity) => ({ error: "erreur", warning: "avertissement", info: "info" })[severity],
  failed: "erreur",
  check: {
    summary: (c) =>
      `${count("fr", c.read, "article vérifié", "articles vérifiés")} (${count("fr", c.published, "publié", "publiés")}, ${count("fr", c.drafts, "brouillon", "brouillons")}, ` +
      `${count("fr", c.rejected, "rejeté", "rejetés")}, ${count("fr", c.skipped, "ignoré", "ignorés")}), ${count("fr", c.actors, "acteur", "acteurs")}, ` +
      `${count("fr", c.topics, "sujet", "sujets")} : ${count("fr", c.errors, "erreur", "erreurs")}, ${count("fr", c.warnings, "avertissement", "avertissements")}`,
  },
  build: {
    summary: (c) =>
      `revue : ${count("fr", c.read, "source lue", "sources lues")} : ${count("fr", c.published, "publiée", "publiées")}, ${count("fr", c.drafts, "brouillon", "brouillons")}, ` +
      `${count("fr", c.rejected, "rejetée", "rejetées")}, ${count("fr", c.skipped, "ignorée", "ignorées")} ; ` +
      `${count("fr", c.errors, "erreur", "erreurs")}, ${count("fr", c.warnings, "avertissement", "avertissements")} (npm run check les liste) — ${c.ms} ms`,
    rejected: (path, reasons) => `  rejeté ${path} : ${reasons.join(" ; ")}`,
    skipped: (path, reason) => `  ignoré ${path} : ${reason}`,
    ciStop: (errors, report) => `${count("fr", errors, "erreur", "erreurs")} dans le contenu (CI=true arrête la construction ; le rapport est dans ${report})`,
    rendered: (c) =>
      `revue : ${c.files === undefined ? `${count("fr", c.changed ?? 0, "fichier modifié rendu", "fichiers modifiés rendus")}, ${count("fr", c.removed ?? 0, "supprimé", "supprimés")}` : count("fr", c.files, "fichier rendu", "fichiers rendus")} ; ` +
      `index de recherche : ${count("fr", c.shardsWritten, "tranche écrite", "tranches écrites")} sur ${c.shards} (${count("fr", c.indexed, "article indexé", "articles indexés")})`,
    written: (output, ms) => `revue : site écrit dans ${output} en ${ms} ms`,
  },
  import: {
    needSource: "donnez un fichier ou un dossier à importer",
    urlWithOneFile: "--url ne va qu’avec un seul fichier",
    imported: (source, file) => `importé   ${source} → ${file}`,
    toCheck: (warning) => `          à vérifier : ${warning}`,
    duplicate: (source, reason, existing) => `doublon   ${source} : ${reason}, comme ${existing} (rien n’est écrit)`,
    skipped: (source, reason) => `ignoré    ${source} : ${reason}`,
    failed: (source, reasons) => `en erreur ${source} : ${reasons.join(" ; ")}`,
  },
  new: {
    needTitle: "donnez le titre de l’article",
    exists: (file) => `${file} existe déjà : choisissez un autre titre ou modifiez ce fichier`,
    created: (file) => `créé ${file}\nRemplissez-le, retirez \`draft: true\` pour le publier, et lancez \`npm start\` pour le prévisualiser.`,
  },
  verify: {
    brokenLink: (page, href) => `lien cassé : ${page} → ${href}`,
    html: (problem) => `html-validate : ${problem}`,
    overBudget: (problem) => `trop lourde : ${problem}`,
    summary: (c) =>
      `verify : ${count("fr", c.links, "lien cassé", "liens cassés")}, ${count("fr", c.html, "problème HTML", "problèmes HTML")}, ${count("fr", c.budgets, "page trop lourde", "pages trop lourdes")} (préfixe ${c.prefix})`,
  },
  progress: (label, done, total, rate, left) => `${label} : ${done}/${total} (${rate}/s, reste ${left} s)`,
};

const en: EditorMessages = {
  severity: (severity) => severity,
  failed: "error",
  check: {
    summary: (c) =>
      `${count("en", c.read, "article checked", "articles checked")} (${c.published} published, ${count("en", c.drafts, "draft", "drafts")}, ${c.rejected} rejected, ${c.skipped} skipped), ` +
      `${count("en", c.actors, "actor", "actors")}, ${count("en", c.topics, "topic", "topics")}: ${count("en", c.errors, "error", "errors")}, ${count("en", c.warnings, "warning", "warnings")}`,
  },
  build: {
    summary: (c) =>
      `revue: ${count("en", c.read, "source read", "sources read")}: ${c.published} published, ${count("en", c.drafts, "draft", "drafts")}, ${c.rejected} rejected, ${c.skipped} skipped; ` +
      `${count("en", c.errors, "error", "errors")}, ${count("en", c.warnings, "warning", "warnings")} (npm run check lists them) — ${c.ms} ms`,
    rejected: (path, reasons) => `  rejected ${path}: ${reasons.join("; ")}`,
    skipped: (path, reason) => `  skipped ${path}: ${reason}`,
    ciStop: (errors, report) => `${count("en", errors, "content error", "content errors")} (CI=true stops the build; the report is in ${report})`,
    rendered: (c) =>
      `revue: ${c.files === undefined ? `${count("en", c.changed ?? 0, "changed file", "changed files")} rendered, ${c.removed ?? 0} removed` : `${count("en", c.files, "file", "files")} rendered`}; ` +
      `search index: ${c.shardsWritten} of ${count("en", c.shards, "shard", "shards")} written (${count("en", c.indexed, "article", "articles")})`,
    written: (output, ms) => `revue: site written to ${output} in ${ms} ms`,
  },
  import: {
    needSource: "give a file or a folder to import",
    urlWithOneFile: "--url goes with a single file",
    imported: (source, file) => `imported  ${source} → ${file}`,
    toCheck: (warning) => `          to check: ${warning}`,
    duplicate: (source, reason, existing) => `duplicate ${source}: ${reason} as ${existing} (nothing written)`,
    skipped: (source, reason) => `skipped   ${source}: ${reason}`,
    failed: (source, reasons) => `failed    ${source}: ${reasons.join("; ")}`,
  },
  new: {
    needTitle: "give the article's title",
    exists: (file) => `${file} already exists: choose another title or edit that file`,
    created: (file) => `created ${file}\nFill it in, remove \`draft: true\` to publish, and run \`npm start\` to preview.`,
  },
  verify: {
    brokenLink: (page, href) => `broken link: ${page} → ${href}`,
    html: (problem) => `html-validate: ${problem}`,
    overBudget: (problem) => `over budget: ${problem}`,
    summary: (c) =>
      `verify: ${count("en", c.links, "broken link", "broken links")}, ${count("en", c.html, "HTML problem", "HTML problems")}, ${count("en", c.budgets, "page", "pages")} over budget (prefix ${c.prefix})`,
  },
  progress: (label, done, total, rate, left) => `${label}: ${done}/${total} (${rate}/s, ${left} s left)`,
};

export function editorMessages(lang: EditorLang): EditorMessages {
  return lang === "en" ? en : fr;
}
