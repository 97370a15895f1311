/**
 * Demo content for the claims and source-comparison annotator.
 *
 * EVERYTHING IN THIS FILE IS FICTIONAL DEMO MATERIAL. The outlets, wire agency,
 * state news agency, bylines, spokespeople and analysts are invented and marked
 * "(demo)". The articles are loosely modelled on the kind of coverage that
 * followed the September 2023 summit at the Vostochny cosmodrome and the June
 * 2024 visit to Pyongyang, but the wording is original. The article texts are
 * not real reporting and should not be quoted as such.
 *
 * Each `text` is in the plain-text import format:
 *   [title line, blank line]
 *   date line ("Published: 13 September 2023" / "Đăng ngày: 14/09/2023")
 *   body paragraphs separated by blank lines
 *   [short credit line at the end]
 *
 * How the story hangs together across articles (for the comparison views):
 *   - The summit wire story (summit-wire-en) is relayed by two outlets
 *     (summit-relay-vi, summit-relay-en). That gives 3 articles but only 1
 *     independent origin.
 *   - The summit date disagrees: 13/09/2023 everywhere except Harbor Post,
 *     which says Tuesday 12 September.
 *   - The gift list comes from a single state agency (gifts-state-en) and is
 *     relayed by two outlets (gifts-relay-vi, arms-allegation-en). The attack
 *     drone count disagrees: 5 (state agency, Demo Daily) vs 6 (Báo Ví Dụ).
 *   - The arms-transfer allegation (artillery shells / munitions from North
 *     Korea to Russia) appears in several articles with different modality
 *     (speculative before the summit, alleged afterwards). Both governments
 *     deny it (arms-allegation-en, pyongyang-visit-vi, gifts-state-en).
 *   - Space/satellite technology transfer and sanctions threats come up
 *     repeatedly.
 *   - Alias variety for the same country: Triều Tiên, Bắc Triều Tiên, Bắc Hàn,
 *     Bình Nhưỡng, North Korea, Pyongyang, DPRK.
 *   - Offsets: summit-relay-en has a duplicated photo caption paragraph and an
 *     emoji paragraph (surrogate pairs, flags, ZWJ); summit-wire-en has a
 *     name with combining marks that survive NFC (Fọ̀láṣadé Ọ̀kẹ́).
 */

export type DemoSourceKind = "OUTLET" | "WIRE_AGENCY" | "STATE_MEDIA" | "GOVERNMENT" | "PERSON" | "OTHER";
export type DemoEntityKind = "PERSON" | "COUNTRY" | "ORGANIZATION" | "PLACE" | "WEAPON_SYSTEM" | "OTHER";
export type DemoModality = "ASSERTED" | "REPORTED" | "ALLEGED" | "DENIED" | "SPECULATIVE" | "FORECAST" | "UNCONFIRMED";
export type DemoClaimTypeKey =
  | "arms_transfer"
  | "denial"
  | "gift"
  | "visit"
  | "meeting"
  | "agreement"
  | "sanction_threat"
  | "technology_transfer"
  | "statement";

export type DemoSource = { name: string; kind: DemoSourceKind; country?: string; language?: string };
/** `speaksFor`: the entity this one speaks for (a spokesman → his government), by name. */
export type DemoEntity = { name: string; kind: DemoEntityKind; aliases: { alias: string; language?: string }[]; speaksFor?: string };
export type DemoSpeaker = { entity?: string; source?: string };
export type DemoClaim = {
  quote: string;
  occurrence?: number;
  type: DemoClaimTypeKey;
  speaker?: DemoSpeaker;
  /** Several speakers, each an independent origin ("Moscow and Pyongyang deny…"). */
  speakers?: DemoSpeaker[];
  modality: DemoModality;
  /** Actors by entity name (or free text when no entity has that name). */
  fields?: { date?: string; quantities?: { value: string; item?: string }[]; item?: string; actors?: string[] };
  note?: string;
};
export type DemoArticle = {
  key: string;
  text: string;
  publisher: string;
  origins: string[];
  claims: DemoClaim[];
};

// ---------------------------------------------------------------------------
// Sources (all fictional)
// ---------------------------------------------------------------------------

const WIRE = "Wire Example Agency (demo)";
const STATE = "Demo State News (demo)";
const DEMO_DAILY = "Demo Daily (demo)";
const HARBOR = "Harbor Post (demo)";
const TIN_MAU = "Tin Mẫu (demo)";
const BAO_VI_DU = "Báo Ví Dụ (demo)";

