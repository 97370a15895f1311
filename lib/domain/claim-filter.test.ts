import { describe, expect, it } from "vitest";
import { hasMentionFilter, mentionMatches, type MentionFacts, type MentionFilter } from "./claim-filter";

const facts = (over: Partial<MentionFacts> = {}): MentionFacts => ({
  articleId: "art1",
  sessionId: "s1",
  publishedAt: "2023-09-14",
  publisherId: "pub",
  originIds: ["wire"],
  speakerSourceIds: [],
  speakerEntityIds: [],
  actorEntityIds: [],
  actorTexts: [],
  ...over,
});

describe("mentionMatches", () => {
  it.each<[string, MentionFilter, Partial<MentionFacts>, boolean]>([
    ["no filter", {}, {}, true],
    ["publisher", { sourceId: "pub" }, {}, true],
    ["an origin", { sourceId: "wire" }, {}, true],
    ["a source speaker", { sourceId: "kremlin" }, { speakerSourceIds: ["kremlin"] }, true],
    ["another source", { sourceId: "other" }, {}, false],
    ["on the first day", { from: "2023-09-14" }, {}, true],
    ["before the range", { from: "2023-09-15" }, {}, false],
    ["after the range", { to: "2023-09-13" }, {}, false],
    ["an undated article against a date range", { from: "2023-01-01" }, { publishedAt: null }, false],
    ["an entity speaker", { entityId: "e1" }, { speakerEntityIds: ["e1"] }, true],
    ["an entity actor", { entityId: "e1" }, { actorEntityIds: ["e1"] }, true],
    ["a free-text actor naming it by alias", { entityId: "e1", entityAliasKeys: new Set(["bac han"]) }, { actorTexts: ["bac han"] }, true],
    ["an entity not named", { entityId: "e1", entityAliasKeys: new Set(["bac han"]) }, { actorTexts: ["nga"] }, false],
    ["a claim of the session", { sessionId: "s1" }, {}, true],
    ["a claim of another session", { sessionId: "s2" }, {}, false],
    ["a claim outside any session", { sessionId: "s1" }, { sessionId: null }, false],
    ["an unknown session matches nothing", { sessionId: null }, {}, false],
  ])("%s", (_name, filter, over, expected) => expect(mentionMatches(filter, facts(over))).toBe(expected));

  it("knows when a filter is set", () => {
    expect(hasMentionFilter({})).toBe(false);
    expect(hasMentionFilter({ sessionId: null })).toBe(true);
    expect(hasMentionFilter({ to: "2024-01-01" })).toBe(true);
  });
});
