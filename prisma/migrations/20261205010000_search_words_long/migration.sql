-- The word list holds every word of 3 characters or more, not only those up to 32: the search
-- (lib/server/search-words.ts) then knows that a one-word query no listed word contains is in no
-- paragraph, and skips scanning the paragraphs for it. Similar spellings still look up query words
-- of 3 to 32 characters only.
CREATE OR REPLACE FUNCTION "searchWordsOf"(t TEXT) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT w FROM regexp_split_to_table(t, '[[:space:]\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E“”‘’«»…–—]+') AS w WHERE length(w) >= 3
$$;

INSERT INTO "SearchWord" ("workspaceId", word)
SELECT DISTINCT p."workspaceId", w FROM "Passage" p CROSS JOIN LATERAL "searchWordsOf"(p."searchText") AS w
WHERE length(w) > 32;
