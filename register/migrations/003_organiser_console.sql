-- The organisers' console: accounts, their sessions, the kiosks' heartbeats, and the indexes the
-- console's keyset-paged signature search walks.

CREATE TABLE organisers (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  role text NOT NULL CHECK (role IN ('organiser', 'admin')),
  -- scrypt$N$r$p$salt$hash (base64url): the parameters travel with the hash, so they can be
  -- raised later without invalidating existing passwords.
  password_hash text NOT NULL CHECK (password_hash ~ '^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$'),
  failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organiser_sessions (
  -- SHA-256 of the session cookie, hex: the cookie itself is never stored.
  token_sha256 text PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  organiser_id bigint NOT NULL REFERENCES organisers (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX organiser_sessions_expiry ON organiser_sessions (expires_at);

-- The latest heartbeat of each kiosk: what it still holds unsent and which app it runs.
CREATE TABLE kiosk_heartbeats (
  kiosk_id text PRIMARY KEY CHECK (kiosk_id ~ '^[A-Z0-9]{1,8}$'),
  pending_count integer NOT NULL CHECK (pending_count >= 0),
  app_version text NOT NULL,
  sent_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- Keyset pages of registered signatures, newest first, overall and per filter.
CREATE INDEX signatures_live_recent ON signatures (received_at DESC, id DESC)
  WHERE withdrawn_at IS NULL;
CREATE INDEX signatures_live_kiosk_recent ON signatures (kiosk_id, received_at DESC, id DESC)
  WHERE withdrawn_at IS NULL;
CREATE INDEX signatures_live_country_recent ON signatures (country, received_at DESC, id DESC)
  WHERE withdrawn_at IS NULL;
CREATE INDEX signatures_live_day_recent ON signatures ((record ->> 'day'), received_at DESC, id DESC)
  WHERE withdrawn_at IS NULL;
CREATE INDEX batches_kiosk_recent ON batches (kiosk_id, received_at DESC);

-- Certificate numbers a kiosk printed for someone who had already signed (answered `duplicate`),
-- each with the number the endorsement is registered under, so that certificate verifies too.
CREATE TABLE duplicate_certificates (
  certificate_no text PRIMARY KEY,
  registered_under text NOT NULL REFERENCES signatures (certificate_no),
  kiosk_id text NOT NULL,
  batch_id uuid NOT NULL REFERENCES batches (batch_id),
  received_at timestamptz NOT NULL DEFAULT now()
);
