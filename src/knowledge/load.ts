import { createHash, type Hash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { described } from "../messages/diagnostics.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Agency, KnowledgeBase, Outlet, Person, Place, Topic } from "../model/knowledge.ts";
import { parseYaml, type ParsedYaml } from "../ingest/yaml.ts";
import { validateAgainst, type SchemaName } from "../model/schemas/validate.ts";
import { slugify } from "../text/slug.ts";
import { addPlaces, toAgency, toOutlet, toPerson, toTopic, type Raw } from "./entries.ts";
import { listPacks, listYaml, type KbFile } from "./kb-file.ts";
import { loadRules, RULE_FILES } from "./rules.ts";
import { validateKnowledgeBase } from "./validate.ts";

/** Where each kind of knowledge-base file lives under the content folder. */
export const KNOWLEDGE_FOLDERS = {
  people: "actors/people",
  agencies: "actors/agencies",
  topics: "topics",
  places: "places",
  outlets: "outlets",
} as const;

/**
 * Packs a newsroom adds, removes or replaces as a whole: every subfolder of `content/packs/`
 * may hold `people/` and `agencies/`, read like those of `content/actors/`, and `topics/`,
 * read like `content/topics/`.
 */
export const PACKS_FOLDER = "packs";
const PACK_KINDS = { people: "people", agencies: "agencies", topics: "topics" } as const;

export interface LoadedKnowledgeBase {
  kb: KnowledgeBase;
  diagnostics: Diagnostic[];
}

type KnowledgeFolder = keyof typeof KNOWLEDGE_FOLDERS;

/**
 * Reads the knowledge base editors maintain in `content/`: one YAML file per person,
 * agency, topic and outlet, one list of places per country. Files that fail validation
 * are reported and left out; the rest of the base still loads.
 */
export function loadKnowledgeBase(contentDir: string, cwd = process.cwd()): LoadedKnowledgeBase {
  const diagnostics: Diagnostic[] = [];
  const hash = createHash("sha256");
  const people = new Map<string, Person>();
  const agencies = new Map<string, Agency>();
  const topics = new Map<string, Topic>();
  const places = new Map<string, Place>();
  const outlets = new Map<string, Outlet>();
  const { rules, diagnostics: ruleProblems, texts } = loadRules(contentDir, cwd);
  diagnostics.push(...ruleProblems);
  for (const text of texts) hash.update(text).update("\0");

  const read = knowledgeFolderReader(contentDir, cwd, hash, diagnostics);
  read("people", "person", (file, data) => people.set(file.id, toPerson(file, data as Raw)));
  read("agencies", "agency", (file, data) => agencies.set(file.id, toAgency(file, data as Raw)));
  read("topics", "topic", (file, data) => topics.set(file.id, toTopic(file, data as Raw)));
  read("places", "places", (file, data, parsed) => addPlaces(places, file, data as Raw[], parsed, diagnostics));
  read("outlets", "outlet", (file, data, parsed) => outlets.set(file.id, toOutlet(file, data as Raw, parsed, diagnostics)));

  const kb: KnowledgeBase = Object.freeze({ rules, people, agencies, topics, places, outlets, version: hash.digest("hex").slice(0, 16) });
  diagnostics.push(...validateKnowledgeBase(kb));
  return { kb, diagnostics };
}

/**
 * A function that reads every file of one kind (its folder and, for actors, each pack's), adds
 * each file to the version hash, and hands `add` the files that parse, validate and have a free,
 * valid id; the others are reported. Ids are remembered across the calls of one load.
 */
function knowledgeFolderReader(contentDir: string, cwd: string, hash: Hash, diagnostics: Diagnostic[]) {
  const packDirs = listPacks(join(contentDir, PACKS_FOLDER));
  const firstFile = new Map<string, string>();
  return (folder: KnowledgeFolder, schema: SchemaName, add: (file: KbFile, data: Raw | Raw[], parsed: ParsedYaml) => void): void => {
    const dirs = [join(contentDir, KNOWLEDGE_FOLDERS[folder])];
    if (folder in PACK_KINDS) dirs.push(...packDirs.map((pack) => join(pack, PACK_KINDS[folder as keyof typeof PACK_KINDS])));
    for (const file of dirs.flatMap((dir) => listYaml(dir, cwd))) {
      hash.update(file.display).update("\0").update(file.text).update("\0");
      const parsed = parseYaml(file.text, file.display);
      // A warning (a key written twice) leaves the entry in the knowledge base; an error keeps it out.
      diagnostics.push(...parsed.diagnostics);
      if (parsed.diagnostics.some((d) => d.severity === "error")) continue;
      const problems = validateAgainst(schema, parsed.data, file.display, parsed.lineOf);
      if (problems.length) {
        diagnostics.push(...problems);
        continue;
      }
      const idProblem = idProblemOf(file, folder, firstFile);
      if (idProblem) {
        diagnostics.push(idProblem);
        continue;
      }
      firstFile.set(`${folder}/${file.id}`, file.display);
      add(file, parsed.data as Raw | Raw[], parsed);
    }
  };
}

/** Why a file's name cannot be its entry's id: not a slug, or already taken (`firstFile`: `folder/id` → the file that took it). */
function idProblemOf(file: KbFile, folder: KnowledgeFolder, firstFile: ReadonlyMap<string, string>): Diagnostic | undefined {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(file.id)) {
    return {
      file: file.display,
      line: 1,
      rule: "kb-file-name",
      severity: "error",
      ...described("kb-file-name", { name: basename(file.path), fixed: `${slugify(file.id)}.yml` }),
    };
  }
  // The same id in content/ and in a pack, or in two packs, would silently replace one entry with the other.
  const seen = firstFile.get(`${folder}/${file.id}`);
  if (seen === undefined) return undefined;
  return {
    file: file.display,
    line: 1,
    rule: "kb-duplicate-id",
    severity: "error",
    ...described("kb-duplicate-id", { kind: folder === "people" ? "person" : folder === "topics" ? "topic" : "agency", id: file.id, seen, file: file.display }),
  };
}

/**
 * The name, size and modification time of every knowledge-base and rules file, as one
 * string: a long-running process reads the knowledge base again only when it changes.
 */
export function knowledgeStamp(contentDir: string): string {
  const parts: string[] = [];
  const packFolders = listPacks(join(contentDir, PACKS_FOLDER)).flatMap((pack) => Object.values(PACK_KINDS).map((kind) => relative(contentDir, join(pack, kind))));
  for (const folder of new Set([...Object.values(KNOWLEDGE_FOLDERS), ...RULE_FILES.map((file) => dirname(file)), PACKS_FOLDER, ...packFolders])) {
    const dir = join(contentDir, folder);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        const { size, mtimeMs } = statSync(join(dir, name));
        parts.push(`${folder}/${name}:${size}:${mtimeMs}`);
      } catch {
        // Deleted while listed: the next stamp differs anyway.
      }
    }
  }
  return parts.join("\n");
}
