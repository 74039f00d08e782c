import type { Diagnostic, DiagnosticParams } from "../model/diagnostic.ts";
import { entry, list, type DiagnosticText, type Entry } from "./diagnostic-entry.ts";
import { ARCHIVE_TEXTS } from "./diagnostics-archive.ts";
import { INGEST_TEXTS, skipReasonFr } from "./diagnostics-ingest.ts";
import { KNOWLEDGE_TEXTS } from "./diagnostics-knowledge.ts";
import { fieldDescriptionFr } from "./field-descriptions.ts";
import type { EditorLang } from "./plural.ts";

export type { DiagnosticText } from "./diagnostic-entry.ts";

/**
 * The texts of the diagnostics editors meet, in French and English. A diagnostic is
 * made deep in src/, where the site's language is unknown: it carries a `code` and the
 * `params` its text is made of (see `described`), and the commands write it in the site's
 * language when they print it (`diagnosticText`). Its `message` and `fix` hold the English
 * text, for diagnostics read as data (tests, the build's report) and for those without a code.
 * The texts of reading sources, of the archive and of the rules' files live in files of
 * their own (./diagnostics-ingest.ts, -archive.ts, -knowledge.ts), merged here.
 */

/** The path of a key in a file (`roles.0.from`), or the file itself. */
const whereEn = (path: string) => (path ? `\`${path}\`` : "the file");
const whereFr = (path: string) => (path ? `\`${path}\`` : "le fichier");

const TYPES: Readonly<Record<string, readonly [string, string]>> = {
  string: ["a text", "un texte"],
  array: ["a list", "une liste"],
  object: ["a set of `key: value` lines", "des lignes `clé: valeur`"],
  integer: ["a whole number", "un nombre entier"],
  number: ["a number", "un nombre"],
  boolean: ["true or false", "true ou false"],
};
/** "string,integer" (a value of several types) → "a text or a whole number". */
const typeWords = (types: string, lang: 0 | 1) =>
  types
    .split(",")
    .map((type) => TYPES[type]?.[lang] ?? type)
    .join(lang === 0 ? " or " : " ou ");

const KIND_FOLDERS = { person: "actors/people", agency: "actors/agencies", place: "places", topic: "topics", outlet: "outlets" } as const;
const KIND_FR = { person: "une personne", agency: "une institution", place: "un lieu", topic: "un sujet", outlet: "un média" } as const;
const KIND_EN = { person: "a person", agency: "an institution", place: "a place", topic: "a topic", outlet: "an outlet" } as const;

