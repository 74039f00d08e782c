import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DateValue } from "../../../src/model/article.ts";
import { atomDate, buildDay, latestTime } from "../../../src/site/site-data.ts";

const day = (value: string, dateTime?: string): DateValue => ({ value, precision: value.length === 10 ? "day" : value.length === 7 ? "month" : "year", evidence: "", via: "front-matter", ...(dateTime ? { dateTime } : {}) });

describe("the feeds' timestamps", () => {
  it("writes RFC 3339 as precise as the source: its time and offset when given, else the start of its day, month or year in UTC", () => {
    assert.deepEqual(
      [atomDate(day("2023-05-04", "2023-05-04T10:30:00+02:00")), atomDate(day("2023-05-04", "2023-05-04T10:30:00")), atomDate(day("2023-05-04")), atomDate(day("2023-05")), atomDate(day("2023")), atomDate("2024-01-02")],
      ["2023-05-04T10:30:00+02:00", "2023-05-04T10:30:00Z", "2023-05-04T00:00:00Z", "2023-05-01T00:00:00Z", "2023-01-01T00:00:00Z", "2024-01-02T00:00:00Z"],
    );
  });

  it("takes the latest instant of the articles' publication and modification, comparing offsets, and none when no article is dated", () => {
    assert.equal(latestTime([{ date: null }, { date: null }]), undefined);
    assert.equal(latestTime([{ date: day("2023-05-04") }, { date: null, dateModified: "2023-06-01" }, { date: day("2023-05-20") }]), "2023-06-01T00:00:00Z");
    // 01:00 in Paris is 23:00 UTC the day before: earlier than 23:30 UTC.
    assert.equal(latestTime([{ date: day("2023-05-05", "2023-05-05T01:00:00+02:00") }, { date: day("2023-05-04", "2023-05-04T23:30:00Z") }]), "2023-05-04T23:30:00Z");
  });

  it("dates a feed of an archive with no dated article by the build's day, or SOURCE_DATE_EPOCH", () => {
    assert.equal(buildDay({}, new Date("2026-12-07T01:40:12Z")), "2026-12-07T00:00:00Z");
    assert.equal(buildDay({ SOURCE_DATE_EPOCH: "1700000000" }, new Date("2026-12-07T01:40:12Z")), "2023-11-14T00:00:00Z");
  });
});
