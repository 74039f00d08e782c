import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { described } from "../messages/diagnostics.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Agency, KnowledgeBase, Outlet, Person, Place, Role, Topic } from "../model/knowledge.ts";
import { parseYaml, type ParsedYaml } from "../ingest/yaml.ts";
import { validateAgainst, type SchemaName } from "../model/schemas/validate.ts";
import { slugify } from "../text/slug.ts";
import { LINEAR_PATTERN_FIX, linearPattern } from "./linear-regexp.ts";
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
 * Packs of actors a newsroom adds, removes or replaces as a whole: every subfolder of
 * `content/packs/` holds `people/` and `agencies/` read like those of `content/actors/`.
 */
export const PACKS_FOLDER = "packs";
const PACK_KINDS = { people: "people", agencies: "agencies" } as const;

export interface LoadedKnowledgeBase {
  kb: KnowledgeBase;
  diagnostics: Diagnostic[];
}

interface KbFile {
  path: string;
  /** Path shown in messages: relative to the working directory. */
  display: string;
  id: string;
  text: string;
}

type Raw = Record<string, unknown>;

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

  const packDirs = listPacks(contentDir);
  const firstFile = new Map<string, string>();
  const read = (folder: keyof typeof KNOWLEDGE_FOLDERS, schema: SchemaName, add: (file: KbFile, data: Raw | Raw[], parsed: ParsedYaml) => void) => {
    const dirs = [join(contentDir, KNOWLEDGE_FOLDERS[folder])];
    if (folder === "people" || folder === "agencies") dirs.push(...packDirs.map((pack) => join(pack, PACK_KINDS[folder])));
    for (const file of dirs.flatMap((dir) => listYaml(dir, cwd))) {
      hash.update(file.display).update("\0").update(file.text).update("\0");
      const parsed = parseYaml(file.text, file.display);
      const problems = parsed.diagnostics.length ? parsed.diagnostics : validateAgainst(schema, parsed.data, file.display, parsed.lineOf);
      if (problems.length) {
        diagnostics.push(...problems);
        continue;
      }
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(file.id)) {
        diagnostics.push({
          file: file.display,
          line: 1,
          rule: "kb-file-name",
          severity: "error",
          ...described("kb-file-name", { name: basename(file.path), fixed: `${slugify(file.id)}.yml` }),
        });
        continue;
      }
      // The same id in content/actors and in a pack, or in two packs, would silently replace one actor with the other.
      const seen = firstFile.get(`${folder}/${file.id}`);
      if (seen !== undefined) {
        diagnostics.push({
          file: file.display,
          line: 1,
          rule: "kb-duplicate-id",
          severity: "error",
          ...described("kb-duplicate-id", { kind: folder === "people" ? "person" : "agency", id: file.id, seen, file: file.display }),
        });
        continue;
      }
      firstFile.set(`${folder}/${file.id}`, file.display);
      add(file, parsed.data as Raw | Raw[], parsed);
    }
  };

  read("people", "person", (file, raw) => {
    const data = raw as Raw;
    people.set(file.id, freeze({ ...common(file, data), kind: "person", roles: ((data["roles"] as Raw[] | undefined) ?? []).map(toRole) }));
  });
  read("agencies", "agency", (file, raw) => {
    const data = raw as Raw;
    agencies.set(
      file.id,
      freeze({
        ...common(file, data),
        kind: "agency",
        ...optional("acronym", data["acronym"]),
        ...optional("category", data["category"]),
        ...optional("parent", data["parent"]),
        ...optional("url", data["url"]),
      }),
    );
  });
  read("topics", "topic", (file, raw) => {
    const data = raw as Raw;
    topics.set(
      file.id,
      freeze({
        id: file.id,
        kind: "topic",
        name: String(data["name"]),
        keywords: data["keywords"] as string[],
        minMentions: (data["min_mentions"] as number | undefined) ?? 2,
        ...optional("description", data["description"]),
        file: file.display,
      }),
    );
  });
  read("places", "places", (file, raw, parsed) => {
    (raw as Raw[]).forEach((data, index) => {
      const id = typeof data["id"] === "string" ? data["id"] : slugify(String(data["name"]));
      if (places.has(id)) {
        diagnostics.push({
          file: file.display,
          line: parsed.lineOf([index, "name"]),
          rule: "kb-duplicate-id",
          severity: "error",
          message: `place id \`${id}\` is already defined in ${places.get(id)?.file}`,
          fix: "Give one of them an explicit `id:` (e.g. the name followed by the region).",
        });
        return;
      }
      places.set(
        id,
        freeze({
          id,
          kind: "place",
          name: String(data["name"]),
          aliases: (data["aliases"] as string[] | undefined) ?? [],
          category: String(data["category"]),
          ...optional("country", data["country"]),
          demonyms: (data["demonyms"] as string[] | undefined) ?? [],
          file: file.display,
        }),
      );
    });
  });
  read("outlets", "outlet", (file, raw, parsed) => {
    const data = raw as Raw;
    const aggregator = data["aggregator"] as Outlet["aggregator"];
    // The path pattern runs on every URL of that outlet: one the linear-time engine cannot run is refused here, and the outlet loads without it.
    const pattern = aggregator ? linearPattern(aggregator.path) : undefined;
    if (pattern && "error" in pattern) {
      diagnostics.push({
        file: file.display,
        line: parsed.lineOf(["aggregator", "path"]),
        rule: "kb-aggregator-path",
        severity: "error",
        message: `aggregator path ${JSON.stringify(aggregator?.path)} is not a pattern Revue can run: ${pattern.error}`,
        fix: LINEAR_PATTERN_FIX,
      });
    }
    outlets.set(
      file.id,
      freeze({
        id: file.id,
        kind: "outlet",
        name: String(data["name"]),
        aliases: (data["aliases"] as string[] | undefined) ?? [],
        domains: (data["domains"] as string[] | undefined) ?? [],
        ...optional("url", data["url"]),
        ...optional("country", data["country"]),
        ...optional("description", data["description"]),
        ...(aggregator && pattern && "regex" in pattern ? { aggregator } : {}),
        file: file.display,
      }),
    );
  });

  const kb: KnowledgeBase = Object.freeze({ rules, people, agencies, topics, places, outlets, version: hash.digest("hex").slice(0, 16) });
  diagnostics.push(...validateKnowledgeBase(kb));
  return { kb, diagnostics };
}