const CORE_TEXTS = {
  // Front matter (src/archive/front-matter.ts, front-matter-keys.ts)
  "front-matter-date-not-a-day": entry<{ key: string; written: string }>(
    (p) => ({ message: `\`${p.key}\` ${p.written} is not a day of the calendar`, fix: "Correct the day or the month (YYYY-MM-DD)." }),
    (p) => ({ message: `\`${p.key}\` ${p.written} n’est pas un jour du calendrier`, fix: "Corrigez le jour ou le mois (AAAA-MM-JJ)." }),
  ),
  "front-matter-date-implausible": entry<{ key: string; written: string; publication: number; earliest: number }>(
    (p) => ({ message: `\`${p.key}\` ${p.written} is not a plausible ${p.publication ? "publication date" : "date"}`, fix: `Write a date between ${p.earliest} and today.` }),
    (p) => ({ message: `\`${p.key}\` ${p.written} n’est pas une date${p.publication ? " de publication" : ""} plausible`, fix: `Écrivez une date entre ${p.earliest} et aujourd’hui.` }),
  ),
  "front-matter-unknown-key": entry<{ key: string; close: string; keys: readonly string[] }>(
    (p) => ({
      message: `unknown key \`${p.key}\`: Revue ignores it`,
      fix: `${p.close ? `Did you mean \`${p.close}\`? ` : ""}Remove the line if the article does not need it. Revue reads: ${list(p.keys)} (and the same fields as Hugo, Jekyll and Eleventy name them).`,
    }),
    (p) => ({
      message: `clé inconnue \`${p.key}\` : Revue l’ignore`,
      fix: `${p.close ? `Vouliez-vous dire \`${p.close}\` ? ` : ""}Retirez la ligne si l’article n’en a pas besoin. Revue lit : ${list(p.keys)} (et les mêmes champs sous les noms de Hugo, Jekyll et Eleventy).`,
    }),
  ),
  "front-matter-url": entry<{ shown: string }>(
    (p) => ({
      message: `\`url\` ${p.shown} is not an http(s) address: the article is published without it`,
      fix: "Write the original article's full address, starting with https:// or http:// (no user name or password), or remove the line.",
    }),
    (p) => ({
      message: `\`url\` ${p.shown} n’est pas une adresse http(s) : l’article est publié sans elle`,
      fix: "Écrivez l’adresse complète de l’article d’origine, commençant par https:// ou http:// (sans nom d’utilisateur ni mot de passe), ou retirez la ligne.",
    }),
  ),
  // References to the knowledge base (src/archive/build-article.ts)
  "unknown-reference": entry<{ field: string; value: string; kind: keyof typeof KIND_FOLDERS; file: string; suggestions: readonly string[] }>(
    (p) => ({
      message: `\`${p.field}\` names "${p.value}", which is not in the knowledge base`,
      fix: p.suggestions.length
        ? `Did you mean ${p.suggestions.map((s) => `"${s}"`).join(" or ")}? Write that name instead, or add content/${KIND_FOLDERS[p.kind]}/${p.file}.yml.`
        : `Check the spelling, or add content/${KIND_FOLDERS[p.kind]}/${p.file}.yml.`,
    }),
    (p) => ({
      message: `\`${p.field}\` nomme « ${p.value} », absent de la base de connaissances`,
      fix: p.suggestions.length
        ? `Vouliez-vous dire ${p.suggestions.map((s) => `« ${s} »`).join(" ou ")} ? Écrivez ce nom à la place, ou ajoutez content/${KIND_FOLDERS[p.kind]}/${p.file}.yml.`
        : `Vérifiez l’orthographe, ou ajoutez content/${KIND_FOLDERS[p.kind]}/${p.file}.yml.`,
    }),
  ),
  "unknown-reference-add": entry<{ value: string; kind: keyof typeof KIND_FOLDERS; file: string; suggestions: readonly string[] }>(
    (p) => ({
      message: `\`add\` names "${p.value}", which is not in the knowledge base: the article is not tagged with it`,
      fix: p.suggestions.length
        ? `Did you mean ${p.suggestions.map((s) => `"${s}"`).join(" or ")}? Write that name instead, or add content/${KIND_FOLDERS[p.kind]}/${p.file}.yml.`
        : `Check the spelling, or add content/${KIND_FOLDERS[p.kind]}/${p.file}.yml (${KIND_EN[p.kind]}).`,
    }),
    (p) => ({
      message: `\`add\` nomme « ${p.value} », absent de la base de connaissances : l’article n’en est pas marqué`,
      fix: p.suggestions.length
        ? `Vouliez-vous dire ${p.suggestions.map((s) => `« ${s} »`).join(" ou ")} ? Écrivez ce nom à la place, ou ajoutez content/${KIND_FOLDERS[p.kind]}/${p.file}.yml.`
        : `Vérifiez l’orthographe, ou ajoutez content/${KIND_FOLDERS[p.kind]}/${p.file}.yml (${KIND_FR[p.kind]}).`,
    }),
  ),
  "date-missing": entry<{ candidates: readonly string[]; certain: number; evidence: string }>(
    (p) => ({
      message: p.candidates.length
        ? `no publication date in the source; ${p.certain ? "the only possible date is" : "possible dates:"} ${list(p.candidates)} (from "${p.evidence}")`
        : "no publication date in the source",
      fix: "Add `date: YYYY-MM-DD` to the front matter, and `date_evidence:` saying how you established it.",
    }),
    (p) => ({
      message: p.candidates.length
        ? `pas de date de publication dans la source ; ${p.certain ? "la seule date possible est" : "dates possibles :"} ${list(p.candidates)} (d’après « ${p.evidence} »)`
        : "pas de date de publication dans la source",
      fix: "Ajoutez `date: AAAA-MM-JJ` à l’en-tête, et `date_evidence:` pour dire comment vous l’avez établie.",
    }),
  ),
  "title-missing": entry<Record<string, never>>(
    () => ({ message: "no title: the front matter has none and no headline was found", fix: "Add `title: …` to the front matter." }),
    () => ({ message: "pas de titre : l’en-tête n’en a pas et aucun titre n’a été trouvé dans le texte", fix: "Ajoutez `title: …` à l’en-tête." }),
  ),
  "too-many-entities": entry<{ max: number; kind: "person" | "agency" | "place" }>(
    (p) => ({ message: `the article names more than ${p.max} ${p.kind === "person" ? "people" : p.kind === "agency" ? "agencies" : "places"}: only the most mentioned tag it`, fix: "List the ones that matter in the front matter." }),
    (p) => ({ message: `l’article nomme plus de ${p.max} ${p.kind === "person" ? "personnes" : p.kind === "agency" ? "institutions" : "lieux"} : seuls les plus cités le marquent`, fix: "Listez dans l’en-tête ceux qui comptent." }),
  ),
  "duplicate-url": entry<{ url: string; other: string }>(
    (p) => ({ message: `URL ${p.url} is already the source of ${p.other}`, fix: "Delete the duplicate article, or correct its `url:`." }),
    (p) => ({ message: `l’URL ${p.url} est déjà la source de ${p.other}`, fix: "Supprimez l’article en double, ou corrigez son `url:`." }),
  ),
  // Schemas (src/model/schemas/validate.ts): front matter and knowledge-base files.
  "schema-unknown-key": entry<{ key: string; path: string; close: string; allowed: readonly string[] }>(
    (p) => ({ message: `unknown key \`${p.key}\` in ${whereEn(p.path)}`, fix: `${p.close ? `Did you mean \`${p.close}\`? ` : ""}Allowed keys: ${list(p.allowed)}.` }),
    (p) => ({ message: `clé inconnue \`${p.key}\` dans ${whereFr(p.path)}`, fix: `${p.close ? `Vouliez-vous dire \`${p.close}\` ? ` : ""}Clés permises : ${list(p.allowed)}.` }),
  ),
  "schema-required": entry<{ key: string; path: string }>(
    (p) => ({ message: `missing required key \`${p.key}\` in ${whereEn(p.path)}`, fix: `Add \`${p.key}:\` with a value.` }),
    (p) => ({ message: `il manque la clé obligatoire \`${p.key}\` dans ${whereFr(p.path)}`, fix: `Ajoutez \`${p.key}:\` avec une valeur.` }),
  ),
  "schema-type": entry<{ path: string; type: string }>(
    (p) => ({ message: `${whereEn(p.path)} must be ${typeWords(p.type, 0)}`, fix: p.type === "array" ? "Write a list: one `- item` per line, or `[a, b]`." : `Write ${typeWords(p.type, 0)}.` }),
    (p) => ({ message: `${whereFr(p.path)} doit être ${typeWords(p.type, 1)}`, fix: p.type === "array" ? "Écrivez une liste : un `- élément` par ligne, ou `[a, b]`." : `Écrivez ${typeWords(p.type, 1)}.` }),
  ),
  "schema-min-length": entry<{ path: string }>(
    (p) => ({ message: `${whereEn(p.path)} is empty or too short`, fix: "Write a value, or remove the line." }),
    (p) => ({ message: `${whereFr(p.path)} est vide ou trop court`, fix: "Écrivez une valeur, ou retirez la ligne." }),
  ),
  "schema-enum": entry<{ path: string; allowed: readonly string[] }>(
    (p) => ({ message: `${whereEn(p.path)} must be one of: ${list(p.allowed)}` }),
    (p) => ({ message: `${whereFr(p.path)} doit être l’une de ces valeurs : ${list(p.allowed)}` }),
  ),
  "schema-pattern": entry<{ path: string; expected: string; schema?: string }>(
    (p) => ({ message: `${whereEn(p.path)} is not valid: expected ${p.expected}` }),
    (p) => ({
      message: `${whereFr(p.path)} n’est pas valide : attendu ${(p.schema !== undefined ? fieldDescriptionFr(p.schema, p.path) : undefined) ?? p.expected.replace(/YYYY/g, "AAAA").replace(/DD/g, "JJ").replace(/ or /g, " ou ")}`,
    }),
  ),
  "schema-pattern-bare": entry<{ path: string; detail: string; pattern: string }>(
    (p) => ({ message: `${whereEn(p.path)} is not valid (${p.detail})` }),
    (p) => ({ message: `${whereFr(p.path)} n’est pas valide : la valeur doit suivre le motif \`${p.pattern}\`` }),
  ),
  "schema-constraint": entry<{ path: string; keyword: string; detail: string; limit: number }>(
    (p) => ({ message: `${whereEn(p.path)} ${p.detail}` }),
    (p) => ({
      message:
        p.keyword === "minimum"
          ? `${whereFr(p.path)} doit être supérieur ou égal à ${p.limit}`
          : p.keyword === "maximum"
            ? `${whereFr(p.path)} doit être inférieur ou égal à ${p.limit}`
            : p.keyword === "minItems"
              ? `${whereFr(p.path)} doit compter au moins ${p.limit} élément${p.limit > 1 ? "s" : ""}`
              : p.keyword === "uniqueItems"
                ? `${whereFr(p.path)} contient deux fois la même valeur`
                : `${whereFr(p.path)} n’est pas valide (règle \`${p.keyword}\` du schéma : ${p.detail})`,
    }),
  ),
  // The knowledge base (src/knowledge/load.ts, validate.ts)
  "kb-alias-conflict": entry<{ name: string; what: "actor" | "place" | "outlet"; id: string; other: string; otherFile: string }>(
    (p) => ({
      message: `"${p.name}" is claimed by two ${p.what}s: ${p.id} and ${p.other} (${p.otherFile})`,
      fix: "Remove it from one of them, or move it to `shared_aliases` in both so that the article's context decides.",
    }),
    (p) => ({
      message: `« ${p.name} » est revendiqué par deux ${{ actor: "acteurs", place: "lieux", outlet: "médias" }[p.what]} : ${p.id} et ${p.other} (${p.otherFile})`,
      fix: "Retirez-le de l’un des deux, ou déplacez-le dans `shared_aliases` des deux pour que le contexte de l’article décide.",
    }),
  ),
  "kb-unknown-reference": entry<{ key: "agency" | "parent" | "aggregator"; detail: string; folder: string; id: string }>(
    (p) => ({
      message: `${p.key === "agency" ? `role "${p.detail}" names agency \`${p.id}\`` : p.key === "parent" ? `parent \`${p.id}\`` : `aggregator source \`${p.detail}\` → \`${p.id}\``}, but there is no content/${p.folder}/${p.id}.yml`,
      fix: `Create content/${p.folder}/${p.id}.yml or correct the id.`,
    }),
    (p) => ({
      message: `${p.key === "agency" ? `la fonction « ${p.detail} » nomme l’institution \`${p.id}\`` : p.key === "parent" ? `le parent \`${p.id}\`` : `la source d’agrégateur \`${p.detail}\` → \`${p.id}\``}, mais content/${p.folder}/${p.id}.yml n’existe pas`,
      fix: `Créez content/${p.folder}/${p.id}.yml ou corrigez l’identifiant.`,
    }),
  ),
  "kb-role-dates": entry<{ title: string; from: string; to: string }>(
    (p) => ({ message: `role "${p.title}" ends (${p.to}) before it starts (${p.from})`, fix: "Swap or correct `from` and `to`." }),
    (p) => ({ message: `la fonction « ${p.title} » finit (${p.to}) avant de commencer (${p.from})`, fix: "Inversez ou corrigez `from` et `to`." }),
  ),
  "kb-file-name": entry<{ name: string; fixed: string }>(
    (p) => ({ message: `file name \`${p.name}\` is not a valid id`, fix: `Rename it to \`${p.fixed}\` (lowercase letters, digits and hyphens).` }),
    (p) => ({ message: `le nom de fichier \`${p.name}\` n’est pas un identifiant valide`, fix: `Renommez-le \`${p.fixed}\` (minuscules, chiffres et traits d’union).` }),
  ),
  "kb-duplicate-id": entry<{ kind: "person" | "agency" | "topic"; id: string; seen: string; file: string }>(
    (p) => ({
      message: `${p.kind} id \`${p.id}\` is already defined in ${p.seen}`,
      fix:
        p.kind === "topic"
          ? `Keep one of ${p.seen} and ${p.file}: merge their keywords into it and delete the other (or rename it if they are two different topics).`
          : `Keep one of ${p.seen} and ${p.file}: merge their aliases into it and delete the other (or rename it if they are two different actors).`,
    }),
    (p) => ({
      message: `l’identifiant ${p.kind === "person" ? "de personne" : p.kind === "agency" ? "d’institution" : "de sujet"} \`${p.id}\` est déjà défini dans ${p.seen}`,
      fix:
        p.kind === "topic"
          ? `Gardez l’un de ${p.seen} et ${p.file} : fusionnez-y leurs mots-clés et supprimez l’autre (ou renommez-le s’il s’agit de deux sujets différents).`
          : `Gardez l’un de ${p.seen} et ${p.file} : fusionnez-y leurs alias et supprimez l’autre (ou renommez-le s’il s’agit de deux acteurs différents).`,
    }),
  ),
} satisfies Record<string, Entry<never>>;

