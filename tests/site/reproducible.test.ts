import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { build } from "../../scripts/build.ts";
import { walkFiles } from "../../src/build/walk.ts";
import { fixtureContent } from "../helpers/content.ts";
import { buildSite } from "../helpers/site.ts";

function fingerprint(root: string): Record<string, string> {
  return Object.fromEntries(walkFiles(root).map((file) => [relative(root, file), createHash("sha256").update(readFileSync(file)).digest("hex")]));
}

describe("the build's output", () => {
  it("is byte-identical from one build of the same content to the next", async () => {
    const content = fixtureContent();
    const one = await buildSite(content);
    const two = await buildSite(content);
    const a = fingerprint(one.output);
    const b = fingerprint(two.output);
    assert.ok(Object.keys(a).length > 20);
    assert.deepEqual(b, a);
  });

  it("is replaced only when the build succeeds: a failed build leaves the previous site whole", async () => {
    const content = fixtureContent();
    const { output } = await buildSite(content);
    const before = fingerprint(output);
    // A template error in a copy of the templates makes the render fail after the records were built.
    const templates = join(mkdtempSync(join(tmpdir(), "revue-templates-")), "templates");
    cpSync(join(import.meta.dirname, "../../templates"), templates, { recursive: true });
    const view = join(templates, "_includes/views/not-found.njk");
    writeFileSync(view, `${readFileSync(view, "utf8")}{% include "missing-partial.njk" %}`);
    await assert.rejects(build({ content, output, ci: false, log: () => {}, templates }));
    assert.deepEqual(fingerprint(output), before);
    assert.equal(walkFiles(join(output, "..")).some((f) => f.includes(".tmp-")), false, "no temporary folder left");
    assert.ok(existsSync(join(output, "index.html")));
  });
});
