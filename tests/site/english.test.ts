import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSite } from "../helpers/site.ts";

describe("the English switch (REVUE_LANG=en)", () => {
  it("renders the interface and dates in English", async () => {
    const { output } = await buildSite(undefined, { REVUE_LANG: "en" });
    const home = readFileSync(join(output, "index.html"), "utf8");
    assert.match(home, /<html lang="en">/);
    assert.match(home, />Latest articles</);
    assert.match(home, />September 26, 2020</);
    assert.doesNotMatch(home, /Derniers articles/);
    const person = readFileSync(join(output, "personnes/abdellatif-hammouchi/index.html"), "utf8");
    assert.match(person, />Articles mentioning this person </);
  });
});
