import { describe, expect, it } from "vitest";
import { parseDateline } from "./import-datelines";

describe("parseDateline", () => {
  describe("vi", () => {
    it.each([
      ["a rubric place with a hyphen", "QUỐC TẾ - Hôm 13/9, hai nhà lãnh đạo đã gặp nhau.", "QUỐC TẾ -", null, "Hôm 13/9, hai nhà lãnh đạo đã gặp nhau."],
      ["a misspelt rubric", "QUỐC TÊ - Hôm 13/9, hai nhà lãnh đạo đã gặp nhau.", "QUỐC TÊ -", null, "Hôm 13/9, hai nhà lãnh đạo đã gặp nhau."],
      ["a city and an en dash", "HÀ NỘI – Chính phủ vừa ban hành nghị định mới.", "HÀ NỘI –", null, "Chính phủ vừa ban hành nghị định mới."],
      ["a city with a dot", "TP.HCM - Sở Y tế ghi nhận thêm ca bệnh.", "TP.HCM -", null, "Sở Y tế ghi nhận thêm ca bệnh."],
      ["a city and a short date", "SEOUL, 14/9 – Hàn Quốc triệu đại sứ Nga.", "SEOUL, 14/9 –", null, "Hàn Quốc triệu đại sứ Nga."],
      ["a city, a date and an agency", "ĐÀ NẴNG, 2/9 (TTXVN) – Hàng nghìn người dự lễ.", "ĐÀ NẴNG, 2/9 (TTXVN) –", "TTXVN", "Hàng nghìn người dự lễ."],
      ["a date written out", "HUẾ, 19 tháng 6 - Mưa lớn gây ngập nặng.", "HUẾ, 19 tháng 6 -", null, "Mưa lớn gây ngập nặng."],
    ])("%s", (_label, paragraph, dateline, agency, rest) => {
      expect(parseDateline(paragraph)).toMatchObject({ dateline, agency, rest });
    });

    it.each([
      ["a sentence that opens with a name", "Kim Jong Un - nhà lãnh đạo Triều Tiên - đã tới Nga."],
      ["an organisation acronym", "ASEAN - Trung Quốc nhất trí đẩy nhanh đàm phán."],
      ["a rubric label", "TRỰC TIẾP - Lễ khai mạc bắt đầu lúc 20h."],
      ["an all-caps headline", "NGA - TRIỀU TIÊN THẮT CHẶT QUAN HỆ"],
      ["a dateline with nothing after it", "HÀ NỘI -"],
      ["a dash without spaces", "HÀ NỘI-Chính phủ vừa ban hành nghị định."],
      ["a caps run with digits", "COVID 19 - Bộ Y tế khuyến cáo người dân."],
      ["a place of five words", "THÀNH PHỐ HỒ CHÍ MINH MỚI - Ông nói."],
      ["a dateline later in the text", "Ông nói: HÀ NỘI – Chính phủ đã quyết định."],
    ])("rejects %s", (_label, paragraph) => {
      expect(parseDateline(paragraph)).toBeNull();
    });
  });

  describe("en", () => {
    it.each([
      ["a city and an em dash", "WASHINGTON — The White House said on Wednesday.", "WASHINGTON —", null, "The White House said on Wednesday."],
      ["a city and an agency", "MOSCOW (Reuters) - Russia said on Wednesday.", "MOSCOW (Reuters) -", "Reuters", "Russia said on Wednesday."],
      [
        "two words, a month date and an agency",
        "ST. PETERSBURG, Sept. 14 (AP) — Kim arrived by train.",
        "ST. PETERSBURG, Sept. 14 (AP) —",
        "AP",
        "Kim arrived by train.",
      ],
      ["a four-letter city", "KYIV — Ukraine said its drones hit a depot.", "KYIV —", null, "Ukraine said its drones hit a depot."],
      [
        "a two-word place and an agency",
        "UNITED NATIONS (Reuters) - The Security Council met.",
        "UNITED NATIONS (Reuters) -",
        "Reuters",
        "The Security Council met.",
      ],
      ["a short place made safe by an agency", "LA (AP) - Fires spread overnight.", "LA (AP) -", "AP", "Fires spread overnight."],
      ["a double hyphen", "NEW YORK -- Stocks rose on Monday.", "NEW YORK --", null, "Stocks rose on Monday."],
      ["a quoted first sentence", 'LONDON - "We are ready," the minister said.', "LONDON -", null, '"We are ready," the minister said.'],
    ])("%s", (_label, paragraph, dateline, agency, rest) => {
      expect(parseDateline(paragraph)).toMatchObject({ dateline, agency, rest });
    });

    it.each([
      ["an acronym before a lower-case aside", "NATO - the alliance said - will meet."],
      ["an acronym before a sentence", "NATO - The alliance will meet in July."],
      ["a two-letter acronym", "US - China talks resumed on Monday."],
      ["a three-letter word without agency or date", "GOP - Republicans met on Monday."],
      ["a stop-listed acronym even with an agency", "UN (AFP) - The Security Council met."],
      ["a rubric label", "BREAKING - A strong earthquake hit the coast."],
      ["a lower-case opening", "Washington — The White House said."],
      ["a caps run over 40 characters", "ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFGHIJKLMNOP - The text."],
      ["empty", ""],
    ])("rejects %s", (_label, paragraph) => {
      expect(parseDateline(paragraph)).toBeNull();
    });
  });
});
