// The domain's enumerations, derived from the database schema (prisma/schema.prisma) so they are
// declared once. The generated enums file is plain constants, safe for the browser and for zod.
import { AnnotationStatus, EntityKind, Modality, Role, SessionMode, SourceKind, Stance } from "@/lib/generated/prisma/enums";

type Values<T extends Record<string, string>> = [T[keyof T], ...T[keyof T][]];
const values = <T extends Record<string, string>>(e: T) => Object.values(e) as Values<T>;

/** Roles from highest to lowest, as declared in the schema. */
export const ROLES = values(Role);
export const MODALITIES = values(Modality);
export const SOURCE_KINDS = values(SourceKind);
export const ENTITY_KINDS = values(EntityKind);
export const STANCES = values(Stance);
export const ANNOTATION_STATUSES = values(AnnotationStatus);
export const SESSION_MODES = values(SessionMode);

export type { AnnotationStatus, EntityKind, Modality, Role, SessionMode, SourceKind, Stance };
