import { describe, expect, it } from "vitest";
import { parseDateLine } from "./import-dates";

describe("parseDateLine", () => {
  it.each([
    ["Đăng ngày: 14/09/2023", "2023-09-14"],
    ["Ngày đăng: 14/09/2023 10:25", "2023-09-14"],
    ["Ngày đăng: 4/9/2023", "2023-09-04"],
    ["Published: 14/09/2023", "2023-09-14"],
    ["Published: 14 September 2023", "2023-09-14"],
    ["Published: September 14, 2023", "2023-09-14"],
    ["Published on Sept. 14, 2023 at 10:25 AM", "2023-09-14"],
    ["Date: 2023-09-14", "2023-09-14"],
    ["Date: 2023-09-14T10:25:00Z", "2023-09-14"],
    ["Posted: 1st March 2024", "2024-03-01"],
    ["Thứ năm, 14/9/2023, 10:25 (GMT+7)", "2023-09-14"],
    ["10:25 14/09/2023", "2023-09-14"],
    ["14-09-2023", "2023-09-14"],
    ["Ngày 19 tháng 6 năm 2024", "2024-06-19"],
    ["Thursday, September 14, 2023", "2023-09-14"],
  ])("%s → %s", (line, expected) => {
    expect(parseDateLine(line)).toBe(expected);
  });

  it.each([
    ["a sentence that contains a date", "Ông Kim ngày 14/8/2023 gửi thư cho Tổng thống Putin."],
    ["an impossible day", "Published: 31/02/2023"],
    ["month 13 (dates are day-first)", "Đăng ngày: 09/13/2023"],
    ["a label without a date", "Published:"],
    ["a year only", "2023"],
    ["a day and month without year", "Hôm 13/9"],
    ["empty", ""],
  ])("rejects %s", (_label, line) => {
    expect(parseDateLine(line)).toBeNull();
  });
});
