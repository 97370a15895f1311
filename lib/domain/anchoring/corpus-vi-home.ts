// Vietnamese home-news cases of the re-anchoring corpus. Paragraphs are invented news copy.
import { edit, type CorpusCase } from "./corpus-format";

const FUEL =
  "Giá xăng RON95 tăng 500 đồng mỗi lít từ 15 giờ chiều nay. Bộ Công Thương cho biết giá xăng tăng do giá dầu thế giới leo thang. Một số doanh nghiệp vận tải nói giá xăng tăng sẽ đẩy cước taxi và xe công nghệ lên cao.";

// Emoji with a skin tone, a keycap (digit + VS16 + combining enclosing keycap) and n + combining
// diaeresis (no precomposed form, so it stays two code points in NFC) sit before the claims.
const POST =
  "Bài đăng 👍🏽🔥 trên Facebook ngày 3/5 viết: “Uống nước chanh nóng mỗi sáng giúp ngừa ung thư”, kèm biểu tượng 1️⃣ và dòng chữ n̈ khó hiểu. Bài đăng đã được chia sẻ hơn 12.000 lần trước khi bị gỡ.";

const STORM =
  "Cơn bão số 3 đổ bộ vào các tỉnh ven biển đêm qua, làm ít nhất 12 người thiệt mạng và hàng nghìn ngôi nhà bị tốc mái. Chính quyền địa phương đã sơ tán hơn 50.000 dân đến nơi an toàn trước khi bão vào bờ. Nhiều tuyến đường vẫn bị ngập sâu tới sáng nay.";

const EXAM =
  "Bộ Giáo dục và Đào tạo công bố đề thi tốt nghiệp THPT năm nay sẽ giữ nguyên cấu trúc như năm trước. Thứ trưởng Nguyễn Văn A cho biết “không có thay đổi đột ngột” đối với thí sinh. Phụ huynh vẫn lo ngại về áp lực thi cử.";

