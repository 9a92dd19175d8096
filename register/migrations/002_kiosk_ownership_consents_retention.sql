-- Register schema v2: a row belongs to the kiosk that sent it, consents may change after
-- signing, and personal data may be purged after a retention period.

-- A kiosk token speaks only for its own kiosk. Every row (signature or tombstone) already names
-- its kiosk; from now on that kiosk must be the one in its certificate number and, while the
-- record is kept, the one the record names. NOT VALID: rows a forger planted before this check
-- existed stay readable (for an organiser to find them), but no new or updated row may break it.
ALTER TABLE signatures ADD CONSTRAINT signature_of_its_kiosk CHECK (
  split_part(certificate_no, '-', 2) = kiosk_id
  AND (record IS NULL OR record ->> 'kioskId' = kiosk_id)
) NOT VALID;

-- When the consents were last changed (the latest change wins, whatever order batches arrive in).
ALTER TABLE signatures ADD COLUMN consents_changed_at timestamptz;
ALTER TABLE batches ADD COLUMN consent_change_count integer NOT NULL DEFAULT 0;

-- When the retention purge removed the personal data (names, email, city, role, organisation
-- name, strokes, and the duplicate keys derived from them). What is left serves the statistics
-- and the certificate page.
ALTER TABLE signatures ADD COLUMN purged_at timestamptz;
ALTER TABLE signatures ADD CONSTRAINT purged_without_personal_data CHECK (
  purged_at IS NULL
  OR (email_key IS NULL AND org_key IS NULL
      AND (record IS NULL
           OR NOT (record ?| ARRAY['firstName', 'lastName', 'email', 'city', 'role',
                                   'organisationName', 'signature'])))
);
CREATE INDEX signatures_unpurged_received ON signatures (received_at)
  WHERE purged_at IS NULL AND withdrawn_at IS NULL;
