import type { ArticleRecord } from "../model/article.ts";
import { recordWithPeople } from "../model/with-people.ts";
import { isInitialsName } from "../extract/name-evidence.ts";

/**
 * The record as the site publishes it: a person the text names only by initials (« Leila B. »,
 * « Y.M »), often a suspect or a witness the newspaper chose not to name, gets no public page,
 * filter or network node. Extraction still reports the mention (`npm run extract`) and the
 * editor still sees the name among the suggestions; a name the editor wrote in the front
 * matter or put in the knowledge base is published as usual.
 */
export function withoutAnonymisedPeople(record: ArticleRecord): ArticleRecord {
  const people = record.people.filter((ref) => ref.via === "front-matter" || ref.via === "knowledge-base" || !isInitialsName(ref.name));
  return people.length === record.people.length ? record : recordWithPeople(record, people);
}
