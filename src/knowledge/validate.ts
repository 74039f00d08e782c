import { described } from "../messages/diagnostics.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { Agency, KnowledgeBase, Outlet, Person, Place } from "../model/knowledge.ts";
import { aliasKey } from "./names.ts";

/**
 * Rules that span files: a name that identifies two entities, references to ids that do not
 * exist. Each problem points at the file to fix (schema problems were caught on load).
 */
export function validateKnowledgeBase(kb: KnowledgeBase): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  checkUniqueNames([...kb.people.values(), ...kb.agencies.values()], "actor", diagnostics);
  checkUniqueNames([...kb.places.values()], "place", diagnostics);
  checkUniqueNames([...kb.outlets.values()], "outlet", diagnostics);

  for (const person of kb.people.values()) {
    for (const role of person.roles) {
      if (role.agency && !kb.agencies.has(role.agency)) {
        diagnostics.push(unknownReference(person.file, "agency", role.title, "actors/agencies", role.agency));
      }
      if (role.from && role.to && role.to < role.from) {
        diagnostics.push({ file: person.file, rule: "kb-role-dates", severity: "error", ...described("kb-role-dates", { title: role.title, from: role.from, to: role.to }) });
      }
    }
  }
  for (const agency of kb.agencies.values()) {
    if (agency.parent && !kb.agencies.has(agency.parent)) {
      diagnostics.push(unknownReference(agency.file, "parent", "", "actors/agencies", agency.parent));
    }
  }
  for (const outlet of kb.outlets.values()) {
    for (const [key, id] of Object.entries(outlet.aggregator?.sources ?? {})) {
      if (!kb.outlets.has(id)) diagnostics.push(unknownReference(outlet.file, "aggregator", key, "outlets", id));
    }
  }
  return diagnostics;
}

type Named = Person | Agency | Place | Outlet;

/** Names a file claims for itself alone: its name, acronym and aliases, minus what it marks as shared. */
export function uniqueNamesOf(entity: Named): string[] {
  const shared = new Set(("sharedAliases" in entity ? entity.sharedAliases : []).map(aliasKey));
  const names = [entity.name, ...("acronym" in entity && entity.acronym ? [entity.acronym] : []), ...entity.aliases];
  return names.filter((name) => !shared.has(aliasKey(name)));
}

function checkUniqueNames(entities: readonly Named[], what: "actor" | "place" | "outlet", diagnostics: Diagnostic[]): void {
  const owners = new Map<string, Named>();
  for (const entity of entities) {
    for (const name of new Set(uniqueNamesOf(entity))) {
      const key = aliasKey(name);
      if (!key) continue;
      const owner = owners.get(key);
      if (owner && owner !== entity) {
        diagnostics.push({
          file: entity.file,
          rule: "kb-alias-conflict",
          severity: "error",
          ...described("kb-alias-conflict", { name, what, id: entity.id, other: owner.id, otherFile: owner.file }),
        });
      } else owners.set(key, entity);
    }
  }
}

/** `key` says what names the missing id: a role's agency (`detail` is the role's title), a parent, an aggregator's source (`detail` is its key). */
function unknownReference(file: string, key: "agency" | "parent" | "aggregator", detail: string, folder: string, id: string): Diagnostic {
  return { file, rule: "kb-unknown-reference", severity: "error", ...described("kb-unknown-reference", { key, detail, folder, id }) };
}
