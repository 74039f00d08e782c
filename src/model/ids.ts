/** Ids are slugs: stable, URL-safe, and equal to the knowledge-base file name. */
export type ActorKind = "person" | "agency";
export type EntityKind = ActorKind | "topic" | "place" | "outlet";
