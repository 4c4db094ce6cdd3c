/// Where everything goes on a screen of a given size; views and mouse handling share it.
public struct Layout: Sendable {
    public let width: Int
    public let height: Int

    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    /// The rectangle a screen draws its body in, between the frame's top rows and bottom rows.
    public var body: Rect { Rect(x: 0, y: bodyTop, width: width, height: bodyHeight) }
    public let tabsRow = 1
    public let bodyTop = 3
    public var bodyBottom: Int { height - 2 }
    public var bodyHeight: Int { max(0, bodyBottom - bodyTop) }
    public var promptRow: Int { height - 2 }
    public var statusRow: Int { height - 1 }
    /// A detail pane beside lists on wide terminals.
    public var showsDetail: Bool { width >= 100 }
    public var listWidth: Int { showsDetail ? width * 55 / 100 : width }
    public var detailX: Int { listWidth + 1 }

    /// A list's panes in `area`: the list, and on wide areas the card beside it (after a column for
    /// the separator and one of margin). The body's panes are those `showsDetail` and `listWidth` say.
    public static func listPanes(_ area: Rect) -> (list: Rect, detail: Rect?) {
        guard area.width >= 100 else { return (area, nil) }
        let listWidth = area.width * 55 / 100
        return (
            Rect(x: area.x, y: area.y, width: listWidth, height: area.height),
            Rect(x: area.x + listWidth + 2, y: area.y, width: area.width - listWidth - 2, height: area.height)
        )
    }
}

extension DashboardState {
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
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The first row below the rectangle.
    public var maxY: Int { y + height }
    public var maxX: Int { x + width }
}
