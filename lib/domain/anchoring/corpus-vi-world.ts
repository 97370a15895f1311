// Vietnamese world-news cases of the re-anchoring corpus. Paragraphs are invented news copy.
import { edit, moveToFront, type CorpusCase } from "./corpus-format";

const VIDEO =
  "Hôm thứ Ba, nhiều trang mạng xã hội lan truyền một đoạn video cho thấy đoàn xe quân sự tiến vào thành phố biên giới. Giới chức Nga gọi đây là tin giả, trong khi phía Ukraine chưa đưa ra bình luận. Các chuyên gia kiểm chứng cho biết đoạn video thực ra đươc quay từ năm 2019 tại một cuộc diễn tập ở Belarus.";

const MISSILE =
  "Theo Bộ Quốc phòng Hàn Quốc, Bắc Hản đã phóng hai tên lửa đạn đạo tầm ngắn ra vùng biển phía đông vào sáng sớm nay. Tokyo cho biết các tên lửa rơi bên ngoài vùng đặc quyền kinh tế của Nhật Bản. Đây là vụ phóng thứ năm của Bình Nhưỡng kể từ đầu năm.";

const FAKE_NEWS = "Giới chức Nga gọi đây là tin giả";

export const viWorldCases: CorpusCase[] = [
  // --- video-bien-gioi
  {
    id: "vi-video-reworded-end",
    article: "video-bien-gioi",
    covers: "user report: a reworded end must not be cut mid-phrase and counted",
    original: VIDEO,
    claim: { quote: FAKE_NEWS },
    corrected: edit(VIDEO, ["là tin giả, trong khi", "là thông tin bịa đặt, trong khi"]),
    expected: { outcome: "needs_review", proposal: "Giới chức Nga gọi đây là thông tin bịa đặt" },
  },
  {
    id: "vi-video-edit-after",
    article: "video-bien-gioi",
    covers: "an edit after the claim leaves it exact",
    original: VIDEO,
    claim: { quote: FAKE_NEWS },
    corrected: edit(VIDEO, ["ở Belarus.", "ở Belarus, theo hãng tin AFP."]),
    expected: { outcome: "exact", quote: FAKE_NEWS },
  },
  {
    id: "vi-video-typo",
    article: "video-bien-gioi",
    covers: "a missing tone mark fixed inside the quote",
    original: VIDEO,
    claim: { quote: "đoạn video thực ra đươc quay từ năm 2019" },
    corrected: edit(VIDEO, ["đươc", "được"]),
    expected: { outcome: "fuzzy", quote: "đoạn video thực ra được quay từ năm 2019" },
  },
  {
    id: "vi-video-short-unrelated",
    article: "video-bien-gioi",
    covers: "user report: a short quote that now appears only in an unrelated sentence",
    original: VIDEO,
    claim: { quote: "Nga" },
    corrected: edit(
      VIDEO,
      [" Giới chức Nga gọi đây là tin giả, trong khi phía Ukraine chưa đưa ra bình luận.", ""],
      ["ở Belarus.", "ở Belarus. Đại sứ quán Nga chưa trả lời câu hỏi của phóng viên."],
    ),
    expected: { outcome: "needs_review", proposal: "Nga" },
  },
  {
    id: "vi-video-deleted",
    article: "video-bien-gioi",
    covers: "the quote deleted with its clause",
    original: VIDEO,
    claim: { quote: "trong khi phía Ukraine chưa đưa ra bình luận" },
    corrected: edit(VIDEO, [", trong khi phía Ukraine chưa đưa ra bình luận.", "."]),
    expected: { outcome: "orphaned" },
  },
  {
    id: "vi-video-inserted-before",
    article: "video-bien-gioi",
    covers: "a date inserted before the quote",
    original: VIDEO,
    claim: { quote: "cuộc diễn tập ở Belarus" },
    corrected: edit(VIDEO, ["Hôm thứ Ba,", "Hôm thứ Ba (25/6),"]),
    expected: { outcome: "moved", quote: "cuộc diễn tập ở Belarus" },
  },
  // --- ten-lua
  {
    id: "vi-missile-diacritic",
    article: "ten-lua",
    covers: "a wrong tone mark (Bắc Hản → Bắc Hàn) fixed inside a long quote",
    original: MISSILE,
    claim: { quote: "Bắc Hản đã phóng hai tên lửa đạn đạo tầm ngắn" },
    corrected: edit(MISSILE, ["Bắc Hản", "Bắc Hàn"]),
    expected: { outcome: "fuzzy", quote: "Bắc Hàn đã phóng hai tên lửa đạn đạo tầm ngắn" },
  },
  {
    id: "vi-missile-short-diacritic",
    article: "ten-lua",
    covers: "a short quote must match exactly, even for a tone mark",
    original: MISSILE,
    claim: { quote: "Bắc Hản" },
    corrected: edit(MISSILE, ["Bắc Hản", "Bắc Hàn"]),
    expected: { outcome: "needs_review", proposal: "Bắc Hàn" },
  },
  {
    id: "vi-missile-sentence-front",
    article: "ten-lua",
    covers: "the claimed sentence moved to the front of the paragraph",
    original: MISSILE,
    claim: { quote: "Tokyo cho biết các tên lửa rơi bên ngoài vùng đặc quyền kinh tế của Nhật Bản." },
    corrected: moveToFront(MISSILE, "Tokyo cho biết các tên lửa rơi bên ngoài vùng đặc quyền kinh tế của Nhật Bản."),
    expected: { outcome: "moved", quote: "Tokyo cho biết các tên lửa rơi bên ngoài vùng đặc quyền kinh tế của Nhật Bản." },
  },
  {
    id: "vi-missile-missing-mark",
    article: "ten-lua",
    covers: "a missing mark (quyên → quyền) fixed inside the quote",
    original: edit(MISSILE, ["đặc quyền", "đặc quyên"]),
    claim: { quote: "vùng đặc quyên kinh tế của Nhật Bản" },
    corrected: MISSILE,
    expected: { outcome: "fuzzy", quote: "vùng đặc quyền kinh tế của Nhật Bản" },
  },
  {
    id: "vi-missile-word-swapped",
    article: "ten-lua",
    covers: "one word replaced by a different one (thứ năm → thứ sáu) is a rewording",
    original: MISSILE,
    claim: { quote: "Đây là vụ phóng thứ năm của Bình Nhưỡng" },
    corrected: edit(MISSILE, ["thứ năm", "thứ sáu"]),
    expected: { outcome: "needs_review", proposal: "Đây là vụ phóng thứ sáu của Bình Nhưỡng" },
  },
];
