/// The team store's tables in the `grappe` schema, as named migrations recorded in
/// `grappe.migrations`. They mirror the SQLite store's (docs/store.md) with a `workspace` column in
/// every key, so one database holds a workspace per network; journal numbers count within a workspace,
/// as they do in a file. Migrations run in one transaction under
/// an advisory lock, so several clients starting together apply each exactly once; they are only ever
/// added, never edited.
enum PostgresSchema {
    /// Every table of a workspace, children before what they refer to. (The views that mirror parts
    /// of a record's body, `record_parties` and the rest, follow the records.)
    static let workspaceTables = ["records", "entities", "journal_items", "journal", "drafts"]

    /// The advisory lock key that serialises migrations ("Grpp" as a number).
    static let migrationLock: Int64 = 0x4772_7070

    static let migrations: [(name: String, statements: [String])] = [
        (
            "v1 workspaces, missions, journal and drafts",
            [
                """
                CREATE TABLE grappe.records (
                    workspace text NOT NULL,
                    id text NOT NULL,
                    ord bigserial NOT NULL,
                    kind text NOT NULL CHECK (kind IN ('agreement', 'mission', 'project', 'event')),
                    title text NOT NULL,
                    status text,
                    start text,
                    "end" text,
                    budget_cents bigint,
                    budget_currency text,
                    version integer NOT NULL CHECK (version > 0),
                    created_at text NOT NULL,
                    created_by text NOT NULL,
                    updated_at text NOT NULL,
                    updated_by text NOT NULL,
                    body text NOT NULL CHECK (body::jsonb IS NOT NULL),
                    PRIMARY KEY (workspace, id)
                )
                """,
                """
                CREATE TABLE grappe.record_parties (
                    workspace text NOT NULL,
                    record_id text NOT NULL,
                    position integer NOT NULL,
                    entity_id text NOT NULL,
                    role text NOT NULL,
                    title text,
                    attendance text,
                    PRIMARY KEY (workspace, record_id, position),
                    FOREIGN KEY (workspace, record_id) REFERENCES grappe.records (workspace, id) ON DELETE CASCADE
                )
                """,
                "CREATE INDEX record_parties_by_entity ON grappe.record_parties (workspace, entity_id)",
                """
                CREATE TABLE grappe.record_places (
                    workspace text NOT NULL,
                    record_id text NOT NULL,
                    position integer NOT NULL,
                    city_id text NOT NULL,
                    is_origin boolean NOT NULL,
                    PRIMARY KEY (workspace, record_id, position),
                    FOREIGN KEY (workspace, record_id) REFERENCES grappe.records (workspace, id) ON DELETE CASCADE
                )
                """,
                """
                CREATE TABLE grappe.mission_outcomes (
                    workspace text NOT NULL,
                    record_id text NOT NULL,
                    position integer NOT NULL,
                    agreement_id text,
                    partner_id text,
                    text text,
                    PRIMARY KEY (workspace, record_id, position),
                    FOREIGN KEY (workspace, record_id) REFERENCES grappe.records (workspace, id) ON DELETE CASCADE
                )
                """,
                """
                CREATE TABLE grappe.mission_objectives (
                    workspace text NOT NULL,
                    record_id text NOT NULL,
                    position integer NOT NULL,
                    text text NOT NULL,
                    PRIMARY KEY (workspace, record_id, position),
                    FOREIGN KEY (workspace, record_id) REFERENCES grappe.records (workspace, id) ON DELETE CASCADE
                )
                """,
                """
                CREATE TABLE grappe.entities (
                    workspace text NOT NULL,
                    id text NOT NULL,
                    ord bigserial NOT NULL,
                    kind text NOT NULL CHECK (kind IN ('city', 'cluster', 'pole', 'organisation', 'person')),
                    name text NOT NULL,
                    recorded_with text,
                    version integer NOT NULL CHECK (version > 0),
                    created_at text NOT NULL,
                    created_by text NOT NULL,
                    updated_at text NOT NULL,
                    updated_by text NOT NULL,
                    body text NOT NULL CHECK (body::jsonb IS NOT NULL),
                    PRIMARY KEY (workspace, id)
                )
                """,
                """
                CREATE TABLE grappe.journal (
                    workspace text NOT NULL,
                    seq bigint NOT NULL CHECK (seq > 0),
                    at text NOT NULL,
                    author text NOT NULL,
                    action text NOT NULL CHECK (action IN ('add', 'edit', 'cancel', 'undo')),
                    summary text NOT NULL,
                    undoes bigint,
                    PRIMARY KEY (workspace, seq),
                    UNIQUE (workspace, undoes),
                    FOREIGN KEY (workspace, undoes) REFERENCES grappe.journal (workspace, seq)
                )
                """,
                """
                CREATE TABLE grappe.journal_items (
                    workspace text NOT NULL,
                    seq bigint NOT NULL,
                    position integer NOT NULL,
                    object_kind text NOT NULL CHECK (object_kind IN ('record', 'entity')),
                    object_id text NOT NULL,
                    before text CHECK (before IS NULL OR before::jsonb IS NOT NULL),
                    after text CHECK (after IS NULL OR after::jsonb IS NOT NULL),
                    version_before integer NOT NULL,
                    version_after integer NOT NULL,
                    PRIMARY KEY (workspace, seq, position),
                    FOREIGN KEY (workspace, seq) REFERENCES grappe.journal (workspace, seq)
                )
                """,
                "CREATE INDEX journal_items_by_object ON grappe.journal_items (workspace, object_id)",
                """
                CREATE TABLE grappe.drafts (
                    workspace text NOT NULL,
                    key text NOT NULL,
                    updated_at text NOT NULL,
                    body text NOT NULL CHECK (body::jsonb IS NOT NULL),
                    PRIMARY KEY (workspace, key)
                )
                """,
            ]
        ),
        (
            "v2 budgets in each currency's minor units",
            [
                """
                DO $check$
                DECLARE blocked record;
                BEGIN
                    SELECT workspace, id, budget_cents, budget_currency INTO blocked FROM grappe.records
                    WHERE budget_currency IN ('JPY', 'XOF') AND budget_cents % 100 <> 0 ORDER BY workspace, id LIMIT 1;
                    IF FOUND THEN
                        RAISE EXCEPTION 'record % (workspace %) has a budget of % hundredths of %, which has no minor unit; correct it to a whole amount with the Grappe that wrote it',
                            blocked.id, blocked.workspace, blocked.budget_cents, blocked.budget_currency;
                    END IF;
                END
                $check$
                """,
                "UPDATE grappe.records SET budget_cents = CASE budget_currency WHEN 'TND' THEN budget_cents * 10 ELSE budget_cents / 100 END "
                    + "WHERE budget_currency IN ('JPY', 'XOF', 'TND') AND budget_cents IS NOT NULL",
            ]
        ),
        // A save was a dozen statements, each parsed and planned by the server; these two functions do
        // the same writes in one call each, with plans the server keeps for the session. They store
        // only: versions, stale edits and undo stay the journal's rules, in Grappe (JournaledStore).
        (
            "v3 one call per record and per journal entry",
            [
                """
                CREATE FUNCTION grappe.put_record(p_workspace text, p_id text, p_kind text, p_title text, p_status text, p_start text,
                                                  p_end text, p_budget_cents bigint, p_budget_currency text, p_version integer,
                                                  p_at text, p_author text, p_body text, p_parties text, p_places text,
                                                  p_outcomes text, p_objectives text)
                RETURNS void LANGUAGE plpgsql AS $put$
                BEGIN
                    INSERT INTO grappe.records (workspace, id, kind, title, status, start, "end", budget_cents, budget_currency, version,
                                                created_at, created_by, updated_at, updated_by, body)
                    VALUES (p_workspace, p_id, p_kind, p_title, p_status, p_start, p_end, p_budget_cents, p_budget_currency, p_version,
                            p_at, p_author, p_at, p_author, p_body)
                    ON CONFLICT (workspace, id) DO UPDATE SET kind = excluded.kind, title = excluded.title, status = excluded.status,
                        start = excluded.start, "end" = excluded."end", budget_cents = excluded.budget_cents,
                        budget_currency = excluded.budget_currency, version = excluded.version, updated_at = excluded.updated_at,
                        updated_by = excluded.updated_by, body = excluded.body;
                    DELETE FROM grappe.record_parties WHERE workspace = p_workspace AND record_id = p_id;
                    DELETE FROM grappe.record_places WHERE workspace = p_workspace AND record_id = p_id;
                    DELETE FROM grappe.mission_outcomes WHERE workspace = p_workspace AND record_id = p_id;
                    DELETE FROM grappe.mission_objectives WHERE workspace = p_workspace AND record_id = p_id;
                    INSERT INTO grappe.record_parties (workspace, record_id, position, entity_id, role, title, attendance)
                    SELECT p_workspace, p_id, r.position, r.entity_id, r.role, r.title, r.attendance
                    FROM jsonb_to_recordset(p_parties::jsonb) AS r(position integer, entity_id text, role text, title text, attendance text);
                    INSERT INTO grappe.record_places (workspace, record_id, position, city_id, is_origin)
                    SELECT p_workspace, p_id, r.position, r.city_id, r.is_origin
                    FROM jsonb_to_recordset(p_places::jsonb) AS r(position integer, city_id text, is_origin boolean);
                    INSERT INTO grappe.mission_outcomes (workspace, record_id, position, agreement_id, partner_id, text)
                    SELECT p_workspace, p_id, r.position, r.agreement_id, r.partner_id, r.text
                    FROM jsonb_to_recordset(p_outcomes::jsonb) AS r(position integer, agreement_id text, partner_id text, text text);
                    INSERT INTO grappe.mission_objectives (workspace, record_id, position, text)
                    SELECT p_workspace, p_id, r.position, r.text
                    FROM jsonb_to_recordset(p_objectives::jsonb) AS r(position integer, text text);
                END
                $put$
                """,
                """
                CREATE FUNCTION grappe.append_journal(p_workspace text, p_at text, p_author text, p_action text, p_summary text,
                                                      p_undoes integer, p_items text, p_channel text)
                RETURNS integer LANGUAGE plpgsql AS $append$
                DECLARE
                    next_seq integer;
                BEGIN
                    SELECT COALESCE(MAX(seq), 0) + 1 INTO next_seq FROM grappe.journal WHERE workspace = p_workspace;
                    INSERT INTO grappe.journal (workspace, seq, at, author, action, summary, undoes)
                    VALUES (p_workspace, next_seq, p_at, p_author, p_action, p_summary, p_undoes);
                    INSERT INTO grappe.journal_items (workspace, seq, position, object_kind, object_id, before, after, version_before, version_after)
                    SELECT p_workspace, next_seq, i.position, i.object_kind, i.object_id, i.before, i.after, i.version_before, i.version_after
                    FROM jsonb_to_recordset(p_items::jsonb)
                         AS i(position integer, object_kind text, object_id text, before text, after text, version_before integer, version_after integer);
                    PERFORM pg_notify(p_channel, p_workspace || E'\\t' || next_seq);
                    RETURN next_seq;
                END
                $append$
                """,
            ]
        ),
        // A save of one record was three round trips and a dozen writes (the record, four tables
        // mirroring its body, the journal); now it is one call, and the mirrors are views of the body,
        // with the same names and columns for those who query them (docs/store.md). `save_record`
        // stores the record only if its version is still the one the writer read (else it returns no
        // row and Grappe takes the long way, whose rules say why); versions and the journal entry it
        // writes are those `JournaledStore` writes.
        (
            "v4 one call per saved record; the body's mirrors as views",
            [
                "DROP TABLE grappe.record_parties",
                "DROP TABLE grappe.record_places",
                "DROP TABLE grappe.mission_outcomes",
                "DROP TABLE grappe.mission_objectives",
                """
                CREATE VIEW grappe.record_parties AS
                SELECT r.workspace, r.id AS record_id, (p.ordinality - 1)::integer AS position, p.value->>'id' AS entity_id,
                       p.value->>'role' AS role, p.value->>'title' AS title, p.value->>'attendance' AS attendance
                FROM grappe.records r
                CROSS JOIN LATERAL jsonb_array_elements(COALESCE(r.body::jsonb->'parties', '[]'::jsonb)) WITH ORDINALITY AS p(value, ordinality)
                """,
                """
                CREATE VIEW grappe.record_places AS
                SELECT r.workspace, r.id AS record_id, (pl.ordinality - 1)::integer AS position, pl.city_id,
                       (pl.ordinality = 1 AND r.kind = 'mission' AND b.body->'mission' ? 'origin') AS is_origin
                FROM grappe.records r
                CROSS JOIN LATERAL (SELECT r.body::jsonb AS body) b
                CROSS JOIN LATERAL jsonb_array_elements_text(CASE r.kind
                    WHEN 'mission' THEN CASE WHEN b.body->'mission' ? 'origin' THEN jsonb_build_array(b.body->'mission'->'origin') ELSE '[]'::jsonb END
                                        || COALESCE(b.body->'mission'->'destinations', '[]'::jsonb)
                    WHEN 'agreement' THEN CASE WHEN b.body->'agreement' ? 'place' THEN jsonb_build_array(b.body->'agreement'->'place') ELSE '[]'::jsonb END
                    WHEN 'event' THEN CASE WHEN b.body->'event' ? 'place' THEN jsonb_build_array(b.body->'event'->'place') ELSE '[]'::jsonb END
                    ELSE '[]'::jsonb END) WITH ORDINALITY AS pl(city_id, ordinality)
                """,
                """
                CREATE VIEW grappe.mission_outcomes AS
                SELECT r.workspace, r.id AS record_id, (o.ordinality - 1)::integer AS position, o.value->>'agreement' AS agreement_id,
                       o.value->>'partner' AS partner_id, o.value->>'text' AS text
                FROM grappe.records r
                CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN r.kind = 'mission' THEN COALESCE(r.body::jsonb->'mission'->'outcomes', '[]'::jsonb)
                                                             ELSE '[]'::jsonb END) WITH ORDINALITY AS o(value, ordinality)
                """,
                """
                CREATE VIEW grappe.mission_objectives AS
                SELECT r.workspace, r.id AS record_id, (o.ordinality - 1)::integer AS position, o.value AS text
                FROM grappe.records r
                CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN r.kind = 'mission' THEN COALESCE(r.body::jsonb->'mission'->'objectives', '[]'::jsonb)
                                                                  ELSE '[]'::jsonb END) WITH ORDINALITY AS o(value, ordinality)
                """,
                """
                DROP FUNCTION grappe.put_record(text, text, text, text, text, text, text, bigint, text, integer, text, text, text, text, text, text, text)
                """,
                """
                CREATE FUNCTION grappe.put_record(p_workspace text, p_id text, p_kind text, p_title text, p_status text, p_start text,
                                                  p_end text, p_budget_cents bigint, p_budget_currency text, p_version integer,
                                                  p_at text, p_author text, p_body text)
                RETURNS void LANGUAGE sql AS $put$
                    INSERT INTO grappe.records (workspace, id, kind, title, status, start, "end", budget_cents, budget_currency, version,
                                                created_at, created_by, updated_at, updated_by, body)
                    VALUES (p_workspace, p_id, p_kind, p_title, p_status, p_start, p_end, p_budget_cents, p_budget_currency, p_version,
                            p_at, p_author, p_at, p_author, p_body)
                    ON CONFLICT (workspace, id) DO UPDATE SET kind = excluded.kind, title = excluded.title, status = excluded.status,
                        start = excluded.start, "end" = excluded."end", budget_cents = excluded.budget_cents,
                        budget_currency = excluded.budget_currency, version = excluded.version, updated_at = excluded.updated_at,
                        updated_by = excluded.updated_by, body = excluded.body
                $put$
                """,
                """
                CREATE FUNCTION grappe.save_record(p_workspace text, p_id text, p_expected integer, p_kind text, p_title text, p_status text,
                                                   p_start text, p_end text, p_budget_cents bigint, p_budget_currency text, p_at text,
                                                   p_author text, p_body text, p_action text, p_summary text, p_channel text)
                RETURNS TABLE (entry_seq integer, version_before integer, body_before text) LANGUAGE plpgsql AS $save$
                DECLARE
                    found_body text;
                    found_version integer;
                    next_seq integer;
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtextextended('grappe workspace ' || p_workspace, 0));
                    SELECT r.body, r.version INTO found_body, found_version FROM grappe.records r WHERE r.workspace = p_workspace AND r.id = p_id;
                    found_version := COALESCE(found_version, 0);
                    IF found_version <> p_expected THEN
                        RETURN;
                    END IF;
                    INSERT INTO grappe.records AS r (workspace, id, kind, title, status, start, "end", budget_cents, budget_currency, version,
                                                     created_at, created_by, updated_at, updated_by, body)
                    VALUES (p_workspace, p_id, p_kind, p_title, p_status, p_start, p_end, p_budget_cents, p_budget_currency, found_version + 1,
                            p_at, p_author, p_at, p_author, p_body)
                    ON CONFLICT (workspace, id) DO UPDATE SET kind = excluded.kind, title = excluded.title, status = excluded.status,
                        start = excluded.start, "end" = excluded."end", budget_cents = excluded.budget_cents,
                        budget_currency = excluded.budget_currency, version = excluded.version, updated_at = excluded.updated_at,
                        updated_by = excluded.updated_by, body = excluded.body;
                    SELECT COALESCE(MAX(j.seq), 0) + 1 INTO next_seq FROM grappe.journal j WHERE j.workspace = p_workspace;
                    INSERT INTO grappe.journal (workspace, seq, at, author, action, summary, undoes)
                    VALUES (p_workspace, next_seq, p_at, p_author, p_action, p_summary, NULL);
                    INSERT INTO grappe.journal_items (workspace, seq, position, object_kind, object_id, before, after, version_before, version_after)
                    VALUES (p_workspace, next_seq, 0, 'record', p_id, found_body, p_body, found_version, found_version + 1);
                    PERFORM pg_notify(p_channel, p_workspace || E'\\t' || next_seq);
                    RETURN QUERY SELECT next_seq, found_version, found_body;
                END
                $save$
                """,
            ]
        ),
        journalChain,
    ]

    /// Run after every migration: the group roles an administrator made (docs/store.md) get their
    /// rights on what exists now. Roles that do not exist are skipped.
    static let grants = """
        DO $grants$
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'grappe_viewers') THEN
                GRANT USAGE ON SCHEMA grappe TO grappe_viewers;
                GRANT SELECT ON ALL TABLES IN SCHEMA grappe TO grappe_viewers;
            END IF;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'grappe_planners') THEN
                GRANT USAGE ON SCHEMA grappe TO grappe_planners;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA grappe TO grappe_planners;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA grappe TO grappe_planners;
            END IF;
        END
        $grants$
        """
}
