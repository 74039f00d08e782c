import { stringify } from "yaml";
import type { Archive } from "../pipeline/build-archive.ts";
import type { ArticleRecord, Suggestion } from "../model/article.ts";
import type { ExtractionRules } from "../model/knowledge.ts";
import { isFullPersonName, isHashtagLike, isInitialsName, isStrongCue } from "../extract/name-evidence.ts";
import { foldText } from "../text/fold.ts";
import { slugify } from "../text/slug.ts";
import { tokenize } from "../text/tokenize.ts";

/**
 * Names found in the articles that the knowledge base lacks, each with the articles and
 * sentences it was read in and the file an editor would add for it. Names a strong cue
 * established and that archive memory then recognised in other articles come first
 * (src/extract/archive-memory.ts), then the most mentioned.
 */
export interface ActorSuggestion {
  kind: "person" | "agency";
  id: string;
  name: string;
  /** Mentions: one per article that names it (extraction keeps one suggestion per name and article). */
  count: number;
  /** Whether the name already tags articles (a cue, or archive memory). */
  published: boolean;
  /** The strongest cue it was announced by ("le ministre", "M.", "sigle défini dans le texte"), or "". */
  cue: string;
  /** Whether a strong cue announced it in at least one article. */
  established: boolean;
  /** Articles archive memory tagged with it, where it had no cue of its own. */
  recognised: number;
  /** Each article naming it, with a sentence it is in; the most telling first. */
  evidence: { path: string; sentence: string }[];
  file: string;
  yaml: string;
}

export function suggestActors(archive: Archive): ActorSuggestion[] {
  const { kb } = archive;
  const rules = kb.rules;
  // The template's example role names an institution of this knowledge base, so it validates once uncommented.
  const exampleAgency = [...kb.agencies.keys()].sort()[0];
  /** A suggestion being gathered, with the strength of the cue of its first evidence (2 strong, 1 weak, 0 none). */
  type Gathered = ActorSuggestion & { strength: number };
  const byKey = new Map<string, Gathered>();
  const records = [...archive.records, ...archive.drafts];
  const entry = (kind: "person" | "agency", name: string): Gathered => {
    const id = slugify(name);
    const key = `${kind}:${id}`;
    let item = byKey.get(key);
    if (!item) {
      const folder = kind === "person" ? "people" : "agencies";
      item = { kind, id, name, count: 0, published: false, cue: "", established: false, recognised: 0, evidence: [], file: `content/actors/${folder}/${id}.yml`, yaml: suggestedFile(kind, name, exampleAgency), strength: -1 };
      byKey.set(key, item);
    }
    return item;
  };
  const known = (id: string, name: string) => kb.people.has(id) || kb.agencies.has(id) || rules.names.ignored.has(foldText(name));
  const seen = (item: Gathered, record: ArticleRecord, sentence: string, strength: number) => {
    if (item.evidence.some((e) => e.path === record.sourcePath)) return false;
    item.count++;
    // The sentence of the strongest cue first: it is the one that shows who the name is.
    const proof = { path: record.sourcePath, sentence };
    if (strength > item.strength) {
      item.evidence.unshift(proof);
      item.strength = strength;
    } else item.evidence.push(proof);
    return true;
  };

  for (const record of records) {
    for (const suggestion of record.suggestions) {
      const kind = suggestionKind(suggestion, rules);
      if (!kind) continue;
      const id = slugify(suggestion.name);
      if (known(id, suggestion.name)) continue;
      const item = entry(kind, suggestion.name);
      const strong = isStrongCue(suggestion.cue);
      if (!seen(item, record, suggestion.example, suggestion.published ? (strong ? 2 : 1) : 0)) continue;
      item.published ||= suggestion.published;
      if (suggestion.published && strong && (!item.established || !item.cue)) item.cue = suggestion.cue;
      item.established ||= suggestion.published && strong;
    }
    // Archive memory: a person this article names without a cue ("M. Le Maire", "Bruno Le Maire a dit").
    for (const person of record.people) {
      if (person.via !== "inferred" || known(person.id, person.name)) continue;
      const item = entry("person", person.name);
      const sentence = record.suggestions.find((s) => person.mentions.includes(s.name))?.example ?? person.name;
      // Its own suggestion (the full name without a cue) may have counted the article already.
      seen(item, record, sentence, 0);
      item.recognised++;
      item.published = true;
    }
  }
  return [...byKey.values()]
    .map(({ strength: _strength, ...item }) => item)
    .sort(
      (a, b) =>
        Number(b.established && b.recognised > 0) - Number(a.established && a.recognised > 0) ||
        b.count - a.count ||
        Number(b.established) - Number(a.established) ||
        Number(b.published) - Number(a.published) ||
        a.name.localeCompare(b.name, "fr"),
    );
}

