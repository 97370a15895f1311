/**
 * A message by catalogue key, with its ICU values: what code outside React (services, domain
 * rules) hands to the interface so the words are chosen per language at the edge.
 */
export type MessageRef = { key: string; values?: Record<string, string | number | Date> };
