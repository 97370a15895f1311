-- CreateTable
CREATE TABLE "SearchWord" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" UUID NOT NULL,
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchWord_workspaceId_word_idx" ON "SearchWord"("workspaceId", "word");

-- CreateIndex
CREATE INDEX "SearchWord_word_trgm" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "SearchWord" ADD CONSTRAINT "SearchWord_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Words are the runs between separators (whitespace, ASCII punctuation, quotes, dashes and
-- ellipses) of the folded text, 3 to 32 characters long: the same rule as wordsOf() in
-- lib/server/search-words.ts.
CREATE FUNCTION "searchWordsOf"(t TEXT) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT w FROM regexp_split_to_table(t, '[[:space:]\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E“”‘’«»…–—]+') AS w WHERE length(w) BETWEEN 3 AND 32
$$;

-- Statement-level, so a bulk import adds its words in one set-based INSERT. Only words the
-- workspace does not hold yet; no unique key, so concurrent writers never wait on each other.
CREATE FUNCTION "addSearchWords"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "SearchWord" ("workspaceId", word)
  SELECT DISTINCT n."workspaceId", w
  FROM new_rows n CROSS JOIN LATERAL "searchWordsOf"(n."searchText") AS w
  WHERE NOT EXISTS (SELECT 1 FROM "SearchWord" s WHERE s."workspaceId" = n."workspaceId" AND s.word = w);
  RETURN NULL;
END $$;

CREATE TRIGGER "Passage_words_insert" AFTER INSERT ON "Passage"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "addSearchWords"();
CREATE TRIGGER "Passage_words_update" AFTER UPDATE ON "Passage"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "addSearchWords"();

INSERT INTO "SearchWord" ("workspaceId", word)
SELECT DISTINCT p."workspaceId", w FROM "Passage" p CROSS JOIN LATERAL "searchWordsOf"(p."searchText") AS w;