export const demoSources: DemoSource[] = [
  { name: WIRE, kind: "WIRE_AGENCY", language: "en" },
  { name: STATE, kind: "STATE_MEDIA", country: "KP", language: "en" },
  { name: DEMO_DAILY, kind: "OUTLET", country: "US", language: "en" },
  { name: HARBOR, kind: "OUTLET", country: "GB", language: "en" },
  { name: TIN_MAU, kind: "OUTLET", country: "VN", language: "vi" },
  { name: BAO_VI_DU, kind: "OUTLET", country: "VN", language: "vi" },
];

// ---------------------------------------------------------------------------
// Entities (real public figures and places; fictional spokespeople are marked)
// ---------------------------------------------------------------------------

export const demoEntities: DemoEntity[] = [
  {
    name: "Kim Jong Un",
    kind: "PERSON",
    aliases: [
      { alias: "Kim Jong Un", language: "en" },
      { alias: "Kim Jong-un", language: "vi" },
      { alias: "Kim Chính Ân", language: "vi" },
      { alias: "ông Kim", language: "vi" },
    ],
  },
  {
    name: "Vladimir Putin",
    kind: "PERSON",
    aliases: [{ alias: "Vladimir Putin" }, { alias: "Putin" }, { alias: "ông Putin", language: "vi" }, { alias: "Tổng thống Putin", language: "vi" }],
  },
  {
    name: "North Korea",
    kind: "COUNTRY",
    aliases: [
      { alias: "North Korea", language: "en" },
      { alias: "Pyongyang", language: "en" },
      { alias: "DPRK", language: "en" },
      { alias: "Triều Tiên", language: "vi" },
      { alias: "Bắc Triều Tiên", language: "vi" },
      { alias: "Bắc Hàn", language: "vi" },
      { alias: "Bình Nhưỡng", language: "vi" },
      { alias: "CHDCND Triều Tiên", language: "vi" },
    ],
  },
  {
    name: "Russia",
    kind: "COUNTRY",
    aliases: [
      { alias: "Russia", language: "en" },
      { alias: "Moscow", language: "en" },
      { alias: "Russian Federation", language: "en" },
      { alias: "Nga", language: "vi" },
      { alias: "Matxcơva", language: "vi" },
      { alias: "Liên bang Nga", language: "vi" },
    ],
  },
  {
    name: "United States",
    kind: "COUNTRY",
    aliases: [
      { alias: "United States", language: "en" },
      { alias: "US", language: "en" },
      { alias: "Washington", language: "en" },
      { alias: "Hoa Kỳ", language: "vi" },
      { alias: "Mỹ", language: "vi" },
    ],
  },
  {
    name: "South Korea",
    kind: "COUNTRY",
    aliases: [{ alias: "South Korea", language: "en" }, { alias: "Seoul" }, { alias: "Hàn Quốc", language: "vi" }],
  },
  {
    name: "Ukraine",
    kind: "COUNTRY",
    aliases: [{ alias: "Ukraine" }, { alias: "Ukraina", language: "vi" }],
  },
  {
    name: "White House",
    kind: "ORGANIZATION",
    speaksFor: "United States",
    aliases: [
      { alias: "White House", language: "en" },
      { alias: "Nhà Trắng", language: "vi" },
    ],
  },
  {
    name: "US National Security Council",
    kind: "ORGANIZATION",
    speaksFor: "White House",
    aliases: [
      { alias: "National Security Council", language: "en" },
      { alias: "NSC", language: "en" },
      { alias: "Hội đồng An ninh Quốc gia Mỹ", language: "vi" },
    ],
  },
  {
    // Fictional spokesperson for the demo.
    name: "Daniel Marlow",
    kind: "PERSON",
    speaksFor: "US National Security Council",
    aliases: [{ alias: "Daniel Marlow" }, { alias: "Marlow" }, { alias: "ông Marlow", language: "vi" }],
  },
  {
    name: "Kremlin",
    kind: "ORGANIZATION",
    speaksFor: "Russia",
    aliases: [
      { alias: "Kremlin", language: "en" },
      { alias: "Điện Kremlin", language: "vi" },
    ],
  },
  {
    // Fictional Kremlin spokesman for the demo.
    name: "Arkady Voronin",
    kind: "PERSON",
    speaksFor: "Kremlin",
    aliases: [{ alias: "Arkady Voronin" }, { alias: "Voronin" }],
  },
  {
    name: "North Korean Ministry of Foreign Affairs",
    kind: "ORGANIZATION",
    speaksFor: "North Korea",
    aliases: [
      { alias: "North Korea's foreign ministry", language: "en" },
      { alias: "Bộ Ngoại giao Triều Tiên", language: "vi" },
    ],
  },
  {
    // A counted item named in both languages: its aliases let counts be compared item by item.
    name: "Attack drone",
    kind: "WEAPON_SYSTEM",
    aliases: [
      { alias: "attack drones", language: "en" },
      { alias: "máy bay không người lái tấn công", language: "vi" },
      { alias: "UAV tấn công", language: "vi" },
      { alias: "drones", language: "en" },
      { alias: "UAV" },
    ],
  },
  {
    name: "UN Security Council",
    kind: "ORGANIZATION",
    aliases: [
      { alias: "UN Security Council", language: "en" },
      { alias: "Hội đồng Bảo an Liên Hợp Quốc", language: "vi" },
    ],
  },
  {
    name: "Vostochny cosmodrome",
    kind: "PLACE",
    aliases: [{ alias: "Vostochny cosmodrome", language: "en" }, { alias: "Vostochny" }, { alias: "sân bay vũ trụ Vostochny", language: "vi" }],
  },
  {
    name: "Primorsky Territory",
    kind: "PLACE",
    aliases: [{ alias: "Primorsky Territory", language: "en" }, { alias: "Primorye" }, { alias: "vùng Primorye", language: "vi" }],
  },
  {
    name: "Komsomolsk-on-Amur",
    kind: "PLACE",
    aliases: [{ alias: "Komsomolsk-on-Amur" }],
  },
  {
    name: "artillery shells",
    kind: "WEAPON_SYSTEM",
    aliases: [
      { alias: "artillery shells", language: "en" },
      { alias: "shells", language: "en" },
      { alias: "đạn pháo", language: "vi" },
      { alias: "quả đạn pháo", language: "vi" },
    ],
  },
  {
    name: "ballistic missiles",
    kind: "WEAPON_SYSTEM",
    aliases: [
      { alias: "ballistic missiles", language: "en" },
      { alias: "tên lửa đạn đạo", language: "vi" },
    ],
  },
  {
    name: "reconnaissance drone",
    kind: "WEAPON_SYSTEM",
    aliases: [
      { alias: "reconnaissance drone", language: "en" },
      { alias: "máy bay không người lái trinh sát", language: "vi" },
    ],
  },
  {
    name: "body armour",
    kind: "OTHER",
    aliases: [
      { alias: "body armour", language: "en" },
      { alias: "bulletproof body armour", language: "en" },
      { alias: "áo chống đạn", language: "vi" },
    ],
  },
];

