-- Register schema v1. Every rule the protocol promises is a constraint here, so that no code
-- path (nor two racing connections) can break it.

CREATE TABLE kiosk_tokens (
  id bigserial PRIMARY KEY,
  kiosk_id text NOT NULL CHECK (kiosk_id ~ '^[A-Z0-9]{1,8}$'),
  -- SHA-256 of the token, hex: the token itself is shown once and never stored.
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX kiosk_tokens_active ON kiosk_tokens (kiosk_id) WHERE revoked_at IS NULL;

-- One row per batch ever applied. The primary key is what makes a batch apply once: a second
-- transaction with the same batch_id waits on the first, then finds its stored response.
CREATE TABLE batches (
  batch_id uuid PRIMARY KEY,
  kiosk_id text NOT NULL,
  body_sha256 text NOT NULL CHECK (body_sha256 ~ '^[0-9a-f]{64}$'),
  -- The exact JSON sent back, so a replay gets the same bytes. Set in the same transaction
  -- that claims the row, hence never seen empty by another transaction.
  response text,
  record_count integer NOT NULL,
  withdrawal_count integer NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE signatures (
  id uuid PRIMARY KEY,
  certificate_no text NOT NULL UNIQUE,
  kiosk_id text NOT NULL,
  batch_id uuid NOT NULL REFERENCES batches (batch_id),
  received_at timestamptz NOT NULL DEFAULT now(),
  -- One person, one signature: normalised email (any capacity).
  email_key text UNIQUE,
  -- One organisation, one signature: folded name + country (organisation capacity only).
  org_key text UNIQUE,
  capacity text CHECK (capacity IN ('individual', 'organisation')),
  organisation_type text,
  country text CHECK (country ~ '^[A-Z]{2}$'),
  -- The record as the kiosk sent it (same schema as the kiosk's export).
  record jsonb,
  withdrawn_at timestamptz,
  withdrawal_batch_id uuid REFERENCES batches (batch_id),
  -- A withdrawal erases every personal field and keeps only this tombstone.
  CONSTRAINT signature_or_tombstone CHECK (
    (withdrawn_at IS NULL AND record IS NOT NULL AND capacity IS NOT NULL AND country IS NOT NULL)
    OR (withdrawn_at IS NOT NULL AND record IS NULL AND email_key IS NULL AND org_key IS NULL
        AND capacity IS NULL AND organisation_type IS NULL AND country IS NULL)
  )
);
CREATE INDEX signatures_live_kind ON signatures (capacity, organisation_type) WHERE withdrawn_at IS NULL;
CREATE INDEX signatures_live_country ON signatures (country) WHERE withdrawn_at IS NULL;
