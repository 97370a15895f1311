import { describe, expect, it } from "vitest";
import { findMentions, mentionedUserIds, mentionQueryAt, mentionSegments, type Mentionable } from "./mentions";

const MEMBERS: Mentionable[] = [
  { id: "an", name: "Nguyễn Văn An", email: "an@desk.vn" },
  { id: "an2", name: "An", email: "an.short@desk.vn" },
  { id: "dung", name: "Đặng Thị Dung", email: "dung@desk.vn" },
  { id: "lan", name: "Lan", email: "lan@desk.vn" },
  { id: "lan2", name: "Lân", email: "lan2@desk.vn" },
  { id: "jane", name: "Jane O'Neil", email: "jane@wire.example" },
  { id: "zoe", name: "Zoë Smith", email: "zoe@wire.example" },
];

describe("mentionedUserIds", () => {
  it.each<[string, string, string[]]>([
    ["a full Vietnamese name", "@Nguyễn Văn An xem lại giúp", ["an"]],
    ["the name without diacritics, any case", "@nguyen van AN please check", ["an"]],
    ["đ folds to d", "cc @dang thi dung", ["dung"]],
    ["the longest name wins over a shorter one", "@Nguyễn Văn An, @An", ["an", "an2"]],
    ["an email", "ping @jane@wire.example.", ["jane"]],
    ["an email in other case", "ping @JANE@WIRE.EXAMPLE", ["jane"]],
    ["an English name with an apostrophe", "thanks @Jane O'Neil!", ["jane"]],
    ["a diaeresis folds away", "@zoe smith agrees", ["zoe"]],
    ["at the very start and end", "@Lan", ["lan"]],
    ["inside parentheses", "(@Zoë Smith)", ["zoe"]],
    ["each member once, in order of first mention", "@Lan @Zoë Smith @lan", ["lan", "zoe"]],
    ["not inside an email address", "write to editor@Lan.vn", []],
    ["not a prefix of a longer word", "@Lanh is not Lan", []],
    ["not someone who is not a member", "@Nobody here", []],
    ["two members folding alike: the exact spelling decides", "@Lân đúng", ["lan2"]],
    ["two members folding alike: case does not decide, diacritics do", "@LAN?", ["lan"]],
    ["a doubled @ is not a mention", "@@Lan", []],
  ])("%s", (_, body, ids) => {
    expect(mentionedUserIds(body, MEMBERS)).toEqual(ids);
  });

  it("tells members that fold alike apart only by their exact spelling", () => {
    // "Lan" and "Lân" both fold to "lan"; "LAN" lower-cases to "lan", which is Lan's own spelling.
    expect(mentionedUserIds("@lân", MEMBERS)).toEqual(["lan2"]);
    expect(mentionedUserIds("@Lán", MEMBERS)).toEqual([]);
  });

  it("finds nothing without members or without an @", () => {
    expect(mentionedUserIds("@Lan", [])).toEqual([]);
    expect(mentionedUserIds("Lan and Zoë", MEMBERS)).toEqual([]);
  });
});

describe("findMentions offsets (UTF-16, from the @)", () => {
  it.each<[string, string, [string, number, number][]]>([
    ["plain", "hi @Lan!", [["lan", 3, 7]]],
    ["after an emoji", "🚀 @Zoë Smith ok", [["zoe", 3, 13]]],
    ["decomposed (NFD) input keeps its combining marks", "@Le\u0302n? no: @La\u0302n", [["lan2", 11, 16]]],
    ["an email", "@an@desk.vn.", [["an", 0, 11]]],
  ])("%s", (_, body, expected) => {
    const found = findMentions(body, MEMBERS).map((m) => [m.userId, m.start, m.end]);
    expect(found).toEqual(expected);
    for (const [, start] of expected) expect(body[start]).toBe("@");
  });
});

describe("mentionSegments", () => {
  it("cuts a body into text and mentions, losing nothing", () => {
    const body = "Cảm ơn @Đặng Thị Dung và @jane@wire.example — <b>not html</b>";
    const segments = mentionSegments(body, MEMBERS);
    expect(segments).toEqual([
      { text: "Cảm ơn " },
      { text: "@Đặng Thị Dung", userId: "dung" },
      { text: " và " },
      { text: "@jane@wire.example", userId: "jane" },
      { text: " — <b>not html</b>" },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(body);
  });
});

describe("mentionQueryAt (autocomplete)", () => {
  it.each<[string, number | undefined, { start: number; query: string } | null]>([
    ["@", undefined, { start: 0, query: "" }],
    ["hello @ngu", undefined, { start: 6, query: "ngu" }],
    ["hello @Nguyễn Vă", undefined, { start: 6, query: "Nguyễn Vă" }],
    ["mail me@home", undefined, null],
    ["no mention", undefined, null],
    ["@Lan\nnext line", undefined, null],
    ["@Lan and more", 4, { start: 0, query: "Lan" }],
  ])("%j", (body, caret, expected) => {
    expect(mentionQueryAt(body, caret ?? body.length)).toEqual(expected);
  });
});
