import type { Diagnostic } from "../records/diagnostic.ts";
import type { Agency, KnowledgeBase, Outlet, Person, Place } from "../records/knowledge.ts";
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
        diagnostics.push(unknownReference(person.file, `role "${role.title}" names agency \`${role.agency}\``, "actors/agencies", role.agency));
      }
      if (role.from && role.to && role.to < role.from) {
        diagnostics.push({ file: person.file, rule: "kb-role-dates", severity: "error", message: `role "${role.title}" ends (${role.to}) before it starts (${role.from})`, fix: "Swap or correct `from` and `to`." });
      }
    }
  }
  for (const agency of kb.agencies.values()) {
    if (agency.parent && !kb.agencies.has(agency.parent)) {
      diagnostics.push(unknownReference(agency.file, `parent \`${agency.parent}\``, "actors/agencies", agency.parent));
    }
  }
  for (const outlet of kb.outlets.values()) {
    for (const [key, id] of Object.entries(outlet.aggregator?.sources ?? {})) {
      if (!kb.outlets.has(id)) diagnostics.push(unknownReference(outlet.file, `aggregator source \`${key}\` → \`${id}\``, "outlets", id));
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

function checkUniqueNames(entities: readonly Named[], what: string, diagnostics: Diagnostic[]): void {
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
          message: `"${name}" is claimed by two ${what}s: ${entity.id} and ${owner.id} (${owner.file})`,
          fix: `Remove it from one of them, or move it to \`shared_aliases\` in both so that the article's context decides.`,
        });
      } else owners.set(key, entity);
    }
  }
}

function unknownReference(file: string, what: string, folder: string, id: string): Diagnostic {
  return {
    file,
    rule: "kb-unknown-reference",
    severity: "error",
    message: `${what}, but there is no content/${folder}/${id}.yml`,
    fix: `Create content/${folder}/${id}.yml or correct the id.`,
  };
}