/**
 * The name, size and modification time of every knowledge-base and rules file, as one
 * string: a long-running process reads the knowledge base again only when it changes.
 */
export function knowledgeStamp(contentDir: string): string {
  const parts: string[] = [];
  const packFolders = listPacks(contentDir).flatMap((pack) => Object.values(PACK_KINDS).map((kind) => relative(contentDir, join(pack, kind))));
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

/** The pack folders under `content/packs/`, in name order (a file that is not a folder is ignored). */
function listPacks(contentDir: string): string[] {
  const root = join(contentDir, PACKS_FOLDER);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith(".") && statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => join(root, name));
}

function listYaml(dir: string, cwd: string): KbFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name) && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { path, display: relative(cwd, path) || path, id: name.replace(/\.ya?ml$/, ""), text: readFileSync(path, "utf8").replace(/^\uFEFF/, "") };
    });
}

function common(file: KbFile, data: Raw) {
  return {
    id: file.id,
    name: String(data["name"]),
    aliases: (data["aliases"] as string[] | undefined) ?? [],
    sharedAliases: (data["shared_aliases"] as string[] | undefined) ?? [],
    sameAs: (data["same_as"] as string[] | undefined) ?? [],
    ...optional("description", data["description"]),
    ...optional("country", data["country"]),
    file: file.display,
  };
}

function toRole(data: Raw): Role {
  return {
    title: String(data["title"]),
    ...optional("agency", data["agency"]),
    ...optional("from", data["from"]),
    ...optional("to", data["to"]),
  };
}

/** `{key: value}` when the value is set, `{}` otherwise (exactOptionalPropertyTypes forbids `undefined`). */
function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return value === undefined || value === null ? {} : ({ [key]: String(value) } as { [P in K]?: string });
}

function freeze<T extends object>(value: T): T {
  return Object.freeze(value);
}
