import { describe, expect, it } from "vitest";
import { isPhotoCaption, MAX_CAPTION_LENGTH } from "./import-captions";

describe("isPhotoCaption", () => {
  describe("vi", () => {
    it.each([
      ["a credit in parentheses", "Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội ngày 5/3/2024. (Ảnh: Nguyễn Văn A/TTXVN)"],
      ["a lower-case label in parentheses", "Đoàn xe qua cầu Long Biên (ảnh: Lê Bình)"],
      ["the photo source in parentheses", "Tàu cá neo đậu tại cảng Sa Kỳ (Nguồn ảnh: Báo Quảng Ngãi)"],
      ["a credit after the last sentence", "Lực lượng cứu hộ tìm kiếm nạn nhân sau trận lũ. Ảnh: Bộ Quốc phòng."],
      ["a short agency credit", "Ông Kim bước xuống tàu tại ga biên giới. Ảnh: KCNA."],
      ["an illustrative photo in parentheses", "Người dân xếp hàng mua vàng. (Ảnh minh họa)"],
      ["an illustrative photo, other tone mark", "Người dân xếp hàng mua vàng. (Ảnh minh hoạ)"],
      ["an illustrative photo after a sentence", "Cảnh sát phong tỏa hiện trường. Ảnh minh họa"],
      ["an illustrative photo with a credit", "Học sinh trong giờ kiểm tra. Ảnh minh họa: Hải Nguyễn"],
      ["an archive photo", "Nhà máy thủy điện Hòa Bình. Ảnh tư liệu"],
      ["a photo credit alone", "Ảnh: Reuters"],
      ["a photographer with agencies", "Chủ tịch nước tiếp khách quốc tế. (Mikhail Metzel/POOL/AFP/Getty Images)"],
      ["NFD input", "Ông Kim thăm Nga. Ảnh: Bộ Quốc phòng Nga.".normalize("NFD")],
    ])("%s", (_label, paragraph) => {
      expect(isPhotoCaption(paragraph)).toBe(true);
    });

    it.each([
      ["an ordinary sentence", "Ông Kim cũng được tặng một bộ áo tàng hình trước camera hình ảnh nhiệt."],
      ["a closing credit", "Đức Trung (Theo Reuters, Japan Times)"],
      ["a relay of two agencies", "Hai nhà lãnh đạo gặp nhau hôm 13/9 (Reuters/AP)"],
      ["the word ảnh inside a sentence", "Bà nói về bức ảnh: đó là một kỷ niệm đẹp của gia đình."],
      ["a label followed by a whole clause", "Ông Kim thăm nhà máy. Ảnh: ông Kim đang trò chuyện với công nhân. Sau đó ông đi tiếp tới cảng."],
      ["a parenthesis that is not a credit", "Tổng thống Nga Vladimir Putin (ở giữa bên trái) thăm sân bay vũ trụ."],
      ["empty", ""],
    ])("rejects %s", (_label, paragraph) => {
      expect(isPhotoCaption(paragraph)).toBe(false);
    });
  });

  describe("en", () => {
    it.each([
      ["a Photo credit in parentheses", "Kim Jong Un arrives at the Vostochny cosmodrome on Sept. 13, 2023. (Photo: AP)"],
      ["an Image credit in parentheses", "Flood water covers a street in Hanoi (Image: Getty Images)"],
      ["a Photo credit with a slash", "Putin greets Kim at the cosmodrome. Photo: Vladimir Smirnov / Reuters"],
      ["a wire-style credit", "Kim inspects a fighter jet in Komsomolsk-on-Amur. REUTERS/Evgeny Biyatov"],
      ["an AP Photo credit", "Residents queue for water in Kherson. AP Photo/Alex Babenko"],
      ["a photographer and an agency in parentheses", "Kim and Putin at the cosmodrome (Reuters/Sergei Bobylev)"],
      ["a file photo", "The Yongbyon nuclear complex. File photo"],
      ["an illustrative image in parentheses", "A voter casts a ballot. (Illustrative image)"],
      ["a credit after a dash", "Kim waves from his train — Photo: KCNA"],
    ])("%s", (_label, paragraph) => {
      expect(isPhotoCaption(paragraph)).toBe(true);
    });

    it.each([
      ["an ordinary sentence", "The White House said the talks were about arms."],
      ["a sentence mentioning a photo", "Officials released a photo: it showed Kim smiling beside Putin at the launch site."],
      ["a lower-case bare label", "He said the photo: would be released later."],
      ["a relay of two agencies", "The talks lasted five hours (Reuters/AP)"],
      ["a By line", "By Jane Doe"],
    ])("rejects %s", (_label, paragraph) => {
      expect(isPhotoCaption(paragraph)).toBe(false);
    });
  });

  it("treats a long paragraph as body text whatever it ends with", () => {
    const long = `${"Kim met Putin at the cosmodrome and they talked about many things. ".repeat(7)}(Photo: AP)`;
    expect(long.length).toBeGreaterThan(MAX_CAPTION_LENGTH);
    expect(isPhotoCaption(long)).toBe(false);
    expect(isPhotoCaption(long.slice(-MAX_CAPTION_LENGTH))).toBe(true);
  });
});
