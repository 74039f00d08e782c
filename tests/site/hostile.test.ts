import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { before, describe, it } from "node:test";
import { build } from "../../scripts/lib/build.ts";
import { walkFiles } from "../../src/pipeline/walk.ts";
import { hostileContent } from "../helpers/hostile.ts";
import { buildSite } from "../helpers/site.ts";

interface Report {
  read: number;
  published: string[];
  drafts: string[];
  rejected: { path: string; reasons: string[] }[];
}

const name = (path: string) => path.split("/").pop();

describe("the hostile corpus", () => {
  let content: string;
  let output: string;
  let report: Report;

  before(async () => {
    content = hostileContent();
    ({ output } = await buildSite(content));
    report = JSON.parse(readFileSync(join(dirname(output), ".cache/build-report.json"), "utf8"));
  });

  it("accounts for every source: read = published + drafts + rejected", () => {
    assert.equal(report.read, walkFiles(join(content, "articles")).length);
    assert.equal(report.read, report.published.length + report.drafts.length + report.rejected.length);
  });

  it("rejects the unusable files, each with its reason", () => {
    const reasons = Object.fromEntries(report.rejected.map((r) => [name(r.path), r.reasons.join("; ")]));
    assert.match(reasons["malformed-yaml.md"] ?? "", /YAML syntax error/);
    assert.match(reasons["image.md"] ?? "", /binary/);
    assert.match(reasons["empty.md"] ?? "", /no title/);
    assert.match(reasons["missing-title.md"] ?? "", /no title/);
    assert.match(reasons["title-is-a-list.md"] ?? "", /no title/);
    assert.match(reasons["title-is-a-number.md"] ?? "", /no title/);
  });

  it("publishes the good files, dropping only their bad fields", () => {
    const published = report.published.map(name);
    for (const file of ["valid.md", "bom.md", "crlf.md", "latin1.txt", "missing-date.md", "date-31-02.md", "date-hier.md", "date-2020-13-45.md", "date-0001.md", "date-3000.md", "prototype-keys.md", "slug-traversal.md", "slug-absolute.md", "slug-scheme.md", "permalink.md", "injections.md", "unknown-overrides.md", "same-slug-a.md", "same-slug-b.md", "huge.md", "thousands.md"]) {
      assert.ok(published.includes(file), `${file} published`);
    }
    assert.deepEqual(report.drafts.map(name), ["draft.md"]);
    // Pages are placed by file name (src/archive/article-address.ts), under a year only when the file's name or folder gives one.
    assert.ok(existsSync(join(output, "articles/bom/index.html")));
    assert.match(readFileSync(join(output, "articles/date-31-02/index.html"), "utf8"), /Un trente et un février/);
    assert.match(readFileSync(join(output, "archives/sans-date/index.html"), "utf8"), /Un trente et un février/, "an impossible date is dropped, not invented");
    assert.ok(existsSync(join(output, "articles/date-3000/index.html")));
    assert.match(readFileSync(join(output, "articles/latin1/index.html"), "utf8"), /Sûreté nationale/);
    // Two articles titled alike: both published, each at its own file's address.
    assert.match(readFileSync(join(output, "articles/same-slug-a/index.html"), "utf8"), /Première version/);
    assert.match(readFileSync(join(output, "articles/same-slug-b/index.html"), "utf8"), /Seconde version/);
  });

  it("never writes outside the output folder, whatever a slug or permalink says", () => {
    const root = dirname(output);
    for (const file of walkFiles(root)) assert.ok(!relative(root, file).startsWith(".."), file);
    assert.ok(!existsSync("/tmp/revue-pwned") && !existsSync("/tmp/revue-pwned.html"));
    assert.ok(existsSync(join(output, "articles/slug-traversal/index.html")), "a slug that is no slug is dropped: the file's name is the address");
    assert.ok(!walkFiles(output).some((file) => /pwned|javascript/.test(file)));
  });

  it("sanitizes the article HTML", () => {
    const html = readFileSync(join(output, "articles/injections/index.html"), "utf8");
    const body = html.slice(html.indexOf('<div class="body" dir="auto">'), html.indexOf("</div>", html.indexOf('<div class="body" dir="auto">')));
    assert.match(body, /Un paragraphe normal avant les injections\./);
    assert.match(body, /Un paragraphe normal après les injections\./);
    for (const bad of [/<script/i, /\son\w+=/i, /javascript:/i, /data:/i, /<iframe/i, /<svg/i, /<style/i, /<img/i, /<form/i, /<object/i, /<meta/i, /evil\.example|tracker\.example/]) {
      assert.doesNotMatch(body, bad);
    }
  });

  it("keeps an article naming thousands of people to its most mentioned hundred", () => {
    const people = walkFiles(join(output, "personnes")).filter((f) => f.endsWith("index.html")).length;
    assert.ok(people <= 110, `${people} person pages`);
  });

  it("leaves no prototype polluted", () => {
    assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
  });

  it("fails under CI=true with the report listing every bad file", async () => {
    const lines: string[] = [];
    await assert.rejects(build({ content, output: join(dirname(output), "ci-site"), ci: true, log: (line) => lines.push(line) }), /erreurs? dans le contenu \(CI=true arrête la construction/);
    assert.ok(!existsSync(join(dirname(output), "ci-site")), "nothing published");
    for (const file of ["malformed-yaml.md", "image.md", "empty.md"]) assert.ok(lines.some((l) => l.includes("rejeté") && l.includes(file)), file);
  });
});
