import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pager, type PagerView } from "../../../src/site/pager.ts";

const urlOf = (n: number) => (n === 1 ? "/x/" : `/x/page/${n}/`);
/** The pager as text: numbers, `[n]` for the current page, `…` for a gap. */
const shape = (view: PagerView) => view.pages.map((p) => ("gap" in p ? "…" : p.current ? `[${p.number}]` : String(p.number))).join(" ");

describe("pager", () => {
  it("lists every page of a short list", () => {
    assert.equal(shape(pager(urlOf, 2, 5)), "1 [2] 3 4 5");
  });

  it("shows the first and last pages, two around the current one, and gaps", () => {
    assert.equal(shape(pager(urlOf, 1, 500)), "[1] 2 3 … 500");
    assert.equal(shape(pager(urlOf, 250, 500)), "1 … 248 249 [250] 251 252 … 500");
    assert.equal(shape(pager(urlOf, 500, 500)), "1 … 498 499 [500]");
  });

  it("shows a lone missing page instead of a gap", () => {
    assert.equal(shape(pager(urlOf, 5, 10)), "1 2 3 4 [5] 6 7 … 10");
  });

  it("links the previous and next pages", () => {
    const view = pager(urlOf, 2, 3);
    assert.deepEqual([view.previous, view.next], ["/x/", "/x/page/3/"]);
    assert.deepEqual([pager(urlOf, 1, 3).previous, pager(urlOf, 3, 3).next], [null, null]);
  });

  it("stays small however many pages there are", () => {
    for (const page of [1, 7, 5000, 9999, 10000]) assert.ok(pager(urlOf, page, 10_000).pages.length <= 9);
  });
});
