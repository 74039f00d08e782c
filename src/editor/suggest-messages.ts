import { count, type EditorLang } from "../messages/plural.ts";

/**
 * What `npm run actors:suggest` prints, in the site's language (content/site.yml `lang`):
 * French by default, English with `lang: en`. The script only picks the catalogue.
 */
export interface SuggestMessages {
  usage: string;
  none: string;
  /** The first line of a suggestion: its name, kind and evidence. */
  heading(s: { name: string; kind: "person" | "agency"; mentions: number; articles: number; recognised: number; cue: string; published: boolean }): string;
  example(sentence: string, path: string): string;
  alsoIn(paths: readonly string[], more: number): string;
  toCreate(file: string): string;
  /** The closing line: how many names there are to review, and how to act on one. */
  total(n: number): string;
  created(file: string): string;
  exists(file: string): string;
  invalid(file: string, problems: readonly string[]): string;
  noMatch(name: string, closest: readonly string[]): string;
  ignored(name: string, file: string): string;
  alreadyIgnored(name: string, file: string): string;
  needName(option: string): string;
}

const fr: SuggestMessages = {
  usage: "usage : npm run actors:suggest -- [--content DOSSIER] [--limit N] [--accept NOM | --ignore NOM]",
  none: "Tous les noms trouvés dans les articles sont dans la base de connaissances.",
  heading: (s) =>
    `${s.name} — ${s.kind === "person" ? "personne" : "institution"}, ${count("fr", s.mentions, "mention", "mentions")} dans ${count("fr", s.articles, "article", "articles")}` +
    (s.recognised > 0
      ? ` (annoncée par « ${s.cue} », reconnue dans ${count("fr", s.recognised, "autre article", "autres articles")})`
      : s.published
        ? ` (déjà publiée comme acteur${s.cue ? `, annoncée par « ${s.cue} »` : ""})`
        : " (pas encore publiée : aucun indice de fonction)"),
  example: (sentence, path) => `  exemple : « ${sentence} » (${path})`,
  alsoIn: (paths, more) => `  aussi dans : ${paths.join(", ")}${more > 0 ? ` et ${count("fr", more, "autre", "autres")}` : ""}`,
  toCreate: (file) => `  à créer : ${file}`,
  total: (n) => `\n${count("fr", n, "nom", "noms")} à examiner. Ajouter : npm run actors:suggest -- --accept "Nom" ; écarter : npm run actors:suggest -- --ignore "Nom".`,
  created: (file) => `Créé : ${file} (complétez la description, le pays et les fonctions, puis lancez npm run check).`,
  exists: (file) => `${file} existe déjà : rien n'a été écrit. Complétez ce fichier ou supprimez-le d'abord.`,
  invalid: (file, problems) => `le fichier proposé pour ${file} ne serait pas valide, rien n'a été écrit :\n  ${problems.join("\n  ")}`,
  noMatch: (name, closest) =>
    `aucune suggestion ne correspond à « ${name} ».` + (closest.length ? ` Les plus proches : ${closest.map((c) => `« ${c} »`).join(", ")}.` : " Lancez npm run actors:suggest pour voir la liste."),
  ignored: (name, file) => `« ${name} » est écarté : il ne sera plus proposé ni publié comme acteur (liste : ${file}).`,
  alreadyIgnored: (name, file) => `« ${name} » est déjà écarté (${file}).`,
  needName: (option) => `${option} demande un nom : npm run actors:suggest -- ${option} "Nom Prénom"`,
};

const en: SuggestMessages = {
  usage: "usage: npm run actors:suggest -- [--content DIR] [--limit N] [--accept NAME | --ignore NAME]",
  none: "Every name found in the articles is in the knowledge base.",
  heading: (s) =>
    `${s.name} — ${s.kind === "person" ? "person" : "institution"}, ${count("en", s.mentions, "mention", "mentions")} in ${count("en", s.articles, "article", "articles")}` +
    (s.recognised > 0
      ? ` (announced by "${s.cue}", recognised in ${count("en", s.recognised, "other article", "other articles")})`
      : s.published
        ? ` (already published as an actor${s.cue ? `, announced by "${s.cue}"` : ""})`
        : " (not published yet: no cue such as a title)"),
  example: (sentence, path) => `  example: "${sentence}" (${path})`,
  alsoIn: (paths, more) => `  also in: ${paths.join(", ")}${more > 0 ? ` and ${count("en", more, "other", "others")}` : ""}`,
  toCreate: (file) => `  to create: ${file}`,
  total: (n) => `\n${count("en", n, "name", "names")} to review. Add one: npm run actors:suggest -- --accept "Name"; dismiss one: npm run actors:suggest -- --ignore "Name".`,
  created: (file) => `Created ${file} (fill in the description, country and roles, then run npm run check).`,
  exists: (file) => `${file} already exists: nothing was written. Complete that file, or delete it first.`,
  invalid: (file, problems) => `the file proposed for ${file} would not be valid, nothing was written:\n  ${problems.join("\n  ")}`,
  noMatch: (name, closest) =>
    `no suggestion matches "${name}".` + (closest.length ? ` Closest: ${closest.map((c) => `"${c}"`).join(", ")}.` : " Run npm run actors:suggest to see the list."),
  ignored: (name, file) => `"${name}" is dismissed: it will no longer be suggested nor published as an actor (list: ${file}).`,
  alreadyIgnored: (name, file) => `"${name}" is already dismissed (${file}).`,
  needName: (option) => `${option} needs a name: npm run actors:suggest -- ${option} "First Last"`,
};

export function suggestMessages(lang: EditorLang): SuggestMessages {
  return lang === "en" ? en : fr;
}
