-- Paper forms staff key in at the booth: the record says `source: paper` and carries the form's
-- reference number (optional fields of protocol v1; records without them are kiosk signatures).
-- The columns let organisers filter and count them; one reference is registered once per kiosk
-- and event.

ALTER TABLE signatures ADD COLUMN source text NOT NULL DEFAULT 'kiosk'
  CHECK (source IN ('kiosk', 'paper'));
ALTER TABLE signatures ADD COLUMN paper_ref text
  CHECK (paper_ref IS NULL OR paper_ref ~ '^[A-Z0-9]([A-Z0-9./-]{0,30}[A-Z0-9])?$');
ALTER TABLE signatures ADD CONSTRAINT paper_ref_only_on_paper CHECK (
  (source = 'paper') = (paper_ref IS NOT NULL)
  -- A withdrawal erases the record; the reference number goes with it.
  OR withdrawn_at IS NOT NULL
);
CREATE UNIQUE INDEX signatures_paper_ref ON signatures (kiosk_id, (split_part(certificate_no, '-', 1)), paper_ref)
  WHERE paper_ref IS NOT NULL;
