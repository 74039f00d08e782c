import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { ImportOutcome } from "../../src/editor/import.ts";

const NOTE = "# À VÉRIFIER : ";

/**
 * The article an import wrote for a source (found by the end of its path): its file, its text,
 * its front matter as data and as written (`head`), its `# À VÉRIFIER` notes and its body.
 * Fails the test when the source was not imported.
 */
export function importedArticle(content: string, outcomes: readonly ImportOutcome[], source: string) {
  const outcome = outcomes.find((o) => o.source.endsWith(source));
  assert.ok(outcome?.status === "imported", `${source}: ${JSON.stringify(outcome)}`);
  const text = readFileSync(join(content, outcome.file), "utf8");
  const [, head = "", body = ""] = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(text) ?? [];
  const notes = head.split("\n").filter((line) => line.startsWith(NOTE)).map((line) => line.slice(NOTE.length));
  return { file: outcome.file, text, data: parse(head) as Record<string, unknown>, head, notes, body };
}
