import { z } from "zod";

/**
 * "Title can be at most 300 characters": one whole sentence for each field, so the phrasebook
 * translates each one whole (a field name glued into one sentence would stay English).
 */
const TOO_LONG = {
  Actor: (max: number) => `Actor can be at most ${max} characters`,
  Alias: (max: number) => `Alias can be at most ${max} characters`,
  Byline: (max: number) => `Byline can be at most ${max} characters`,
  Country: (max: number) => `Country can be at most ${max} characters`,
  Date: (max: number) => `Date can be at most ${max} characters`,
  Item: (max: number) => `Item can be at most ${max} characters`,
  Label: (max: number) => `Label can be at most ${max} characters`,
  Language: (max: number) => `Language can be at most ${max} characters`,
  Name: (max: number) => `Name can be at most ${max} characters`,
  Note: (max: number) => `Note can be at most ${max} characters`,
  Origin: (max: number) => `Origin can be at most ${max} characters`,
  Origins: (max: number) => `Origins can be at most ${max} characters`,
  Publisher: (max: number) => `Publisher can be at most ${max} characters`,
  Quantity: (max: number) => `Quantity can be at most ${max} characters`,
  Title: (max: number) => `Title can be at most ${max} characters`,
};
export type TextField = keyof typeof TOO_LONG;

/** Trimmed text of at most `max` characters, its message naming the field. */
export const trimmed = (max: number, field: TextField) => z.string().trim().max(max, TOO_LONG[field](max));
