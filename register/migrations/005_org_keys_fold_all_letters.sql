-- Organisation keys now fold the letters that Unicode's NFKD leaves whole (đ ð ø æ œ ß ħ ł ı þ),
-- as the kiosk's foldForSearch does (electron/shared/normalise.ts): "Ostergaard Kommune" is the
-- same organisation as "Østergaard Kommune". Keys stored before are recomputed here. The earlier
-- folding had already stripped marks, lowercased and turned punctuation into single spaces, so
-- the old key with those letters written plainly is exactly the key the register computes now.
--
-- org_key is UNIQUE: where two rows end with the same key (the same organisation signed twice
-- under the two spellings, which the old keys let through), the first received keeps the key, so
-- it catches later duplicates, and the others lose theirs (their records are untouched). Rows
-- that break signature_of_its_kiosk (planted before that check, see 002) cannot be updated: they
-- keep their key, and win against any row that would take the same one.

CREATE TEMP TABLE refolded_org_keys ON COMMIT DROP AS
WITH keyed AS (
  SELECT id, org_key, received_at,
         (split_part(certificate_no, '-', 2) = kiosk_id
          AND (record IS NULL OR record ->> 'kioskId' = kiosk_id)) IS NOT FALSE AS updatable,
         replace(replace(replace(replace(
           translate(org_key, 'đðøłıħ', 'ddolih'),
           'æ', 'ae'), 'œ', 'oe'), 'ß', 'ss'), 'þ', 'th') AS new_key
    FROM signatures
   WHERE org_key IS NOT NULL
), changed AS (
  SELECT DISTINCT new_key FROM keyed WHERE updatable AND new_key <> org_key
), contenders AS (
  SELECT id, org_key, received_at, updatable,
         CASE WHEN updatable THEN new_key ELSE org_key END AS final_key
    FROM keyed
)
SELECT id, org_key, updatable, final_key,
       row_number() OVER (PARTITION BY final_key
                          ORDER BY updatable, received_at, id) AS place
  FROM contenders
 WHERE final_key IN (SELECT new_key FROM changed);

-- Losers first, so no key is ever held twice between the two statements.
UPDATE signatures s
   SET org_key = NULL
  FROM refolded_org_keys r
 WHERE s.id = r.id AND r.updatable AND r.place > 1;

UPDATE signatures s
   SET org_key = r.final_key
  FROM refolded_org_keys r
 WHERE s.id = r.id AND r.updatable AND r.place = 1 AND r.org_key <> r.final_key;
