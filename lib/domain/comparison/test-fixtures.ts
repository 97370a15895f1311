// Sources, entities, graphs and mention builders shared by the comparison tests.
import type { EntityRef, OriginGraph, SourceRef, SpeakerRef } from "./origins";
import type { MentionInput, Stance } from "./verdict";

export const src = (id: string, name = id): SourceRef => ({ id, name });
export const ent = (id: string, name = id): EntityRef => ({ id, name });
export const sourceSpeaker = (s: SourceRef): SpeakerRef => ({ type: "source", ...s });
export const entitySpeaker = (e: EntityRef): SpeakerRef => ({ type: "entity", ...e });

export const REUTERS = src("reuters", "Reuters");
export const AFP = src("afp", "AFP");
export const TASS = src("tass", "TASS");
export const KCNA = src("kcna", "KCNA");
export const WHITE_HOUSE = src("wh", "White House");
export const PENTAGON = src("pentagon", "Pentagon");
export const KREMLIN_SOURCE = src("kremlin", "Kremlin");
export const KREMLIN_PRESS = src("kpo", "Kremlin press office");
export const DEMO_DAILY = src("demo", "Demo Daily");
export const BAO_VI_DU = src("bvd", "Báo Ví Dụ");
export const VNEXPRESS = src("vne", "VnExpress");
export const TUOI_TRE = src("tt", "Tuổi Trẻ");

export const PESKOV = ent("peskov", "Dmitry Peskov");
export const KREMLIN = ent("e-kremlin", "Kremlin");
export const RUSSIA = ent("e-russia", "Russia");
export const KIM = ent("kim", "Kim Jong Un");

/** Peskov speaks for the Kremlin, which speaks for Russia; the press office is the Kremlin; Demo Daily and Báo Ví Dụ relay TASS. */
export const GRAPH: OriginGraph = {
  upstream: new Map([
    [DEMO_DAILY.id, TASS],
    [BAO_VI_DU.id, DEMO_DAILY],
  ]),
  sourceEntity: new Map([[KREMLIN_PRESS.id, KREMLIN]]),
  speaksFor: new Map([
    [PESKOV.id, KREMLIN],
    [KREMLIN.id, RUSSIA],
  ]),
};

let nextId = 0;
/** A mention with no speaker, origin or publisher unless given, in an article of its own. */
export function mention(stance: Stance, over: Partial<MentionInput> = {}): MentionInput {
  nextId += 1;
  return {
    annotationId: `a${nextId}`,
    articleId: `art${nextId}`,
    stance,
    speakers: [],
    articleOrigins: [],
    publisher: null,
    articleDate: null,
    fields: {},
    actors: [],
    ...over,
  };
}

/** An article crediting `origin`, printed by `publisher`. */
export const relay = (stance: Stance, origin: SourceRef, publisher: SourceRef | null, over: Partial<MentionInput> = {}) =>
  mention(stance, { articleOrigins: [origin], publisher, ...over });

/** A claim spoken by a source (or an entity wrapped in `entitySpeaker`), printed by `publisher`. */
export const said = (stance: Stance, speaker: SourceRef | SpeakerRef, publisher: SourceRef | null = null, over: Partial<MentionInput> = {}) =>
  mention(stance, { speakers: ["type" in speaker ? speaker : sourceSpeaker(speaker)], publisher, ...over });

/** A claim of an outlet's own, naming no origin. */
export const printed = (stance: Stance, publisher: SourceRef, over: Partial<MentionInput> = {}) => mention(stance, { publisher, ...over });

/** A claim naming no speaker, origin or publisher. */
export const unattributed = (stance: Stance, over: Partial<MentionInput> = {}) => mention(stance, over);
