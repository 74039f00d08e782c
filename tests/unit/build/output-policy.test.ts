import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { explainOutputFailure } from "../../../src/pipeline/output-failure.ts";
import { isInside, judgeOutput, refusalMessage, type OutputFacts } from "../../../src/pipeline/output-policy.ts";
import { isSiteMarker, siteMarkerText } from "../../../src/pipeline/site-marker.ts";

/** A project at /srv/revue with its content inside, built by a user whose home is /home/ana. */
const facts = (over: Partial<OutputFacts>): OutputFacts => ({
  output: "/srv/revue/_site",
  content: "/srv/revue/content",
  project: "/srv/revue",
  home: "/home/ana",
  kind: "absent",
  entries: [],
  marked: false,
  builtBefore: false,
  mountPoint: false,
  cache: "/srv/revue/.cache",
  ...over,
});

const refusal = (over: Partial<OutputFacts>) => {
  const verdict = judgeOutput(facts(over));
  assert.equal(verdict.use, false, JSON.stringify(over));
  return verdict as { why: string; fix: string };
};

describe("judgeOutput", () => {
  it("accepts a new folder, an empty one, a marked one, and one an earlier Revue built", () => {
    assert.deepEqual(judgeOutput(facts({})), { use: true, as: "new" });
    assert.deepEqual(judgeOutput(facts({ kind: "folder" })), { use: true, as: "empty" });
    assert.deepEqual(judgeOutput(facts({ kind: "folder", entries: ["index.html", ".revue-site"], marked: true })), { use: true, as: "marked" });
    assert.deepEqual(judgeOutput(facts({ kind: "folder", entries: ["index.html"], builtBefore: true })), { use: true, as: "earlier-build" });
  });

  it("refuses a folder holding files Revue did not make, naming some and offering a folder of its own", () => {
    const { why, fix } = refusal({ output: "/srv/revue/notes", kind: "folder", entries: ["d.txt", "a.txt", "c", "b.md"] });
    assert.match(why, /holds files Revue did not make \(a\.txt, b\.md, c and 1 more\)/);
    assert.match(fix, /--output \/srv\/revue\/_site/);
  });

  it("refuses the content folder, any folder inside it, and any folder that holds it, marked or not", () => {
    assert.match(refusal({ output: "/srv/revue/content", kind: "folder", entries: ["articles"], marked: true }).why, /is the content folder/);
    assert.match(refusal({ output: "/srv/revue/content/articles/_site" }).why, /inside the content folder: its pages would be read back as articles/);
    assert.match(refusal({ output: "/srv/revue", kind: "folder", entries: ["package.json"] }).why, /Revue's project folder/);
    assert.match(refusal({ output: "/srv", kind: "folder", entries: ["revue"] }).why, /holds Revue's project folder/);
    // Content outside the project: its parent is refused for the content's sake.
    assert.match(refusal({ output: "/data", content: "/data/articles-fr", kind: "folder", entries: ["articles-fr"] }).why, /holds the content folder/);
  });

  it("refuses /, the home folder and the folders that hold it, and the cache folder", () => {
    assert.match(refusal({ output: "/", kind: "folder", entries: ["etc"] }).why, /root of the file system/);
    assert.match(refusal({ output: "/home/ana", kind: "folder", entries: [".bashrc"], marked: true }).why, /your home folder/);
    assert.match(refusal({ output: "/home", kind: "folder", entries: ["ana"] }).why, /holds your home folder/);
    assert.match(refusal({ output: "/srv/revue/.cache" }).why, /Revue's cache folder/);
  });

  it("refuses a file, and a mount point with the advice to pass a folder inside it", () => {
    assert.match(refusal({ kind: "other" }).why, /is a file/);
    const mount = refusal({ output: "/mnt/www", kind: "folder", mountPoint: true, marked: true });
    assert.match(mount.why, /mount point/);
    assert.match(mount.fix, /--output \/mnt\/www\/_site/);
  });

  it("never offers the refused folder itself, or one inside the content, as the alternative", () => {
    const { fix } = refusal({ output: "/srv/revue/_site", kind: "folder", entries: ["mine.txt"] });
    assert.doesNotMatch(fix, /--output \/srv\/revue\/_site\b(?!-)/);
    const inside = refusal({ output: "/srv/c/_site", content: "/srv/c", kind: "folder", entries: ["x"] });
    assert.doesNotMatch(inside.fix, /--output \/srv\/c\//);
    assert.match(refusalMessage("/srv/c/_site", inside), /^Revue will not build into \/srv\/c\/_site: .*Nothing was changed\. To build, /);
  });
});

describe("isInside", () => {
  it("is strict and does not confuse a name's prefix with a parent", () => {
    assert.equal(isInside("/a/b", "/a"), true);
    assert.equal(isInside("/a", "/a"), false);
    assert.equal(isInside("/ab", "/a"), false);
    assert.equal(isInside("/a/..b", "/a"), true);
    assert.equal(isInside("/", "/a"), false);
  });
});

describe("the site marker", () => {
  it("is recognised from its own text only", () => {
    assert.equal(isSiteMarker(siteMarkerText()), true);
    assert.equal(isSiteMarker(""), false);
    assert.equal(isSiteMarker("revue"), false);
    assert.equal(isSiteMarker(JSON.stringify({ generator: "hugo" })), false);
    assert.doesNotMatch(siteMarkerText(), /\/(tmp|home|root|work)\b/, "no path of the builder's machine");
  });
});

describe("explainOutputFailure", () => {
  it("names the folder and a fix for the failures a user can fix", () => {
    for (const code of ["EROFS", "EACCES", "EPERM", "EBUSY", "EXDEV", "ENOSPC"]) {
      const message = explainOutputFailure({ code, folder: "/mnt/www", cache: "/mnt/.cache" }) ?? "";
      assert.match(message, /\/mnt\/www/, code);
      assert.match(message, /Pass|Free/, code);
    }
    assert.equal(explainOutputFailure({ code: "EIO", folder: "/x", cache: "/.cache" }), undefined);
  });
});
