/// Where everything goes on a screen of a given size; views and mouse handling share it.
public struct Layout: Sendable {
    /// The terminal's columns.
    public let width: Int
    /// The terminal's rows.
    public let height: Int

    /// Below this width the dashboard says the terminal is too small instead of drawing.
    public static let minimumWidth = 40
    /// Below this height the dashboard says the terminal is too small instead of drawing.
    public static let minimumHeight = 12

    /// Whether the terminal is below the minimum size.
    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    /// The rectangle a screen draws its body in, between the frame's top rows and bottom rows.
    public var body: Rect { Rect(x: 0, y: bodyTop, width: width, height: bodyHeight) }
    /// The row of the sections' tabs (the header is row 0, the breadcrumbs row 2).
    public let tabsRow = 1
    /// The body's first row.
    public let bodyTop = 3
    /// The first row below the body.
    public var bodyBottom: Int { height - 2 }
    /// The body's rows.
    public var bodyHeight: Int { max(0, bodyBottom - bodyTop) }
    /// The row of the prompt and messages.
    public var promptRow: Int { height - 2 }
    /// The status bar's row, the last.
    public var statusRow: Int { height - 1 }
    /// A detail pane beside lists on wide terminals.
    public var showsDetail: Bool { width >= 100 }

    /// A list's panes in `area`: the list, and on wide areas the card beside it (after a column for
    /// the separator and one of margin); `showsDetail` says whether the body has the second.
    /// Records' lists (title, dates, places, people, status) have more to show per row than
    /// entities' lists: they keep two thirds of the width, entities' lists 55%.
    public static func listPanes(_ area: Rect, section: Section? = nil) -> (list: Rect, detail: Rect?) {
        guard area.width >= 100 else { return (area, nil) }
        let share = [.agreements, .missions, .projects].contains(section) ? 66 : 55
        let listWidth = area.width * share / 100
        return (
            Rect(x: area.x, y: area.y, width: listWidth, height: area.height),
            Rect(x: area.x + listWidth + 2, y: area.y, width: area.width - listWidth - 2, height: area.height)
        )
    }
}

extension DashboardState {
    /// Where everything goes at the terminal's size.
    public var layout: Layout { Layout(width: width, height: height) }

    /// The sections' tabs, the section in front (if any) marked: drawing and clicks share them.
    var sectionTabs: Tabs {
        Tabs(
            labels: Section.allCases.map { "\($0.rawValue) \(strings[$0.title])" },
            current: section.flatMap { Section.allCases.firstIndex(of: $0) })
    }
}

/// A rectangle of the canvas: where a screen (or a pane of it) draws.
public struct Rect: Hashable, Sendable {
    /// The first column.
    public var x: Int
    /// The first row.
    public var y: Int
    /// How many columns.
    public var width: Int
    /// How many rows.
    public var height: Int

    /// The rectangle of `width` columns and `height` rows from `x`, `y`.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The first row below the rectangle.
    public var maxY: Int { y + height }
    /// The first column right of the rectangle.
    public var maxX: Int { x + width }
}
