/**
 * npm run new -- "Titre de l'article"
 *
 * Creates content/articles/YYYY/YYYY-MM-DD-slug.md dated today, every front-matter field
 * shown and explained, as a draft. Never overwrites an existing file.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { format } from "date-fns/format";
import { newArticleMarkdown } from "../src/build/new-article.ts";
import { parse, ROOT, run } from "./lib/cli.ts";

const USAGE = 'usage: npm run new -- "Titre de l\'article" [--content DIR]';

run(() => {
  const { values, positionals } = parse({ content: { type: "string" } }, USAGE);
  const title = positionals.join(" ").trim();
  if (!title) throw new Error(`give the article's title\n\n${USAGE}`);
  const today = format(new Date(), "yyyy-MM-dd");
  const { slug, markdown } = newArticleMarkdown(title, today);
  const file = join(resolve(values.content ?? join(ROOT, "content")), "articles", today.slice(0, 4), `${today}-${slug}.md`);
  if (existsSync(file)) throw new Error(`${relative(process.cwd(), file)} already exists: choose another title or edit that file`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, markdown, { flag: "wx" });
  process.stdout.write(`created ${relative(process.cwd(), file)}\nFill it in, remove \`draft: true\` to publish, and run \`npm start\` to preview.\n`);
});