const TEXTS = { ...CORE_TEXTS, ...INGEST_TEXTS, ...ARCHIVE_TEXTS, ...KNOWLEDGE_TEXTS } satisfies Record<string, Entry<never>>;

export type DiagnosticCode = keyof typeof TEXTS;
type ParamsOf<C extends DiagnosticCode> = (typeof TEXTS)[C] extends Entry<infer P> ? P : never;

/** A diagnostic's text as `described` gives it, for code that hands it on before the diagnostic is made. */
export interface Described {
  code: DiagnosticCode;
  params: DiagnosticParams;
  message: string;
  fix?: string;
}

/**
 * The text of a diagnostic, to spread into it: its code and params, and its English
 * message and fix. `{ file, line, rule, severity, ...described("kb-role-dates", {…}) }`.
 */
export function described<C extends DiagnosticCode>(code: C, params: ParamsOf<C>): { code: C; params: ParamsOf<C>; message: string; fix?: string } {
  const text = (TEXTS[code] as Entry<ParamsOf<C>>).en(params);
  return { code, params, message: text.message, ...(text.fix !== undefined ? { fix: text.fix } : {}) };
}

/** A diagnostic's message and fix in the editor's language; as stored when it has no code this catalogue knows. */
export function diagnosticText(d: Diagnostic, lang: EditorLang): DiagnosticText {
  const known = d.code !== undefined && d.params !== undefined && Object.hasOwn(TEXTS, d.code) ? (TEXTS[d.code as DiagnosticCode] as Entry<DiagnosticParams>) : undefined;
  if (known) {
    try {
      return known[lang](d.params as DiagnosticParams);
    } catch {
      // Params from an older cached record that no longer fit the text: the stored text is still right.
    }
  }
  return { message: d.message, ...(d.fix !== undefined ? { fix: d.fix } : {}) };
}

/**
 * Why a source was rejected, in the editor's language: each reason the build's report gives
 * (a diagnostic's stored message) written again from that diagnostic when it is among `diagnostics`.
 */
export function reasonsText(path: string, reasons: readonly string[], diagnostics: readonly Diagnostic[], lang: EditorLang): string[] {
  return reasons.map((reason) => {
    const diagnostic = diagnostics.find((d) => d.file === path && d.message === reason);
    return diagnostic ? diagnosticText(diagnostic, lang).message : reason;
  });
}

/** Why a file of the articles folder was not read, from its `source-skipped` warning, in the editor's language; none for another diagnostic. */
export function skipReasonText(d: Diagnostic, lang: EditorLang): string | undefined {
  if (d.code !== "source-skipped" || d.params === undefined) return undefined;
  const p = d.params as ParamsOf<"source-skipped">;
  return lang === "fr" ? skipReasonFr(p.kind, p.detail, p.link) : p.reason;
}
