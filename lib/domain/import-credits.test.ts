import { describe, expect, it } from "vitest";
import { parseCreditLine, parseUrlLine } from "./import-credits";

const credit = (byline: string | null, publisher: string | null, origins: string[]) => ({
  byline,
  publisher,
  origins,
});

describe("parseCreditLine", () => {
  it.each([
    ["Đức Trung (Theo Reuters, Japan Times)", credit("Đức Trung", null, ["Reuters", "Japan Times"])],
    ["(Theo ntdvn.net - Lam Giang tổng hợp)", credit("Lam Giang", null, ["ntdvn.net"])],
    ["Trung Hiếu/VOV.VN biên dịch Nguồn: CNN", credit("Trung Hiếu", "VOV.VN", ["CNN"])],
    ["Nguồn: CNN", credit(null, null, ["CNN"])],
    ["Theo Reuters", credit(null, null, ["Reuters"])],
    ["Theo Reuters.", credit(null, null, ["Reuters"])],
    ["Theo AFP và Yonhap", credit(null, null, ["AFP", "Yonhap"])],
    ["Theo Reuters - AP", credit(null, null, ["Reuters", "AP"])],
    ["Source: AP", credit(null, null, ["AP"])],
    ["Sources: AP, Reuters", credit(null, null, ["AP", "Reuters"])],
    ["(Reuters)", credit(null, null, ["Reuters"])],
    ["Minh Anh (AFP)", credit("Minh Anh", null, ["AFP"])],
    ["By Jane Doe", credit("Jane Doe", null, [])],
    ["By Jane Doe and John Roe", credit("Jane Doe and John Roe", null, [])],
    ["Thanh Hà tổng hợp", credit("Thanh Hà", null, [])],
    ["Nguồn: Bộ Quốc phòng Nga", credit(null, null, ["Bộ Quốc phòng Nga"])],
    ["Source: Demo Wire (demo)", credit(null, null, ["Demo Wire (demo)"])],
    ["Nguồn: Tin Mẫu (demo)", credit(null, null, ["Tin Mẫu (demo)"])],
    ["Minh An (Theo Demo Wire (demo))", null],
  ])("%s", (line, expected) => {
    expect(parseCreditLine(line)).toEqual(expected);
  });

  it.each([
    ["an in-text attribution", "Theo hãng tin AFP trích dẫn KCNA, ông Kim đã đến Nga."],
    ["a sentence starting with Theo", "Theo Nhà Trắng, ông Putin đang kỳ vọng vào Triều Tiên"],
    ["a short Theo sentence", "Theo Reuters, hai bên đã ký thỏa thuận."],
    ["a photo caption", "Kim Jong Un (trái) tại nhà máy. Ảnh: KCNA."],
    ["a lone name", "Đức Trung"],
    ["a subheading", "Món quà đặc biệt dành cho lãnh đạo Kim Jong Un"],
    ["an English sentence", "By the time Kim arrived, Putin had left."],
    ["a name that begins with Theo", "Theodore Roosevelt"],
    ["a line over 120 characters", `Nguồn: ${"A".repeat(120)}`],
  ])("ignores %s", (_label, line) => {
    expect(parseCreditLine(line)).toBeNull();
  });
});

describe("parseUrlLine", () => {
  it.each([
    ["Nguồn VOV: https://vov.vn/the-gioi/a-post1.vov", { url: "https://vov.vn/the-gioi/a-post1.vov", publisher: "VOV" }],
    ["https://example.com/a?b=c", { url: "https://example.com/a?b=c", publisher: null }],
    ["Source: https://apnews.com/x", { url: "https://apnews.com/x", publisher: null }],
    ["<https://example.com/x>", { url: "https://example.com/x", publisher: null }],
  ])("%s", (line, expected) => {
    expect(parseUrlLine(line)).toEqual(expected);
  });

  it.each(["Xem thêm tại https://vov.vn/x để biết chi tiết", "Nguồn: CNN", "ftp://example.com/file"])("ignores %s", (line) => {
    expect(parseUrlLine(line)).toBeNull();
  });
});