export const viHomeCases: CorpusCase[] = [
  // --- gia-xang: "giá xăng tăng" occurs twice; context decides
  {
    id: "vi-fuel-repeat-second",
    article: "gia-xang",
    covers: "the second of two equal quotes after a shift",
    original: FUEL,
    claim: { quote: "giá xăng tăng", occurrence: 1 },
    corrected: edit(FUEL, ["RON95", "RON 95"]),
    expected: { outcome: "moved", quote: "giá xăng tăng", occurrence: 1 },
  },
  {
    id: "vi-fuel-repeat-first",
    article: "gia-xang",
    covers: "the first of two equal quotes after a shift",
    original: FUEL,
    claim: { quote: "giá xăng tăng", occurrence: 0 },
    corrected: edit(FUEL, ["từ 15 giờ", "kể từ 15 giờ"]),
    expected: { outcome: "moved", quote: "giá xăng tăng", occurrence: 0 },
  },
  {
    id: "vi-fuel-context-typos",
    article: "gia-xang",
    covers: "typos fixed in the stored prefix of a repeated quote",
    original: edit(FUEL, ["doanh nghiệp vận tải", "doanh nghiêp vân tải"]),
    claim: { quote: "giá xăng tăng", occurrence: 1 },
    corrected: edit(FUEL, ["RON95", "RON 95"]),
    expected: { outcome: "moved", quote: "giá xăng tăng", occurrence: 1 },
  },
  {
    id: "vi-fuel-context-missing-space",
    article: "gia-xang",
    covers: "a missing space restored in the stored prefix",
    original: edit(FUEL, ["vận tải nói", "vận tảinói"]),
    claim: { quote: "giá xăng tăng", occurrence: 1 },
    corrected: FUEL,
    expected: { outcome: "moved", quote: "giá xăng tăng", occurrence: 1 },
  },
  {
    id: "vi-fuel-number",
    article: "gia-xang",
    covers: "a changed figure is never counted silently",
    original: FUEL,
    claim: { quote: "tăng 500 đồng mỗi lít" },
    corrected: edit(FUEL, ["500 đồng", "550 đồng"]),
    expected: { outcome: "needs_review", proposal: "tăng 550 đồng mỗi lít" },
  },
  {
    id: "vi-fuel-short-moved",
    article: "gia-xang",
    covers: "a short quote follows an insertion with its context",
    original: FUEL,
    claim: { quote: "taxi" },
    corrected: edit(FUEL, ["RON95 tăng", "RON95 đã tăng"]),
    expected: { outcome: "moved", quote: "taxi" },
  },
  // --- bai-dang: emoji and combining marks before the claims
  {
    id: "vi-post-emoji-inserted",
    article: "bai-dang",
    covers: "emoji (flag, skin tone) inserted before the quote",
    original: POST,
    claim: { quote: "Uống nước chanh nóng mỗi sáng giúp ngừa ung thư" },
    corrected: edit(POST, ["Bài đăng 👍🏽🔥", "🇻🇳 Bài đăng 👍🏽🔥👀"]),
    expected: { outcome: "moved", quote: "Uống nước chanh nóng mỗi sáng giúp ngừa ung thư" },
  },
  {
    id: "vi-post-typo-after-emoji",
    article: "bai-dang",
    covers: "a typo fixed in the quote while an emoji is added before it",
    original: edit(POST, ["ngừa ung thư", "ngừa ung thu"]),
    claim: { quote: "Uống nước chanh nóng mỗi sáng giúp ngừa ung thu" },
    corrected: edit(POST, ["👍🏽🔥", "👍🏽🔥🔥"]),
    expected: { outcome: "fuzzy", quote: "Uống nước chanh nóng mỗi sáng giúp ngừa ung thư" },
  },
  {
    id: "vi-post-keycap-before",
    article: "bai-dang",
    covers: "a keycap emoji (with combining mark) inserted before the quote",
    original: POST,
    claim: { quote: "Bài đăng đã được chia sẻ hơn 12.000 lần" },
    corrected: edit(POST, ["1️⃣", "1️⃣2️⃣"]),
    expected: { outcome: "moved", quote: "Bài đăng đã được chia sẻ hơn 12.000 lần" },
  },
  {
    id: "vi-post-combining-in-quote",
    article: "bai-dang",
    covers: "a quote holding a keycap moves without splitting it",
    original: POST,
    claim: { quote: "biểu tượng 1️⃣" },
    corrected: edit(POST, ["ngày 3/5", "ngày 3/5/2024"]),
    expected: { outcome: "moved", quote: "biểu tượng 1️⃣" },
  },
  {
    id: "vi-post-combining-before",
    article: "bai-dang",
    covers: "n + combining diaeresis doubled before the quote",
    original: POST,
    claim: { quote: "khó hiểu" },
    corrected: edit(POST, ["chữ n̈", "chữ n̈n̈"]),
    expected: { outcome: "moved", quote: "khó hiểu" },
  },
  {
    id: "vi-post-last-sentence-deleted",
    article: "bai-dang",
    covers: "the claimed last sentence deleted",
    original: POST,
    claim: { quote: "Bài đăng đã được chia sẻ hơn 12.000 lần trước khi bị gỡ." },
    corrected: edit(POST, [" Bài đăng đã được chia sẻ hơn 12.000 lần trước khi bị gỡ.", ""]),
    expected: { outcome: "orphaned" },
  },
  // --- bao-so-3
  {
    id: "vi-storm-reworded-middle",
    article: "bao-so-3",
    covers: "the second half of the quote reworded: the span between the old context",
    original: STORM,
    claim: { quote: "làm ít nhất 12 người thiệt mạng và hàng nghìn ngôi nhà bị tốc mái" },
    corrected: edit(STORM, ["và hàng nghìn ngôi nhà bị tốc mái", "và khiến nhiều khu dân cư chìm trong biển nước"]),
    expected: { outcome: "needs_review", proposal: "làm ít nhất 12 người thiệt mạng và khiến nhiều khu dân cư chìm trong biển nước" },
  },
  {
    id: "vi-storm-small-insertion",
    article: "bao-so-3",
    covers: "a word inserted inside the quote",
    original: STORM,
    claim: { quote: "Chính quyền địa phương đã sơ tán hơn 50.000 dân" },
    corrected: edit(STORM, ["đã sơ tán", "đã kịp sơ tán"]),
    expected: { outcome: "fuzzy", quote: "Chính quyền địa phương đã kịp sơ tán hơn 50.000 dân" },
  },
  {
    id: "vi-storm-rewritten",
    article: "bao-so-3",
    covers: "the whole paragraph rewritten",
    original: STORM,
    claim: { quote: "Nhiều tuyến đường vẫn bị ngập sâu tới sáng nay" },
    corrected: "Bài viết đang được biên tập lại để bổ sung số liệu chính thức từ Ban Chỉ đạo phòng chống thiên tai.",
    expected: { outcome: "orphaned" },
  },
  {
    id: "vi-storm-toll-changed",
    article: "bao-so-3",
    covers: "the death toll in the quote changed",
    original: STORM,
    claim: { quote: "ít nhất 12 người thiệt mạng" },
    corrected: edit(STORM, ["12 người", "14 người"]),
    expected: { outcome: "needs_review", proposal: "ít nhất 14 người thiệt mạng" },
  },
  {
    id: "vi-storm-context-typo-moved",
    article: "bao-so-3",
    covers: "a typo fixed in the prefix while the quote moves",
    original: edit(STORM, ["đổ bộ vào", "đổ bô vào"]),
    claim: { quote: "các tỉnh ven biển" },
    corrected: edit(STORM, ["Cơn bão số 3", "Cơn bão số 3 (Yagi)"]),
    expected: { outcome: "moved", quote: "các tỉnh ven biển" },
  },
  // --- de-thi
  {
    id: "vi-exam-name-completed",
    article: "de-thi",
    covers: "a name completed at the quote's edge: the match snaps to the whole word",
    original: EXAM,
    claim: { quote: "Thứ trưởng Nguyễn Văn A" },
    corrected: edit(EXAM, ["Nguyễn Văn A", "Nguyễn Văn An"]),
    expected: { outcome: "fuzzy", quote: "Thứ trưởng Nguyễn Văn An" },
  },
  {
    id: "vi-exam-quote-marks",
    article: "de-thi",
    covers: "a quote in curly quotation marks moves after an insertion",
    original: EXAM,
    claim: { quote: "“không có thay đổi đột ngột”" },
    corrected: edit(EXAM, ["Thứ trưởng", "Thứ trưởng thường trực"]),
    expected: { outcome: "moved", quote: "“không có thay đổi đột ngột”" },
  },
  {
    id: "vi-exam-glued-word",
    article: "de-thi",
    covers: "a short quote that became part of a longer word (THPT → THPTQG)",
    original: EXAM,
    claim: { quote: "THPT" },
    corrected: edit(EXAM, ["THPT", "THPTQG"]),
    expected: { outcome: "needs_review", proposal: "THPT" },
  },
];
