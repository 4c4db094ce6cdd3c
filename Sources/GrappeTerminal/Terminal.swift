import CNcursesw
import CTerminalRestore
import Foundation
import GrappeDashboard
import GrappeRuntime

/// The terminal, through ncursesw: keys in, canvas out. The only place that imports curses.
///
/// It saves the terminal's modes before starting and restores them on `close()`, at exit, and from
/// signal handlers (SIGTERM, SIGHUP, SIGINT and fatal signals), so a terminal is never left broken.
public final class Terminal: TerminalIO {
    /// What `next` gives: a key, a resize, a hang-up, or nothing in time.
    public typealias Event = TerminalEvent

    /// Whether colours are used (the terminal has them and they were not turned off).
    public let colors: Bool
    /// Whether clicks and the wheel are read.
    public let mouse: Bool
    /// Whether copies go to the clipboard (OSC 52): the terminfo entry declares it (`Ms`), or
    /// GRAPPE_CLIPBOARD says `osc52` (on) or `off`.
    public let clipboard: Bool
    private var previous: Canvas?
    private var pairs: [CellStyle.Role: Int16] = [:]

    /// Starts the terminal: raw keys (Ctrl-C arrives as a key), no echo, keypad, hidden cursor.
    public init(colors wantsColors: Bool, mouse wantsMouse: Bool) {
        // Wide characters need a UTF-8 character locale: keep the user's when it exists, else C.UTF-8
        // (a LANG naming a locale that is not installed would otherwise leave "C" and drop accents).
        if setlocale(LC_ALL, "") == nil || String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        grappe_prepare_terminal()
        initscr()
        grappe_watch_resize()
        raw()
        noecho()
        nonl()
        keypad(grappe_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        var usesColors = false
        if wantsColors, has_colors() {
            start_color()
            use_default_colors()
            usesColors = true
        }
        colors = usesColors
        mouse = wantsMouse
        if wantsMouse {
            mousemask(grappe_mouse_mask(), nil)
            Self.sgrMouse()
        }
        switch ProcessInfo.processInfo.environment["GRAPPE_CLIPBOARD"]?.lowercased() {
        case "osc52"?: clipboard = true
        case "off"?, "none"?: clipboard = false
        default: clipboard = grappe_terminal_has_clipboard() != 0
        }
        if usesColors { definePairs() }
        define_key("\u{1B}[200~", Self.pasteStart)
        define_key("\u{1B}[1;5D", Self.wordLeft)
        define_key("\u{1B}[1;5C", Self.wordRight)
        grappe_bracketed_paste(1)
    }

    /// Sends `text` to the clipboard as OSC 52 (base64, so nothing in it can act on the terminal).
    public func copy(_ text: String) -> Bool {
        guard clipboard else { return false }
        let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        return sequence.withCString { grappe_write_all($0, strlen($0)) } == 0
    }

    /// The key code curses gives for the start of a bracketed paste (a code above every named key).
    /// SGR (1006) mouse reports, which can say any column: terminfo entries such as tmux's and
    /// screen's only declare the old X10 reports, whose columns stop at 223. Where the entry is not
    /// SGR already, SGR is asked for as well and its reports (ESC [ < b ; x ; y M) are read here; a
    /// terminal that does not know SGR goes on sending X10 reports, which curses reads.
    private static func sgrMouse() {
        guard grappe_mouse_is_sgr() == 0 else { return }
        define_key("\u{1B}[<", Self.sgrReport)
        let enable = "\u{1B}[?1006h"
        _ = enable.withCString { grappe_write_all($0, strlen($0)) }
    }

    /// The rest of an SGR mouse report after ESC [ <: `b;x;y` then M (pressed) or m (released).
    private func readSGRReport() -> Event {
        var text = ""
        var character = wint_t(0)
        timeout(100)
        defer { timeout(0) }
        while text.count < 24, get_wch(&character) != ERR, let scalar = Unicode.Scalar(UInt32(character)) {
            if scalar == "M" || scalar == "m" {
                return Self.sgrEvent(text, pressed: scalar == "M").map(Event.key) ?? .timeout
            }
            text.unicodeScalars.append(scalar)
        }
        return .timeout
    }

    /// The key an SGR report is: a left press is a click at its cell (0-based), buttons 64 and 65
    /// the wheel; releases, motion and other buttons are nothing.
    static func sgrEvent(_ report: String, pressed: Bool) -> Key? {
        let fields = report.split(separator: ";").compactMap { Int($0) }
        guard pressed, fields.count == 3, fields[1] >= 1, fields[2] >= 1 else { return nil }
        switch fields[0] {
        case 0: return .click(x: fields[1] - 1, y: fields[2] - 1)
        case 64: return .wheelUp
        case 65: return .wheelDown
        default: return nil
        }
    }

    private static let pasteStart = KEY_MAX + 1
    private static let sgrReport = KEY_MAX + 4
    private static let wordLeft = KEY_MAX + 2
    private static let wordRight = KEY_MAX + 3
    private static let pasteEnd: [UInt32] = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    deinit { close() }

    /// Puts the terminal back as it was.
    public func close() {
        grappe_restore_terminal()
    }

    /// The terminal's columns and rows.
    public var size: (width: Int, height: Int) { (Int(grappe_cols()), Int(grappe_lines())) }

    private func definePairs() {
        let palette: [(CellStyle.Role, Int32)] = [
            (.accent, COLOR_CYAN), (.muted, -1), (.header, COLOR_BLUE), (.match, COLOR_YELLOW), (.warning, COLOR_YELLOW),
            (.error, COLOR_RED), (.control, COLOR_MAGENTA), (.link, COLOR_CYAN), (.selected, -1),
            (.city, COLOR_GREEN), (.cluster, COLOR_MAGENTA), (.pole, COLOR_BLUE), (.organisation, COLOR_CYAN), (.person, COLOR_YELLOW),
        ]
        for (index, entry) in palette.enumerated() {
            let pair = Int16(index + 1)
            init_pair(pair, Int16(entry.1), -1)
            pairs[entry.0] = pair
        }
    }

    private func attributes(_ style: CellStyle) -> (attr_t, Int16) {
        var attributes = attr_t(0)
        if style.bold { attributes |= grappe_a_bold() }
        if style.reverse { attributes |= grappe_a_reverse() }
        if style.underline { attributes |= grappe_a_underline() }
        if style.role == .muted { attributes |= grappe_a_dim() }
        return (attributes, colors ? (pairs[style.role] ?? 0) : 0)
    }

    /// Draws the cells that changed since the last frame; ncurses then sends only what differs.
    public func draw(_ canvas: Canvas) {
        var joins: [(y: Int, x: Int, text: String)] = []
        let full = previous.map { $0.width != canvas.width || $0.height != canvas.height } ?? true
        if full { erase() }
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                if cell.isContinuation { continue }
                if !full, let previous, previous[x, y] == cell { continue }
                if y == canvas.height - 1, x == canvas.width - 1 { continue }
                let (attributes, pair) = attributes(cell.style)
                let (first, second, joined) = Self.drawable(cell.character)
                var text = first + [0]
                _ = grappe_put_cell(Int32(y), Int32(x), &text, attributes, pair)
                if let second, x + 1 < canvas.width {
                    var rest = [second, 0]
                    _ = grappe_put_cell(Int32(y), Int32(x + 1), &rest, attributes, pair)
                }
                if let joined { joins.append((y, x + (x + 1 < canvas.width && canvas[x + 1, y].isContinuation ? 2 : 1), joined)) }
            }
        }
        previous = canvas
        refresh()
        writeJoins(joins)
    }

    /// After ncurses' frame: what follows a zero-width joiner, written right after the emoji it
    /// joins (👩 then "\u{200D}💻"), which the terminal adds to that cell; then the cursor goes back
    /// where ncurses left it, so that its next frame lands where it means.
    private func writeJoins(_ joins: [(y: Int, x: Int, text: String)]) {
        guard !joins.isEmpty else { return }
        var out = ""
        for join in joins { out += "\u{1B}[\(join.y + 1);\(join.x + 1)H" + join.text }
        out += "\u{1B}[\(grappe_cursor_y() + 1);\(grappe_cursor_x() + 1)H"
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// What a cell sends for a character so that the terminal gives it the cells the layout measured.
    /// Measured in tmux 3.3 here: a flag's two regional indicators take one cell each and join; a
    /// variation selector (❤️) widens nothing; an emoji joined by zero-width joiners (👩‍💻) takes the
    /// cells of its first emoji; a skin tone takes cells of its own. ncurses keeps one spacing
    /// character per cell followed by marks, so:
    /// - the first scalar, its combining marks and variation selectors go in the cell;
    /// - a flag's second indicator goes in the next cell;
    /// - from a zero-width joiner on (`joined`), the rest is written after ncurses' frame, right
    ///   after the cell, where the terminal joins it to the cell's emoji (see `draw`);
    /// - a skin tone is left out (no terminal here joins it; it would take two cells of the next text).
    static func drawable(_ character: Character) -> (cell: [wchar_t], next: wchar_t?, joined: String?) {
        let scalars = Array(character.unicodeScalars)
        guard let head = scalars.first else { return ([0x20], nil, nil) }
        if scalars.count == 1 { return ([wchar_t(bitPattern: head.value)], nil, nil) }
        let isIndicator = { (scalar: Unicode.Scalar) in (0x1F1E6...0x1F1FF).contains(scalar.value) }
        if isIndicator(head), scalars.count >= 2, isIndicator(scalars[1]) {
            return ([wchar_t(bitPattern: head.value)], wchar_t(bitPattern: scalars[1].value), nil)
        }
        var cell = [wchar_t(bitPattern: head.value)]
        for (index, scalar) in scalars.enumerated().dropFirst() {
            if scalar.value == 0x200D {
                var rest = String.UnicodeScalarView()
                rest.append(contentsOf: scalars[index...])
                return (cell, nil, String(rest))
            }
            let category = scalar.properties.generalCategory
            guard category == .nonspacingMark || category == .enclosingMark || (0xFE00...0xFE0F).contains(scalar.value) else { continue }
            cell.append(wchar_t(bitPattern: scalar.value))
        }
        return (cell, nil, nil)
    }

    /// Waits up to `milliseconds` (forever when nil) for a key, a click or a resize.
    public func next(timeout milliseconds: Int32? = nil) -> Event {
        var waited: Int32 = 0
        var failures = 0
        var character = wint_t(0)
        while true {
            if let resize = takeResize() { return resize }
            // Keys ncurses already holds (the rest of a burst such as Esc then q) come first: poll()
            // only sees what is still in the file descriptor.
            timeout(0)
            let status = get_wch(&character)
            if let resize = takeResize() { return resize }
            if status != ERR { return decode(status, character) }
            // In slices of at most 200 ms (a short timeout is a short wait: background work is polled).
            let slice = milliseconds.map { max(0, min(200, $0 - waited)) } ?? 200
            switch grappe_wait_for_input(slice) {
            case -1: return .hangup
            case 1:
                // Input was announced; if none can be read again and again, the terminal is closing.
                failures += 1
                if failures > 50 { return .hangup }
            default:
                failures = 0
                waited += slice
                if let milliseconds, waited >= milliseconds { return .timeout }
            }
        }
    }

    /// The text of a bracketed paste, read raw (an ESC or a CR inside it is text, not a key) up to the
    /// closing ESC [201~. A paste whose end never comes stops after a second of silence.
    private func readPaste() -> String {
        keypad(grappe_stdscr(), false)
        defer { keypad(grappe_stdscr(), true) }
        var scalars: [UInt32] = []
        var character = wint_t(0)
        timeout(1000)
        defer { timeout(0) }
        while get_wch(&character) != ERR {
            scalars.append(UInt32(character))
            if scalars.count >= Self.pasteEnd.count, Array(scalars.suffix(Self.pasteEnd.count)) == Self.pasteEnd {
                scalars.removeLast(Self.pasteEnd.count)
                break
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars.compactMap(Unicode.Scalar.init))
        return text
    }

    /// Ctrl-Z: the terminal is restored and the process stops like any job; on `fg` the screen is
    /// drawn again from scratch (a resize to the current size makes the caller redraw).
    private func suspend() -> Event {
        guard grappe_suspend() == 1 else { return .timeout }
        keypad(grappe_stdscr(), true)
        if mouse {
            mousemask(grappe_mouse_mask(), nil)
            Self.sgrMouse()
        }
        grappe_bracketed_paste(1)
        curs_set(0)
        clearok(grappe_stdscr(), true)
        previous = nil
        _ = takeResize()
        return .resize(width: Int(grappe_cols()), height: Int(grappe_lines()))
    }

    /// A size change seen by the SIGWINCH handler, applied to curses.
    private func takeResize() -> Event? {
        var rows: Int32 = 0, columns: Int32 = 0
        guard grappe_take_resize(&rows, &columns) == 1 else { return nil }
        resizeterm(rows, columns)
        previous = nil
        return .resize(width: Int(columns), height: Int(rows))
    }

    private func decode(_ status: Int32, _ character: wint_t) -> Event {
        if status == KEY_CODE_YES { return special(Int32(character)) }
        if character == 0x1A { return suspend() }
        return Self.key(typed: UInt32(character)).map(Event.key) ?? .timeout
    }

    /// The key a typed character is (not a curses key code): Enter for CR and LF, Ctrl-letter for the
    /// other C0 codes, else the character itself; nil for a value that is no Unicode scalar.
    static func key(typed character: UInt32) -> Key? {
        switch character {
        case 0x0D, 0x0A: return .enter
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x09: return .tab
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(UInt8(character) + 0x60)))
        default: return Unicode.Scalar(character).map { .character(Character($0)) }
        }
    }

    private func special(_ code: Int32) -> Event {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_BTAB: return .key(.backTab)
        case KEY_DC: return .key(.delete)
        case Self.pasteStart: return .key(.paste(readPaste()))
        case Self.sgrReport: return readSGRReport()
        case Self.wordLeft: return .key(.wordLeft)
        case Self.wordRight: return .key(.wordRight)
        case KEY_RESIZE:
            previous = nil
            return .resize(width: Int(grappe_cols()), height: Int(grappe_lines()))
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return .timeout }
            if event.bstate & grappe_wheel_up() != 0 { return .key(.wheelUp) }
            if event.bstate & grappe_wheel_down() != 0 { return .key(.wheelDown) }
            if event.bstate & grappe_button1() != 0 { return .key(.click(x: Int(event.x), y: Int(event.y))) }
            return .timeout
        default:
            return .timeout
        }
    }
}
