import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_CONTENT } from "./site.ts";
import { scratchDir } from "./scratch.ts";

/** The newest date in `pagesContent()`: the article with a lead image. */
export const NEWEST_DAY = "2023-03-10";
export const IMAGE_ARTICLE = "/articles/2023/rencontre-a-bruxelles/";
export const UNDATED_ARTICLE = "/articles/note-de-la-redaction/";

/**
 * The project's content, with an article with a lead image naming people whose surnames
 * have particles, and an undated article on a topic no dated article has (its feed then has
 * no date of its own).
 */
export function pagesContent(): string {
  const dir = join(scratchDir("pages"), "content");
  cpSync(PROJECT_CONTENT, dir, { recursive: true });
  mkdirSync(join(dir, "articles", "2023"), { recursive: true });
  writeFileSync(
    join(dir, "articles", "2023", `${NEWEST_DAY}-rencontre-a-bruxelles.md`),
    `---
title: "Rencontre à Bruxelles sur la coopération"
date: ${NEWEST_DAY}
outlet: bladi
image: https://images.example.org/bruxelles.jpg
image_alt: "La salle de réunion à Bruxelles"
people: [ursula-von-der-leyen, jean-yves-le-drian, driss-el-yazami, staffan-de-mistura, helene-le-gal]
topics: [diplomatie]
---

Ursula von der Leyen a reçu Jean-Yves Le Drian, Driss El Yazami, Staffan de Mistura et Hélène Le Gal à Bruxelles pour une réunion de travail, selon [le communiqué](https://www.example.org/communique).
`,
  );
  mkdirSync(join(dir, "articles", "notes"), { recursive: true });
  writeFileSync(
    join(dir, "articles", "notes", "note-de-la-redaction.md"),
    `---
title: "Note de la rédaction sur la sécurité routière"
outlet: bladi
topics: [securite-routiere]
---

Une note de la rédaction sur la sécurité routière, sans indication de moment.
`,
  );
  return dir;
}