/**
 * What a suggested name is, from its cues and its shape: an institution when its first word
 * is an institution's head noun ("Office", "Agence"), whatever the extractor guessed; a
 * person when it has a given name and a surname; nothing when it is a hashtag, initials or a
 * single word ("Juriste", "Al-Dohr": a common word or a lone surname names no one to add).
 */
export function suggestionKind(suggestion: Suggestion, rules: ExtractionRules): "person" | "agency" | undefined {
  const name = suggestion.name.trim();
  if (isHashtagLike(name)) return undefined;
  if (suggestion.kind === "agency" || startsWithInstitutionHead(name, rules)) return name.length >= 3 ? "agency" : undefined;
  if (isInitialsName(name) || !isFullPersonName(name)) return undefined;
  const words = tokenize(name).map((token) => token.folded);
  if (words.every((word) => rules.names.notNames.has(word) || rules.names.particles.has(word))) return undefined;
  return "person";
}

function startsWithInstitutionHead(name: string, rules: ExtractionRules): boolean {
  const words = tokenize(name).map((token) => token.folded);
  if (words.length === 0) return false;
  if (rules.names.institutionHeads.has(words[0] as string)) return true;
  return rules.institutions.heads.some((head) => head.length > 0 && head.every((word, k) => words[k] === word));
}

/**
 * The suggestion an editor means by a name: the same name with case and accents aside, or
 * its file's id; otherwise none, with the closest names to offer instead.
 */
export function findSuggestion(suggestions: readonly ActorSuggestion[], name: string): { match: ActorSuggestion } | { closest: string[] } {
  const key = foldText(name);
  const id = slugify(name);
  const match = suggestions.find((s) => foldText(s.name) === key) ?? suggestions.find((s) => s.id === id);
  if (match) return { match };
  const scored = suggestions.map((s) => ({ name: s.name, distance: editDistance(key, foldText(s.name)) }));
  const limit = Math.max(3, Math.ceil(key.length / 2));
  const closest = scored
    .filter((s) => s.distance <= limit || foldText(s.name).includes(key) || key.includes(foldText(s.name)))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, "fr"))
    .slice(0, 3)
    .map((s) => s.name);
  return { closest };
}

/** Levenshtein distance, two rows: names are short. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** A knowledge-base file that validates as it is, with the optional keys shown as comments (uncommented, they validate too). */
export function suggestedFile(kind: "person" | "agency", name: string, exampleAgency = "identifiant-de-l-institution"): string {
  const first = stringify({ name }, { lineWidth: 0 });
  if (kind === "person") {
    return `${first}aliases: []          # autres graphies : initiale et nom, nom seul s'il est distinctif
description: ""      # une ligne : fonction et pays
# country: MA        # code ISO du pays
# roles:
#   - title: Directeur général
#     agency: ${exampleAgency}     # identifiant d'une institution (content/actors/agencies/)
#     from: 2020
`;
  }
  return `${first}aliases: []          # autres noms de l'institution
description: ""      # une ligne
category: autre      # renseignement, police, gendarmerie, armee, justice, ministere, gouvernement, parlement, diplomatie, presidence, international, douane, autre
# acronym: SIGLE
# country: MA
`;
}
