import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { HtmlValidate } from "html-validate";
import { walkFiles } from "../../src/build/walk.ts";

const validator = new HtmlValidate({ extends: ["html-validate:standard"] });

/** html-validate's standard preset over every HTML page of a built site: one line per problem. */
export async function validateSite(root: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of walkFiles(root).filter((f) => f.endsWith(".html") && !f.includes("/pagefind/"))) {
    const report = await validator.validateString(readFileSync(file, "utf8"), file);
    for (const result of report.results) {
      for (const message of result.messages) problems.push(`${relative(root, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  return problems;
}
