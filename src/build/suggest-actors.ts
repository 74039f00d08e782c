import { stringify } from "yaml";
import type { Archive } from "./build-archive.ts";
import { slugify } from "../text/slug.ts";

/**
 * Names found in the articles that the knowledge base lacks, most frequent first, each
 * with an example sentence and the file an editor would add for it.
 */
export interface ActorSuggestion {
  kind: "person" | "agency";
  name: string;
  count: number;
  /** Whether the name already tags articles (it had a cue). */
  published: boolean;
  example: string;
  articles: string[];
  file: string;
  yaml: string;
}

export function suggestActors(archive: Archive): ActorSuggestion[] {
  const byName = new Map<string, ActorSuggestion>();
  for (const record of [...archive.records, ...archive.drafts]) {
    for (const suggestion of record.suggestions) {
      const id = slugify(suggestion.name);
      const key = `${suggestion.kind}:${id}`;
      if (archive.kb.people.has(id) || archive.kb.agencies.has(id)) continue;
      const folder = suggestion.kind === "person" ? "people" : "agencies";
      const item =
        byName.get(key) ??
        ({
          kind: suggestion.kind,
          name: suggestion.name,
          count: 0,
          published: false,
          example: suggestion.example,
          articles: [],
          file: `content/actors/${folder}/${id}.yml`,
          yaml: suggestedFile(suggestion.kind, suggestion.name),
        } satisfies ActorSuggestion);
      item.count++;
      item.published ||= suggestion.published;
      if (!item.articles.includes(record.sourcePath)) item.articles.push(record.sourcePath);
      byName.set(key, item);
    }
  }
  return [...byName.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "fr"));
}

/** A knowledge-base file that validates as it is, with the optional keys shown as comments. */
function suggestedFile(kind: "person" | "agency", name: string): string {
  const first = stringify({ name }, { lineWidth: 0 });
  if (kind === "person") {
    return `${first}aliases: []          # autres graphies : initiale et nom, nom seul s'il est distinctif
description: ""      # une ligne : fonction et pays
# country: MA        # code ISO du pays
# roles:
#   - title: Directeur général
#     agency: dgst     # identifiant d'une institution (content/actors/agencies/)
#     from: 2015
`;
  }
  return `${first}aliases: []          # autres noms de l'institution
description: ""      # une ligne
category: autre      # renseignement, police, gendarmerie, armee, justice, ministere, gouvernement, parlement, diplomatie, presidence, international, douane, autre
# acronym: BCIJ
# country: MA
`;
}
