import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { safeHttpUrl } from "../../../src/text/safe-url.ts";

describe("safeHttpUrl", () => {
  it("keeps an http(s) address, normalised as browsers read it", () => {
    assert.equal(safeHttpUrl("https://www.bladi.net/hammouchi.html"), "https://www.bladi.net/hammouchi.html");
    assert.equal(safeHttpUrl("  http://Example.ORG/a b?q=é#x \n"), "http://example.org/a%20b?q=%C3%A9#x");
    assert.equal(safeHttpUrl("HTTPS://example.org"), "https://example.org/");
  });

  it("refuses every other scheme, however it is written", () => {
    for (const url of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "java\nscript:alert(1)",
      "\u0001javascript:alert(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "ftp://example.org/",
      "mailto:a@example.org",
    ]) {
      assert.equal(safeHttpUrl(url), null, url);
    }
  });

  it("refuses relative, malformed and credential-bearing addresses", () => {
    for (const url of ["/articles/x", "//evil.example/x", "example.org", "https://", "http://[::1", "https://user:pass@example.org/", "https://bank.example@evil.example/", "", "   ", `https://example.org/${"a".repeat(9000)}`]) {
      assert.equal(safeHttpUrl(url), null, url);
    }
    assert.equal(safeHttpUrl(undefined), null);
    assert.equal(safeHttpUrl(null), null);
  });
});
