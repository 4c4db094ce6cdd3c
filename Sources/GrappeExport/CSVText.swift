import CLibCSV
import GrappeModel

/// CSV output through libcsv's writer: a field is quoted (and its quotes doubled) only when needed.
/// Control characters other than line breaks (ESC, BEL, CR, tab, C1, DEL, bidirectional overrides) are
/// written as visible escapes (`\e`, `\u{7}`): a CSV file is often shown in a terminal with `cat`,
/// and no spreadsheet needs them.
public enum CSVText {
    public static func field(_ raw: String) -> String {
        let text = Sanitizer.visible(raw, keepingLineBreaks: true)
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
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

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
