import CLibCSV
import GrappeModel

/// CSV output through libcsv's writer: a field is quoted (and its quotes doubled) only when needed.
/// Cells that a spreadsheet would run as a formula are neutralised. Control characters other than
/// line breaks (ESC, BEL, CR, tab, C1, DEL, bidirectional overrides) are written as visible escapes
/// (`\u{1B}`, `\u{7}`): a CSV file is often shown in a terminal with `cat`, and no spreadsheet
/// needs them. Grappe's readers take the escapes back (`Sanitizer.text(fromCell:)`).
public enum CSVText {
    /// One cell: quoted when needed, formulas neutralised, controls made visible.
    public static func field(_ raw: String) -> String {
        let text = neutralisingFormula(Sanitizer.cellText(raw))
        let needsQuotes =
            text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == 0x20 || text.utf8.last == 0x20
        guard needsQuotes else { return text }
        var source = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: source.count * 2 + 2)
        let written = source.withUnsafeMutableBytes { input in
            output.withUnsafeMutableBytes { out in
                csv_write(out.baseAddress, out.count, input.baseAddress, input.count)
            }
        }
        return String(decoding: output.prefix(written), as: UTF8.self)
    }

    /// One line of cells, ended by a line feed.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// A cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-` or `@` and is not a
    /// number) gets a leading apostrophe, as OWASP recommends against CSV injection; numbers such as
    /// `-0.5` stay numbers. (Tabs and carriage returns are already escaped.)
    static func neutralisingFormula(_ text: String) -> String {
        guard let first = text.utf8.first,
            first == UInt8(ascii: "=") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
        else { return text }
        if Double(text) != nil { return text }
        return "'" + text
    }
}
