import * as real from "../../../src/ingest/source-limits.ts";

/** src/ingest/source-limits.ts with the time limit of extraction given by STAND_IN_EXTRACTION_SECONDS (one second by default), for tests. */
export * from "../../../src/ingest/source-limits.ts";

export const SOURCE_LIMITS = { ...real.SOURCE_LIMITS, extractionSeconds: Number(process.env["STAND_IN_EXTRACTION_SECONDS"] ?? 1) };
