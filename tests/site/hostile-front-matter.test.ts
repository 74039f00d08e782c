import assert from "node:assert/strict";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { before, describe, it } from "node:test";
import { build } from "../../scripts/lib/build.ts";
import type { Diagnostic } from "../../src/model/diagnostic.ts";
import { walkFiles } from "../../src/pipeline/walk.ts";
import { fixtureContent } from "../helpers/content.ts";
import { scratchDir } from "../helpers/scratch.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const FRONT_MATTER = join(ROOT, "tests/fixtures/hostile/articles/front-matter");

interface Report {
  read: number;
  published: string[];
  drafts: string[];
  rejected: { path: string; reasons: string[] }[];
  diagnostics: Diagnostic[];
}

const name = (path: string) => path.split("/").pop() as string;

/** Front matter in the other tools' languages and keys, written to run code, pollute prototypes or escape the site. */
describe("hostile front matter in TOML, JSON, JavaScript and other tools' keys", () => {
  let output: string;
  let report: Report;

  before(async () => {
    const content = fixtureContent();
    cpSync(FRONT_MATTER, join(content, "articles/front-matter"), { recursive: true });
    output = join(scratchDir("site"), "_site");
    await build({ content, output, ci: false, log: () => {} });
    report = JSON.parse(readFileSync(join(dirname(output), ".cache/build-report.json"), "utf8"));
  });

  it("never runs JavaScript front matter, and rejects the file with its reason", () => {
    assert.ok(!existsSync("/tmp/revue-pwned-front-matter"), "the code did not run");
    assert.equal((globalThis as Record<string, unknown>)["revuePwned"], undefined);
    const reasons = Object.fromEntries(report.rejected.map((r) => [name(r.path), r.reasons.join("; ")]));
    assert.match(reasons["javascript.md"] ?? "", /JavaScript front matter \(`---js`\) is code: Revue never runs it/);
  });

  it("rejects TOML nested past the limit and a JSON object never closed, each with its reason", () => {
    const reasons = Object.fromEntries(report.rejected.map((r) => [name(r.path), r.reasons.join("; ")]));
    assert.match(reasons["toml-nested-tables.md"] ?? "", /front matter nested deeper than the limit/);
    assert.match(reasons["json-unclosed.md"] ?? "", /JSON front matter cannot be read: the object that opens the file has no closing `\}`/);
    assert.deepEqual(Object.keys(reasons).sort(), ["javascript.md", "json-unclosed.md", "toml-nested-tables.md"]);
  });

  it("publishes the others, prototypes untouched, their keys named in warnings", () => {
    assert.deepEqual(report.published.filter((path) => path.includes("front-matter/")).map(name).sort(), ["json-prototype.md", "toml-prototype.md", "unsafe-addresses.md"]);
    for (const key of ["pollutedByJson", "pollutedByToml"]) {
      assert.equal(({} as Record<string, unknown>)[key], undefined, key);
      assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, key), false, key);
    }
    const warned = report.diagnostics.filter((d) => d.rule === "front-matter-unknown-key" && d.file.includes("prototype")).map((d) => `${name(d.file)}:${d.line} ${d.message}`);
    assert.deepEqual(warned.sort(), [
      "json-prototype.md:4 unknown key `__proto__`: Revue ignores it",
      "json-prototype.md:5 unknown key `constructor`: Revue ignores it",
      "toml-prototype.md:4 unknown key `__proto__`: Revue ignores it",
      "toml-prototype.md:6 unknown key `constructor`: Revue ignores it",
    ]);
    const page = readFileSync(join(output, "articles/json-prototype/index.html"), "utf8");
    assert.match(page, /"datePublished":"2021-06-07T09:00:00\+01:00"/);
  });

  it("drops every unsafe address given in another tool's keys, each with a warning on its line", () => {
    const mine = report.diagnostics.filter((d) => d.file.endsWith("unsafe-addresses.md"));
    assert.deepEqual(mine.map((d) => `${d.line}:${d.severity}:${d.rule}`).sort(), ["4:warning:front-matter-value", "5:warning:front-matter-value", "7:warning:front-matter-value", "9:warning:front-matter-value", "10:warning:front-matter-value", "13:error:schema-pattern"].sort());
    const page = readFileSync(join(output, "articles/unsafe-addresses/index.html"), "utf8");
    for (const bad of [/javascript:/i, /data:image/i, /evil\.example/, /revue-pwned/, /<script>alert/]) assert.doesNotMatch(page, bad);
    const root = dirname(output);
    for (const file of walkFiles(root)) assert.ok(!relative(root, file).startsWith(".."), file);
    assert.ok(!existsSync("/tmp/revue-pwned-alias") && !existsSync("/tmp/revue-pwned-url"));
  });
});
