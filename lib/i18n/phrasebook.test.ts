import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkSelector } from "@/lib/domain/anchoring";
import { phrase } from "@/lib/i18n/phrasebook";
import { messagesOf } from "@/lib/i18n/phrasebook-scan";
import { roleTooLow } from "@/lib/auth/membership";
import { AppError, toErrorBody } from "@/lib/server/errors";
import { changePasswordSchema } from "@/lib/validation/schemas";
import vi from "@/messages/phrasebook/vi.json";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !rel.startsWith("lib/test/") ? [rel] : [];
  });
}

const inCode = new Map<string, string>();
for (const rel of sources("lib")) for (const m of messagesOf(fs.readFileSync(path.join(ROOT, rel), "utf8"), rel)) if (!inCode.has(m)) inCode.set(m, rel);
const book = vi as Record<string, string>;
const slots = (s: string) => [...s.matchAll(/\{(\d)\}/g)].map((m) => m[1]).sort();

describe("the Vietnamese phrasebook of service and validation messages", () => {
  it("finds the messages of lib/ (the scan works)", () => {
    expect(inCode.size).toBeGreaterThan(150);
    expect(inCode.get("Write the statement (at least 3 characters)")).toMatch(/^lib\/validation\//);
  });

  it("translates every message in lib/ (a new one fails here until vi.json has it)", () => {
    const missing = [...inCode].filter(([m]) => !book[m]).map(([m, rel]) => `${rel}: ${m}`);
    expect(missing).toEqual([]);
  });

  it("has no translation for a message the code no longer writes", () => {
    expect(Object.keys(book).filter((m) => !inCode.has(m))).toEqual([]);
  });

  it("keeps every placeholder of each message", () => {
    const broken = Object.entries(book).filter(([en, tr]) => slots(en).join() !== slots(tr).join());
    expect(broken).toEqual([]);
  });

  it("fills placeholders, in the translation's order, and translates a value that is a known message", () => {
    expect(phrase("en", "Write a comment")).toBe("Write a comment");
    expect(phrase("vi", "Write a comment")).toBe(book["Write a comment"]);
    expect(phrase("vi", "A paragraph can be at most 20,000 characters")).toBe(book["A paragraph can be at most {1} characters"]?.replace("{1}", "20.000"));
    expect(phrase("vi", "Something nobody wrote")).toBe("Something nobody wrote");
  });

  it("writes a number a message carries the Vietnamese way, and leaves years, ids, ranges and dates alone", () => {
    const limit = (size: string) => phrase("vi", `notes.txt is ${size}; the limit is 5 MB`);
    expect(book["{1} is {2}; the limit is {3}"]).toBeTruthy();
    expect(limit("5.1 MB")).toBe(book["{1} is {2}; the limit is {3}"]?.replace("{1}", "notes.txt").replace("{2}", "5,1 MB").replace("{3}", "5 MB"));
    expect(limit("512 bytes")).toContain("512 byte;");
    expect(limit("1,536 KB")).toContain("1.536 KB");
    expect(phrase("vi", "A paragraph can be at most 2,000,000 characters")).toContain("2.000.000");
    // Not numbers as a whole: kept as written.
    expect(phrase("vi", "start 2024 is after end 12")).toBe("vị trí đầu 2024 nằm sau vị trí cuối 12");
    expect(phrase("vi", "A paragraph can be at most 1,23 characters")).toContain("1,23");
    expect(phrase("en", "A paragraph can be at most 20,000 characters")).toBe("A paragraph can be at most 20,000 characters");
  });

  it("says an offset check's reason in Vietnamese (lower-case messages of a marked declaration), values kept", () => {
    const reason = (text: string, selector: { start: number; end: number; exact?: string }) => {
      const check = checkSelector(text, selector);
      if (check.ok) throw new Error("expected a refusal");
      return check.reason;
    };
    expect(phrase("vi", reason("Hai bên ký hiệp ước", { start: 5, end: 3 }))).toBe("vị trí đầu 5 nằm sau vị trí cuối 3");
    expect(phrase("vi", reason("Hai bên", { start: 2, end: 40 }))).toBe("vị trí cuối 40 nằm ngoài đoạn văn (dài 7 điểm mã)");
    expect(phrase("vi", reason("Hai bên ký", { start: 0, end: 3, exact: "Ba" }))).toBe('câu trích không khớp với văn bản ở vị trí 0–3: cần "Ba", thấy "Hai"');
    expect(phrase("en", reason("Hai bên", { start: 1, end: 1 }))).toBe("empty selection");
  });

  it("answers API and form errors in Vietnamese: zod issues, per-field messages, AppErrors without a catalogue key", () => {
    const zod = changePasswordSchema.safeParse({ currentPassword: "", newPassword: "short" });
    expect(zod.success).toBe(false);
    const en = toErrorBody(zod.error, "en").error;
    const tr = toErrorBody(zod.error, "vi").error;
    expect(tr.code).toBe(en.code);
    const enFields = en.details?.fields as Record<string, string>;
    const viFields = tr.details?.fields as Record<string, string>;
    expect(Object.keys(viFields)).toEqual(Object.keys(enFields));
    for (const [field, message] of Object.entries(enFields)) expect(viFields[field]).toBe(phrase("vi", message));
    expect(Object.values(viFields).some((m, i) => m !== Object.values(enFields)[i])).toBe(true);

    const app = new AppError("conflict", "Already a member", { fields: { email: "Already a member" } });
    expect(toErrorBody(app, "vi").error).toMatchObject({
      code: "conflict",
      message: book["Already a member"],
      details: { fields: { email: book["Already a member"] } },
    });
    expect(toErrorBody(app, "en").error.message).toBe("Already a member");
    // Not something of ours: left as it is.
    expect(toErrorBody(new z.ZodError([{ code: "custom", path: ["x"], message: "plain words", input: 1 }]), "vi").error.message).toBe("x: plain words");
  });
});

describe("messages about roles, one whole sentence per case", () => {
  const ROLES = ["VIEWER", "REVIEWER", "EDITOR", "OWNER"] as const;
  const pairs = ROLES.flatMap((role, i) => ROLES.slice(i + 1).map((needed) => [role, needed] as const));

  it.each(pairs.flatMap(([role, needed]) => (["session", "token"] as const).map((via) => [via, role, needed] as const)))(
    "%s: %s where %s is needed reads as before, and translates whole",
    (via, role, needed) => {
      const err = roleTooLow(via, role, needed, {});
      const who = via === "token" ? "This token's role" : "Your role";
      expect(err.message).toBe(`${who} (${role.toLowerCase()}) cannot do this; it needs ${needed.toLowerCase()} or higher`);
      // An exact entry, not a pattern with English role names left in its slots.
      expect(book[err.message]).toBeTruthy();
      expect(phrase("vi", err.message)).not.toMatch(/viewer|reviewer|editor|owner/);
    },
  );
});
