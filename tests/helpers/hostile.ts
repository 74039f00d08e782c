import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scratchDir } from "./scratch.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/**
 * The hostile corpus (tests/fixtures/hostile) with the project's rules, plus the two
 * sources too big to commit: a 5 MB article and one naming 3,000 people.
 */
export function hostileContent(): string {
  const dir = join(scratchDir("hostile"), "content");
  cpSync(join(ROOT, "tests/fixtures/hostile"), dir, { recursive: true });
  cpSync(join(ROOT, "content/rules"), join(dir, "rules"), { recursive: true });
  const paragraph = "Le directeur général de la Sûreté nationale, Abdellatif Hammouchi, a reçu une délégation à Rabat pour évoquer la coopération sécuritaire. ".repeat(5);
  writeFileSync(join(dir, "articles/huge.md"), `---\ntitle: Un article de cinq mégaoctets\ndate: 2021-07-07\n---\n\n${`${paragraph}\n\n`.repeat(Math.ceil((5 * 1024 * 1024) / (paragraph.length + 2)))}`);
  const syllables = ["ka", "mo", "ri", "ta", "lu", "be", "no", "sa", "di", "fe", "ga", "hu"];
  const names: string[] = [];
  for (let i = 0; names.length < 3000; i++) {
    const word = (n: number, length: number) => Array.from({ length }, (_, k) => syllables[(n * 7 + k * 5 + Math.floor(n / (k + 1))) % syllables.length]).join("");
    const name = `${capitalize(word(i, 3))} ${capitalize(word(i * 13 + 1, 4))}${i}`;
    names.push(name.replace(/\d+$/, (d) => toLetters(Number(d))));
  }
  writeFileSync(join(dir, "articles/thousands.md"), `---\ntitle: Un article qui nomme des milliers d'acteurs\ndate: 2021-08-08\n---\n\nÉtaient présents : ${names.map((n) => `M. ${n}`).join(", ")}.\n`);
  return dir;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const toLetters = (n: number) => n.toString(26).replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)] ?? "").replace(/[a-p]/g, (c) => c);
