import type { Diagnostic } from "../model/diagnostic.ts";
import { described } from "../messages/diagnostics.ts";
import type { Agency, Outlet, Person, Place, Role, Topic } from "../model/knowledge.ts";
import type { ParsedYaml } from "../ingest/yaml.ts";
import { slugify } from "../text/slug.ts";
import type { KbFile } from "./kb-file.ts";
import { linearPattern } from "./linear-regexp.ts";

/*
 * One knowledge-base file, once its schema has validated it, as the frozen entry the base holds.
 */

/** A knowledge-base file's data as parsed. */
export type Raw = Record<string, unknown>;

export function toPerson(file: KbFile, data: Raw): Person {
  return freeze({ ...common(file, data), kind: "person", roles: ((data["roles"] as Raw[] | undefined) ?? []).map(toRole) });
}

export function toAgency(file: KbFile, data: Raw): Agency {
  return freeze({
    ...common(file, data),
    kind: "agency",
    ...optional("acronym", data["acronym"]),
    ...optional("category", data["category"]),
    ...optional("parent", data["parent"]),
    ...optional("url", data["url"]),
  });
}

export function toTopic(file: KbFile, data: Raw): Topic {
  return freeze({
    id: file.id,
    kind: "topic",
    name: String(data["name"]),
    keywords: data["keywords"] as string[],
    minMentions: (data["min_mentions"] as number | undefined) ?? 2,
    ...optional("description", data["description"]),
    file: file.display,
  });
}

/** Adds the places of one country's file to `places`; an id another place already has is reported and left out. */
export function addPlaces(places: Map<string, Place>, file: KbFile, list: Raw[], parsed: ParsedYaml, diagnostics: Diagnostic[]): void {
  list.forEach((data, index) => {
    const id = typeof data["id"] === "string" ? data["id"] : slugify(String(data["name"]));
    if (places.has(id)) {
      diagnostics.push({
        file: file.display,
        line: parsed.lineOf([index, "name"]),
        rule: "kb-duplicate-id",
        severity: "error",
        ...described("kb-place-duplicate-id", { id, seen: String(places.get(id)?.file) }),
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
}

export function toOutlet(file: KbFile, data: Raw, parsed: ParsedYaml, diagnostics: Diagnostic[]): Outlet {
  const aggregator = data["aggregator"] as Outlet["aggregator"];
  // The path pattern runs on every URL of that outlet: one the linear-time engine cannot run is refused here, and the outlet loads without it.
  const pattern = aggregator ? linearPattern(aggregator.path) : undefined;
  if (pattern && "error" in pattern) {
    diagnostics.push({
      file: file.display,
      line: parsed.lineOf(["aggregator", "path"]),
      rule: "kb-aggregator-path",
      severity: "error",
      ...described("kb-aggregator-path", { path: String(JSON.stringify(aggregator?.path)), error: pattern.error }),
    });
  }
  return freeze({
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
