import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { isSeq, parseDocument, YAMLSeq } from "yaml";
import type { KnowledgeBase } from "../model/knowledge.ts";
import { parseYaml } from "../ingest/yaml.ts";
import { IGNORED_NAMES_FILE } from "../knowledge/rules.ts";
import { validateAgainst } from "../model/schemas/validate.ts";
import { foldText } from "../text/fold.ts";
import type { ActorSuggestion } from "./suggest-actors.ts";

/**
 * What `npm run actors:suggest -- --accept` and `--ignore` write in content/: the
 * knowledge-base file of an accepted name, and the list of dismissed names.
 */
export type AcceptResult = { status: "created"; file: string } | { status: "exists"; file: string } | { status: "invalid"; file: string; problems: string[] };

/** Writes the suggestion's knowledge-base file, as the listing shows it, checked against its schema; never over an existing file or id. */
export function acceptSuggestion(contentDir: string, suggestion: ActorSuggestion, kb: KnowledgeBase, cwd = process.cwd()): AcceptResult {
  const path = join(contentDir, "actors", suggestion.kind === "person" ? "people" : "agencies", `${suggestion.id}.yml`);
  const file = relative(cwd, path) || path;
  const known = kb.people.get(suggestion.id) ?? kb.agencies.get(suggestion.id);
  if (known) return { status: "exists", file: known.file };
  if (existsSync(path)) return { status: "exists", file };
  const parsed = parseYaml(suggestion.yaml, file);
  const problems = parsed.diagnostics.length ? parsed.diagnostics : validateAgainst(suggestion.kind === "person" ? "person" : "agency", parsed.data, file, parsed.lineOf);
  if (problems.length) return { status: "invalid", file, problems: problems.map((d) => `${d.file}:${d.line ?? 1}: ${d.message}`) };
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, suggestion.yaml, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return { status: "exists", file };
    throw error;
  }
  return { status: "created", file };
}

const IGNORED_HEADER = `# Noms écartés : ni proposés par npm run actors:suggest, ni publiés comme acteurs
# quand un indice (M., une fonction…) les annonce. Un nom par ligne ; la casse et les
# accents ne comptent pas. Ajoutez-en avec npm run actors:suggest -- --ignore "Nom",
# ou ici à la main ; retirez une ligne pour que le nom soit de nouveau lu.
`;

/** Adds a name to content/rules/ignored-names.yml, keeping what editors wrote there (comments included). */
export function ignoreName(contentDir: string, name: string, cwd = process.cwd()): { status: "ignored" | "already"; file: string } {
  const path = join(contentDir, IGNORED_NAMES_FILE);
  const file = relative(cwd, path) || path;
  const text = existsSync(path) ? readFileSync(path, "utf8") : `${IGNORED_HEADER}names: []\n`;
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]?.message ?? "invalid YAML"}`);
  let names = doc.get("names", true);
  if (!isSeq(names)) {
    names = new YAMLSeq();
    doc.set("names", names);
  }
  const list = names as YAMLSeq;
  const key = foldText(name);
  if (list.items.some((item) => foldText(String((item as { value?: unknown }).value ?? item)) === key)) return { status: "already", file };
  // A list editors read and edit: one name a line.
  list.flow = false;
  list.add(doc.createNode(name));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
  return { status: "ignored", file };
}

/** The file of the knowledge base's actor a name (or an id) is, when it is one already. */
export function knownActorFile(kb: KnowledgeBase, name: string): string | undefined {
  const key = foldText(name);
  for (const actor of [...kb.people.values(), ...kb.agencies.values()]) {
    if (actor.id === name || foldText(actor.name) === key || actor.aliases.some((alias) => foldText(alias) === key)) return actor.file;
  }
  return undefined;
}