// ---------------------------------------------------------------------------
// Articles (fictional outlets, original wording)
// ---------------------------------------------------------------------------

export const demoArticles: DemoArticle[] = [
  // 1. The wire story (English). Single origin for articles 2 and 3.
  {
    key: "summit-wire-en",
    publisher: WIRE,
    origins: [],
    text: `Kim and Putin meet at Russian spaceport, pledge closer ties

Published: 13 September 2023

VOSTOCHNY, Russia — North Korean leader Kim Jong Un and Russian President Vladimir Putin held talks on Wednesday at the Vostochny cosmodrome in the Russian Far East, their first face-to-face meeting in more than four years.

Putin greeted his guest with a long handshake before the two toured a rocket assembly hall. Asked by reporters whether Moscow would help Pyongyang build satellites, Putin replied: "That is why we have come here."

Kim told his host that the DPRK would "always stand together" with Russia and called the talks the start of a new chapter between the two countries.

Officials in Washington had said for weeks that arms negotiations between the two governments were advancing. They warned that any deal in which North Korea supplies artillery shells to Russia would breach UN Security Council resolutions.

Fọ̀láṣadé Ọ̀kẹ́, an analyst at the fictional Harbor Institute (demo), said the choice of a spaceport as the venue suggested that Russian satellite technology was on the table.

Neither side announced a formal agreement after roughly four hours of talks and a banquet. The Kremlin said military cooperation had come up but gave no details.

Source: Wire Example Agency (demo)`,
    claims: [
      {
        quote: "North Korean leader Kim Jong Un and Russian President Vladimir Putin held talks on Wednesday at the Vostochny cosmodrome",
        type: "meeting",
        speaker: { source: WIRE },
        modality: "ASSERTED",
        fields: { date: "2023-09-13", actors: ["Kim Jong Un", "Vladimir Putin"] },
        note: "Place: Vostochny cosmodrome. Wednesday = 13/09/2023.",
      },
      {
        // Whole sentence as a statement; the technology-transfer claim below is nested inside it.
        quote: 'Asked by reporters whether Moscow would help Pyongyang build satellites, Putin replied: "That is why we have come here."',
        type: "statement",
        speaker: { entity: "Vladimir Putin" },
        modality: "ASSERTED",
        fields: { date: "2023-09-13" },
      },
      {
        quote: "Moscow would help Pyongyang build satellites",
        type: "technology_transfer",
        speaker: { entity: "Vladimir Putin" },
        modality: "FORECAST",
        fields: { item: "satellite technology", actors: ["Russia", "North Korea"] },
        note: "Nested inside the statement above; Putin's answer implies yes.",
      },
      {
        quote: 'the DPRK would "always stand together" with Russia',
        type: "statement",
        speaker: { entity: "Kim Jong Un" },
        modality: "ASSERTED",
        fields: { actors: ["North Korea", "Russia"] },
      },
      {
        quote: "any deal in which North Korea supplies artillery shells to Russia",
        type: "arms_transfer",
        speaker: { entity: "United States" },
        modality: "SPECULATIVE",
        fields: { item: "artillery shells", actors: ["North Korea", "Russia"] },
        note: "Pre-summit warning by US officials; no transfer asserted yet.",
      },
      {
        quote: "Russian satellite technology was on the table",
        type: "technology_transfer",
        modality: "SPECULATIVE",
        fields: { item: "satellite technology", actors: ["Russia", "North Korea"] },
        note: "Speaker is a fictional analyst (not an entity). Paragraph starts with combining marks: offset test.",
      },
    ],
  },

  // 2. Vietnamese relay of the wire story.
  {
    key: "summit-relay-vi",
    publisher: TIN_MAU,
    origins: [WIRE],
    text: `Ông Kim Jong-un và ông Putin hội đàm tại sân bay vũ trụ Vostochny

Đăng ngày: 14/09/2023

Ngày 13/09/2023, nhà lãnh đạo Triều Tiên Kim Jong-un và Tổng thống Nga Vladimir Putin đã hội đàm tại sân bay vũ trụ Vostochny, thuộc vùng Amur ở miền Viễn Đông nước Nga.

Khi được hỏi liệu Matxcơva có giúp Bình Nhưỡng chế tạo vệ tinh hay không, ông Putin đáp: "Chính vì thế mà chúng tôi đến đây". Giới quan sát cho rằng Nga có thể chuyển giao công nghệ vệ tinh cho Triều Tiên để đổi lấy đạn dược.

Theo hãng thông tấn nhà nước Bắc Triều Tiên, trong bữa tiệc chiêu đãi, ông Kim Jong-un đã mời ông Putin sang thăm Bình Nhưỡng "vào thời điểm thuận tiện" và ông Putin đã vui vẻ nhận lời.

Phía Mỹ nhiều lần cảnh báo rằng Washington sẽ không ngần ngại áp đặt thêm các biện pháp trừng phạt nếu Triều Tiên bán vũ khí cho Nga. Seoul cũng bày tỏ quan ngại về khả năng hợp tác quân sự giữa hai nước.

Điện Kremlin xác nhận vấn đề hợp tác quân sự có được nêu ra trong cuộc hội đàm kéo dài khoảng bốn tiếng, nhưng không công bố bất kỳ thỏa thuận nào.

Minh An (Theo Wire Example Agency)`,
    claims: [
      {
        quote: "Ngày 13/09/2023, nhà lãnh đạo Triều Tiên Kim Jong-un và Tổng thống Nga Vladimir Putin đã hội đàm tại sân bay vũ trụ Vostochny",
        type: "meeting",
        speaker: { source: WIRE },
        modality: "REPORTED",
        fields: { date: "13/09/2023", actors: ["Kim Jong Un", "Vladimir Putin"] },
      },
      {
        // Outer speculative technology-transfer claim; the arms-transfer span is nested in it.
        quote: "Nga có thể chuyển giao công nghệ vệ tinh cho Triều Tiên để đổi lấy đạn dược",
        type: "technology_transfer",
        modality: "SPECULATIVE",
        fields: { item: "công nghệ vệ tinh", actors: ["Russia", "North Korea"] },
        note: "Attributed only to unnamed observers (giới quan sát).",
      },
      {
        quote: "đổi lấy đạn dược",
        type: "arms_transfer",
        modality: "SPECULATIVE",
        fields: { item: "đạn dược", actors: ["North Korea", "Russia"] },
        note: "Nested inside the technology-transfer span.",
      },
      {
        quote: "ông Kim Jong-un đã mời ông Putin sang thăm Bình Nhưỡng",
        type: "visit",
        speaker: { source: STATE },
        modality: "REPORTED",
        fields: { actors: ["Vladimir Putin", "North Korea"] },
        note: "Invitation reported by the state agency; Putin said to have accepted.",
      },
      {
        quote: "Washington sẽ không ngần ngại áp đặt thêm các biện pháp trừng phạt nếu Triều Tiên bán vũ khí cho Nga",
        type: "sanction_threat",
        speaker: { entity: "United States" },
        modality: "REPORTED",
        fields: { actors: ["United States", "North Korea", "Russia"] },
      },
    ],
  },

  // 3. English relay of the same wire story. Disagrees on the date (12 vs 13 September).
  {
    key: "summit-relay-en",
    publisher: HARBOR,
    origins: [WIRE],
    text: `Putin offers space help as Kim tours Russian launch site

Published: 14 September 2023

Photo: Two leaders walk past a rocket assembly hall at the Vostochny cosmodrome. (Demo illustration, not a real photograph)

Russian President Vladimir Putin hosted Pyongyang's leader at the Vostochny cosmodrome on Tuesday, 12 September, according to wire reports, in a meeting that Western capitals watched closely.

Putin signalled that Russia was ready to help North Korea with its space programme, after two failed attempts by Pyongyang this year to put a spy satellite into orbit.

US officials have warned that the DPRK could send Russia millions of artillery shells and rockets for use in Ukraine. A White House spokesperson said Washington "will not hesitate" to impose new sanctions if an arms deal goes ahead.

Photo: Two leaders walk past a rocket assembly hall at the Vostochny cosmodrome. (Demo illustration, not a real photograph)

Online, the summit drew instant reactions 🚀🇰🇵🤝🇷🇺👩‍🚀 from users across the region. According to the wire report, Kim Jong Un is expected to travel on to Komsomolsk-on-Amur to tour an aircraft factory.

Source: Wire Example Agency (demo)`,
    claims: [
      {
        quote: "hosted Pyongyang's leader at the Vostochny cosmodrome on Tuesday, 12 September",
        type: "meeting",
        speaker: { source: WIRE },
        modality: "REPORTED",
        fields: { date: "2023-09-12", actors: ["Vladimir Putin", "Kim Jong Un"] },
        note: "Date disagrees with the wire original and other outlets (13/09/2023).",
      },
      {
        quote: "Russia was ready to help North Korea with its space programme",
        type: "technology_transfer",
        speaker: { entity: "Vladimir Putin" },
        modality: "REPORTED",
        fields: { item: "space programme assistance", actors: ["Russia", "North Korea"] },
      },
      {
        quote: "the DPRK could send Russia millions of artillery shells and rockets for use in Ukraine",
        type: "arms_transfer",
        speaker: { entity: "United States" },
        modality: "SPECULATIVE",
        fields: {
          quantities: [{ value: "millions", item: "artillery shells and rockets" }],
          item: "artillery shells and rockets",
          actors: ["North Korea", "Russia"],
        },
      },
      {
        quote: 'Washington "will not hesitate" to impose new sanctions if an arms deal goes ahead',
        type: "sanction_threat",
        speaker: { entity: "White House" },
        modality: "ASSERTED",
        fields: { actors: ["United States", "North Korea", "Russia"] },
      },
      {
        quote: "Kim Jong Un is expected to travel on to Komsomolsk-on-Amur to tour an aircraft factory",
        type: "visit",
        speaker: { source: WIRE },
        modality: "FORECAST",
        fields: { actors: ["Kim Jong Un"] },
        note: "Same paragraph as emoji (surrogate pairs, flags, ZWJ): offset test.",
      },
    ],
  },

  // 4. The state agency's gift list (English-language release). Single origin of the gift claims.
  {
    key: "gifts-state-en",
    publisher: STATE,
    origins: [],
    text: `Respected Comrade Kim Jong Un returns home after historic visit to Russia

Published: 17 September 2023

Respected Comrade Kim Jong Un, General Secretary of the Workers' Party of Korea, concluded his visit to the Russian Federation and was given a warm send-off in the Far East, Demo State News reported.

At the talks at the Vostochny cosmodrome on 13 September, President Vladimir Putin presented the respected Comrade Kim Jong Un with a hunting rifle and a model of a carrier rocket as tokens of friendship.

Before the departure, the governor of Primorsky Territory handed over five attack drones, one reconnaissance drone and a set of bulletproof body armour as gifts from the people of the region.

Respected Comrade Kim Jong Un said the visit had opened "a new era" of relations between the DPRK and Russia and expressed deep gratitude for the hospitality.

Hostile forces are spreading groundless rumours about arms dealings between the two countries, but such claims are nothing but a smear campaign, the release added.

Source: Demo State News (demo)`,
    claims: [
      {
        quote: "President Vladimir Putin presented the respected Comrade Kim Jong Un with a hunting rifle and a model of a carrier rocket",
        type: "gift",
        speaker: { source: STATE },
        modality: "ASSERTED",
        fields: {
          date: "2023-09-13",
          item: "hunting rifle; carrier rocket model",
          actors: ["Vladimir Putin", "Kim Jong Un"],
        },
      },
      {
        quote: "the governor of Primorsky Territory handed over five attack drones, one reconnaissance drone and a set of bulletproof body armour",
        type: "gift",
        speaker: { source: STATE },
        modality: "ASSERTED",
        fields: {
          quantities: [
            { value: "5", item: "attack drones" },
            { value: "1", item: "reconnaissance drone" },
            { value: "1", item: "set of body armour" },
          ],
          item: "attack drones; reconnaissance drone; body armour",
          actors: ["Kim Jong Un"],
        },
        note: "Only source for the gift list. Báo Ví Dụ later reports 6 attack drones.",
      },
      {
        quote: 'the visit had opened "a new era" of relations between the DPRK and Russia',
        type: "statement",
        speaker: { entity: "Kim Jong Un" },
        modality: "ASSERTED",
        fields: { actors: ["North Korea", "Russia"] },
      },
      {
        quote:
          "Hostile forces are spreading groundless rumours about arms dealings between the two countries, but such claims are nothing but a smear campaign",
        type: "denial",
        speaker: { source: STATE },
        modality: "DENIED",
        fields: { actors: ["North Korea", "Russia"] },
        note: "Pre-emptive denial of the arms-transfer allegation.",
      },
    ],
  },

  // 5. Vietnamese relay of the state agency's gift list. Says 6 attack drones (vs 5).
  {
    key: "gifts-relay-vi",
    publisher: BAO_VI_DU,
    origins: [STATE],
    text: `Bắc Hàn công bố danh sách quà tặng ông Kim nhận được tại Nga

Đăng ngày: 18/09/2023

Hãng thông tấn nhà nước Bắc Hàn cho biết nhà lãnh đạo Kim Jong-un đã trở về Bình Nhưỡng sau chuyến thăm Nga kéo dài gần một tuần.

Theo hãng này, thống đốc vùng Primorye đã tặng ông Kim sáu máy bay không người lái tấn công, một máy bay không người lái trinh sát cùng áo chống đạn.

Tại cuộc gặp ở sân bay vũ trụ Vostochny, Tổng thống Putin tặng ông Kim một khẩu súng săn và một mô hình tên lửa đẩy. Phía Bắc Triều Tiên chưa cho biết món quà đáp lễ.

Giới phân tích lưu ý rằng các nghị quyết của Hội đồng Bảo an Liên Hợp Quốc cấm mọi hoạt động chuyển giao vũ khí cho Triều Tiên, vì vậy món quà là máy bay không người lái có thể bị xem là vi phạm lệnh trừng phạt.

Hiện chưa có nguồn độc lập nào xác nhận danh sách quà tặng này; mọi thông tin đều xuất phát từ truyền thông nhà nước Bình Nhưỡng.

Nguồn: Demo State News (demo)`,
    claims: [
      {
        quote: "nhà lãnh đạo Kim Jong-un đã trở về Bình Nhưỡng sau chuyến thăm Nga kéo dài gần một tuần",
        type: "visit",
        speaker: { source: STATE },
        modality: "REPORTED",
        fields: { actors: ["Kim Jong Un", "Russia"] },
      },
      {
        quote: "thống đốc vùng Primorye đã tặng ông Kim sáu máy bay không người lái tấn công",
        type: "gift",
        speaker: { source: STATE },
        modality: "REPORTED",
        fields: { quantities: [{ value: "sáu", item: "máy bay không người lái tấn công" }], item: "máy bay không người lái tấn công", actors: ["Kim Jong Un"] },
        note: "Quantity disagrees with the state agency's own release (5 attack drones).",
      },
      {
        quote: "Tổng thống Putin tặng ông Kim một khẩu súng săn và một mô hình tên lửa đẩy",
        type: "gift",
        speaker: { source: STATE },
        modality: "REPORTED",
        fields: { item: "súng săn; mô hình tên lửa đẩy", actors: ["Vladimir Putin", "Kim Jong Un"] },
      },
      {
        quote: "món quà là máy bay không người lái có thể bị xem là vi phạm lệnh trừng phạt",
        type: "statement",
        modality: "SPECULATIVE",
        fields: { item: "attack drones", actors: ["Russia", "North Korea"] },
        note: "Unnamed analysts.",
      },
    ],
  },

  // 6. The arms-transfer allegation and two government denials; also relays the gift list.
  {
    key: "arms-allegation-en",
    publisher: DEMO_DAILY,
    origins: [WIRE, STATE],
    text: `US says North Korea shipped munitions to Russia; both governments deny

Published: 14 October 2023

The White House on Friday accused North Korea of sending large quantities of weapons to Russia for its war in Ukraine, releasing satellite images that it said showed containers being loaded at a port.

"Pyongyang has delivered more than 1,000 containers of military equipment and munitions to Russia," National Security Council spokesperson Daniel Marlow told reporters. He said the cargo went by ship and then by rail to a depot near the border with Ukraine.

Marlow said Washington would hold those involved accountable and that new sanctions on individuals and companies were being prepared.

Kremlin spokesman Arkady Voronin dismissed the report, saying Moscow had "nothing to add" to earlier denials and that its cooperation with the DPRK "is not directed against third countries".

North Korea's foreign ministry, in a statement carried by Demo State News, called the accusation "a groundless fabrication" and said the country had never exported arms to Russia.

The allegation follows last month's summit at Vostochny, after which Demo State News said a Russian regional governor had given Kim Jong Un five attack drones and body armour.

By Elena Marsh`,
    claims: [
      {
        // Whole sentence as a statement; the arms-transfer allegation is nested inside it.
        quote:
          '"Pyongyang has delivered more than 1,000 containers of military equipment and munitions to Russia," National Security Council spokesperson Daniel Marlow told reporters.',
        type: "statement",
        speaker: { entity: "Daniel Marlow" },
        modality: "ASSERTED",
        fields: { date: "2023-10-13" },
      },
      {
        quote: "Pyongyang has delivered more than 1,000 containers of military equipment and munitions to Russia",
        type: "arms_transfer",
        speaker: { entity: "Daniel Marlow" },
        modality: "ALLEGED",
        fields: {
          quantities: [{ value: "more than 1,000", item: "containers" }],
          item: "military equipment and munitions",
          actors: ["North Korea", "Russia"],
        },
        note: "Nested inside the statement span.",
      },
      {
        quote: "new sanctions on individuals and companies were being prepared",
        type: "sanction_threat",
        speaker: { entity: "Daniel Marlow" },
        modality: "ASSERTED",
        fields: { actors: ["United States"] },
      },
      {
        quote: 'Kremlin spokesman Arkady Voronin dismissed the report, saying Moscow had "nothing to add" to earlier denials',
        type: "denial",
        speaker: { entity: "Kremlin" },
        modality: "DENIED",
        fields: { actors: ["Russia"] },
        note: "Government denial #1 (Russia).",
      },
      {
        quote: 'called the accusation "a groundless fabrication" and said the country had never exported arms to Russia',
        type: "denial",
        speaker: { entity: "North Korean Ministry of Foreign Affairs" },
        modality: "DENIED",
        fields: { actors: ["North Korea"] },
        note: "Government denial #2 (North Korea), relayed via Demo State News.",
      },
      {
        quote: "a Russian regional governor had given Kim Jong Un five attack drones and body armour",
        type: "gift",
        speaker: { source: STATE },
        modality: "REPORTED",
        fields: { quantities: [{ value: "five", item: "attack drones" }], item: "attack drones; body armour", actors: ["Kim Jong Un"] },
        note: "Second outlet relaying the state agency's gift list.",
      },
    ],
  },

  // 7. June 2024 visit to Pyongyang (Vietnamese).
  {
    key: "pyongyang-visit-vi",
    publisher: TIN_MAU,
    origins: [STATE],
    text: `Ông Putin thăm Bình Nhưỡng, ký hiệp ước đối tác chiến lược toàn diện

Đăng ngày: 19/06/2024

Tổng thống Nga Vladimir Putin đã đến Bình Nhưỡng rạng sáng 19/06/2024, mở đầu chuyến thăm cấp nhà nước tới Bắc Triều Tiên, lần đầu tiên sau 24 năm.

Trong ngày, ông Putin và ông Kim Jong-un đã ký hiệp ước đối tác chiến lược toàn diện, trong đó có điều khoản hai bên hỗ trợ lẫn nhau nếu một bên bị tấn công.

Truyền thông nhà nước Triều Tiên đưa tin ông Putin đã tặng ông Kim một chiếc xe limousine do Nga sản xuất cùng một bộ ấm trà, còn ông Kim tặng lại các tác phẩm nghệ thuật khắc họa chân dung ông Putin.

Ông Putin cũng tuyên bố Nga "không loại trừ" khả năng phát triển hợp tác quân sự – kỹ thuật với Triều Tiên, kể cả trong lĩnh vực vũ trụ.

Trong khi đó, Hoa Kỳ tiếp tục cáo buộc Bình Nhưỡng đã cung cấp hàng triệu quả đạn pháo và hàng chục tên lửa đạn đạo cho Nga sử dụng tại Ukraine. Cả Matxcơva lẫn Bình Nhưỡng đều bác bỏ cáo buộc này.

Nhà Trắng cho biết Mỹ sẽ cân nhắc các biện pháp đáp trả, kể cả trừng phạt bổ sung, nếu hợp tác quân sự giữa hai nước tiếp tục mở rộng.

Thu Hà (Theo Demo State News)`,
    claims: [
      {
        quote: "Tổng thống Nga Vladimir Putin đã đến Bình Nhưỡng rạng sáng 19/06/2024",
        type: "visit",
        modality: "ASSERTED",
        fields: { date: "2024-06-19", actors: ["Vladimir Putin", "North Korea"] },
      },
      {
        quote:
          "ông Putin và ông Kim Jong-un đã ký hiệp ước đối tác chiến lược toàn diện, trong đó có điều khoản hai bên hỗ trợ lẫn nhau nếu một bên bị tấn công",
        type: "agreement",
        modality: "ASSERTED",
        fields: {
          date: "2024-06-19",
          item: "hiệp ước đối tác chiến lược toàn diện (mutual assistance clause)",
          actors: ["Vladimir Putin", "Kim Jong Un"],
        },
      },
      {
        quote: "ông Putin đã tặng ông Kim một chiếc xe limousine do Nga sản xuất",
        type: "gift",
        speaker: { source: STATE },
        modality: "REPORTED",
        fields: { date: "2024-06-19", item: "xe limousine (car)", actors: ["Vladimir Putin", "Kim Jong Un"] },
      },
      {
        quote: 'Nga "không loại trừ" khả năng phát triển hợp tác quân sự – kỹ thuật với Triều Tiên, kể cả trong lĩnh vực vũ trụ',
        type: "technology_transfer",
        speaker: { entity: "Vladimir Putin" },
        modality: "SPECULATIVE",
        fields: { item: "military-technical and space cooperation", actors: ["Russia", "North Korea"] },
      },
      {
        quote: "Hoa Kỳ tiếp tục cáo buộc Bình Nhưỡng đã cung cấp hàng triệu quả đạn pháo và hàng chục tên lửa đạn đạo cho Nga sử dụng tại Ukraine",
        type: "arms_transfer",
        speaker: { entity: "United States" },
        modality: "ALLEGED",
        fields: {
          quantities: [
            { value: "hàng triệu", item: "quả đạn pháo" },
            { value: "hàng chục", item: "tên lửa đạn đạo" },
          ],
          item: "artillery shells; ballistic missiles",
          actors: ["North Korea", "Russia"],
        },
      },
      {
        quote: "Cả Matxcơva lẫn Bình Nhưỡng đều bác bỏ cáo buộc này",
        type: "denial",
        speakers: [{ entity: "Russia" }, { entity: "North Korea" }],
        modality: "DENIED",
        fields: { actors: ["Russia", "North Korea"] },
        note: "Both governments deny it: two speakers, two independent origins.",
      },
    ],
  },
];
