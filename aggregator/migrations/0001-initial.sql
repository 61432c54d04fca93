-- Schema version 1: what the file store kept (bundles/, bundles.json, keys.json, tokens.json), as
-- tables whose constraints hold the protocol even against a buggy writer (DESIGN.md "Signed
-- report bundles"). Needs PostgreSQL 15 or later (UNIQUE NULLS NOT DISTINCT).

-- Every accepted bundle: the JWS exactly as received, its receipt (bundle_id, received_at,
-- digest) and the members that decide the chain. `seq` is the acceptance order and the cursor of
-- the paged listings.
CREATE TABLE bundles (
	seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	bundle_id text NOT NULL CONSTRAINT bundles_bundle_id_key UNIQUE,
	partner_id text NOT NULL,
	aggregator_id text NOT NULL,
	program_id text NOT NULL,
	period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	revision integer NOT NULL CHECK (revision >= 1),
	supersedes text,
	kind text NOT NULL CHECK (kind IN ('regular', 'adjustment', 'zero-usage')),
	kid text NOT NULL,
	previous_digest text,
	digest text NOT NULL CHECK (digest ~ '^[A-Za-z0-9_-]{43}$'),
	received_at timestamptz NOT NULL,
	jws_protected text NOT NULL,
	jws_payload text NOT NULL,
	jws_signature text NOT NULL,
	-- Revision 1 supersedes nothing; a later revision names the bundle it corrects.
	CHECK ((revision = 1) = (supersedes IS NULL)),
	-- A chain is per partner and aggregator id. Its digests are unique, so a bundle can name its
	-- predecessor by digest, and that predecessor must be a bundle of the same chain.
	CONSTRAINT bundles_chain_digest_key UNIQUE (partner_id, aggregator_id, digest),
	CONSTRAINT bundles_previous_in_chain FOREIGN KEY (partner_id, aggregator_id, previous_digest)
		REFERENCES bundles (partner_id, aggregator_id, digest),
	-- No fork: at most one bundle follows each bundle, and at most one starts a chain (null).
	CONSTRAINT bundles_no_fork UNIQUE NULLS NOT DISTINCT (partner_id, aggregator_id, previous_digest)
);

-- GET /bundles lists one partner's bundles in acceptance order.
CREATE INDEX bundles_partner_seq ON bundles (partner_id, seq);

-- The receipt of a bundle, by the name the protocol gives it (a view: one row, one commit).
CREATE VIEW receipts AS SELECT bundle_id, received_at, digest FROM bundles;

-- One head per partner and aggregator: the digest the next bundle must name as previousDigest.
-- It is moved in the transaction that inserts the bundle, under a row lock.
CREATE TABLE chain_heads (
	partner_id text NOT NULL,
	aggregator_id text NOT NULL,
	head_digest text NOT NULL,
	PRIMARY KEY (partner_id, aggregator_id),
	FOREIGN KEY (partner_id, aggregator_id, head_digest)
		REFERENCES bundles (partner_id, aggregator_id, digest)
);

-- The operator's registry of device keys: several per partner, one per device.
CREATE TABLE partner_keys (
	seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
	partner_id text NOT NULL,
	kid text NOT NULL CHECK (kid ~ '^[A-Za-z0-9_-]{43}$'),
	jwk jsonb NOT NULL CHECK (jwk ->> 'kty' = 'EC' AND jwk ->> 'crv' = 'P-256' AND NOT jwk ? 'd'),
	added_at timestamptz NOT NULL,
	-- cli: registered by the operator; demo: trusted on first use by a demo run.
	source text NOT NULL CHECK (source IN ('cli', 'demo')),
	PRIMARY KEY (partner_id, kid)
);

-- Demo mode trusts a partner's first key only: never two demo keys for one partner.
CREATE UNIQUE INDEX partner_keys_one_demo_key ON partner_keys (partner_id) WHERE source = 'demo';

-- Bearer tokens: only the SHA-256 of each secret.
CREATE TABLE tokens (
	seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
	partner_id text NOT NULL,
	id text NOT NULL,
	sha256 bytea NOT NULL CONSTRAINT tokens_sha256_key UNIQUE CHECK (length(sha256) = 32),
	issued_at timestamptz NOT NULL,
	PRIMARY KEY (partner_id, id)
);
