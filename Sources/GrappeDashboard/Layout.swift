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
}

extension DashboardState {
    public var layout: Layout { Layout(width: width, height: height) }
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
