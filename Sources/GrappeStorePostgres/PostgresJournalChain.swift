import GrappeWords
import GrappeWorkspace

/// The journal's hash chain on the server (JournalChain): the same text hashed the same way as in a
/// file, computed by the server itself when an entry is committed, so that every way of appending
/// (a transaction, `save_record`, a restore) links it, and nothing is sent twice.
extension PostgresSchema {
    static let journalChain: (name: String, statements: [String]) = (
        "v5 journal hash chain",
        [
            "ALTER TABLE grappe.journal ADD COLUMN hash text",
            """
            CREATE FUNCTION grappe.journal_field(t text) RETURNS text IMMUTABLE LANGUAGE sql AS $field$
                SELECT CASE WHEN t IS NULL THEN '-' ELSE octet_length(t)::text || ':' || t END
            $field$
            """,
            """
            CREATE FUNCTION grappe.journal_hash(p_workspace text, p_seq bigint) RETURNS text STABLE LANGUAGE sql AS $hash$
                SELECT encode(sha256(convert_to(
                    grappe.journal_field((SELECT p.hash FROM grappe.journal p WHERE p.workspace = j.workspace AND p.seq = j.seq - 1))
                    || grappe.journal_field(j.seq::text) || grappe.journal_field(j.at) || grappe.journal_field(j.author)
                    || grappe.journal_field(j.action) || grappe.journal_field(j.summary) || grappe.journal_field(j.undoes::text)
                    || COALESCE((SELECT string_agg(grappe.journal_field(i.object_kind) || grappe.journal_field(i.object_id)
                                                   || grappe.journal_field(i.before) || grappe.journal_field(i.after)
                                                   || grappe.journal_field(i.version_before::text)
                                                   || grappe.journal_field(i.version_after::text), '' ORDER BY i.position)
                                 FROM grappe.journal_items i WHERE i.workspace = j.workspace AND i.seq = j.seq), ''),
                    'UTF8')), 'hex')
                FROM grappe.journal j WHERE j.workspace = p_workspace AND j.seq = p_seq
            $hash$
            """,
            // At commit, once the entry's items are in: every way of appending is linked, in the order
            // the entries were written.
            """
            CREATE FUNCTION grappe.link_journal_entry() RETURNS trigger LANGUAGE plpgsql AS $link$
            BEGIN
                UPDATE grappe.journal SET hash = grappe.journal_hash(NEW.workspace, NEW.seq)
                WHERE workspace = NEW.workspace AND seq = NEW.seq;
                RETURN NULL;
            END
            $link$
            """,
            """
            CREATE CONSTRAINT TRIGGER link_journal_entry AFTER INSERT ON grappe.journal
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION grappe.link_journal_entry()
            """,
            """
            DO $backfill$
            DECLARE
                entry record;
            BEGIN
                FOR entry IN SELECT workspace, seq FROM grappe.journal ORDER BY workspace, seq LOOP
                    UPDATE grappe.journal SET hash = grappe.journal_hash(entry.workspace, entry.seq)
                    WHERE workspace = entry.workspace AND seq = entry.seq;
                END LOOP;
            END
            $backfill$
            """,
        ]
    )
}

extension PostgresStoreBackend {
    func journalChainProblems() throws -> [Wording] {
        try withConnection { connection in
            try rows(
                connection,
                """
                SELECT seq, hash FROM grappe.journal
                WHERE workspace = \(workspace) AND hash IS DISTINCT FROM grappe.journal_hash(workspace, seq) ORDER BY seq
                """
            ).map { JournalChain.problem(try $0.int(0), hash: $0.optionalString(1)) }
        }
    }
}
