/// Where everything goes on a screen of a given size; views and mouse handling share it.
public struct Layout: Sendable {
    public let width: Int
    public let height: Int

    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
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
