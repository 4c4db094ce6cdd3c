import GrappeModel

/// Draws the map: links as braille dots (two by four per cell), then each partner as a mark whose
/// shape says its kind (so that it reads without colour too) with its name beside it; a legend above,
/// what was left out and the selected partner below.
extension Views {
    /// Each kind's mark and colour role; the centre has its own.
    static func mapMark(_ kind: EntityKind?) -> (mark: Character, role: CellStyle.Role) {
        switch kind {
        case .city: ("■", .city)
        case .cluster: ("◆", .cluster)
        case .pole: ("▲", .pole)
        case .person: ("○", .person)
        case .organisation, nil: ("●", .organisation)
        }
    }

    static let centreMark: Character = "◉"

    static func map(_ canvas: inout Canvas, _ state: DashboardState, in body: Rect) {
        let s = state.strings
        guard case .map(let centre, let hops) = state.place.screen else { return }
        // The legend: what is drawn and how each kind looks.
        var x = body.x + 1
        x += canvas.put("\(s[.map].capitalizedFirst) · ", x: x, y: body.y, style: .header)
        x += canvas.put(Canvas.fitted(state.catalogue.name(centre), to: max(1, body.width / 3)), x: x, y: body.y, style: .bold)
        x += canvas.put("  \(hops) \(s[hops == 1 ? .hop : .hops]) ", x: x, y: body.y, style: .muted)
        for kind in EntityKind.allCases {
            let (mark, role) = mapMark(kind)
            let entry = " \(mark) \(s.kind(kind))"
            guard x + TextWidth.of(entry) < body.maxX else { break }
            x += canvas.put(String(mark), x: x + 1, y: body.y, style: CellStyle(role, bold: true)) + 1
            x += canvas.put(" " + s.kind(kind), x: x, y: body.y, style: .muted)
        }
        let area = DashboardState.mapArea(in: body)
        guard let map = state.mapLayout(for: area) else {
            let text = s[.layingOut]
            canvas.put(text, x: body.x + max(0, (body.width - TextWidth.of(text)) / 2), y: body.y + body.height / 2, style: .accent)
            return
        }
        let selected = state.place.selection
        drawLinks(&canvas, map, in: area, selected: selected)
        var taken = drawMarks(&canvas, state, map, in: area, selected: selected)
        if state.map.showsTypes { drawTypes(&canvas, state, map, in: area, taken: &taken) }

        // Below: what is not drawn, then the selected partner.
        let hiddenLine = area.maxY
        var summary: [String] = []
        for (ring, counts) in map.hidden.enumerated() where !counts.isEmpty {
            let parts = EntityKind.allCases.compactMap { kind in counts[kind].map { "+" + s.count($0, kind) } }
            summary.append("\(s[.distance].capitalizedFirst) \(ring + 1)\(s.colon)" + parts.joined(separator: ", ") + " \(s[.more])")
        }
        if map.nodes.count == 1 { summary = [s[.mapNone]] }
        canvas.put(summary.joined(separator: " · "), x: body.x + 1, y: hiddenLine, width: body.width - 2, style: .muted)
        if let node = map.nodes[safe: selected] {
            let (mark, role) = node.ring == 0 ? (centreMark, CellStyle.Role.accent) : mapMark(node.kind)
            var x = canvas.put("▸ ", x: body.x + 1, y: hiddenLine + 1, style: .accent)
            x += canvas.put(String(mark) + " ", x: body.x + 1 + x, y: hiddenLine + 1, style: CellStyle(role, bold: true))
            x += canvas.put(Canvas.fitted(node.name, to: body.width / 2), x: body.x + 1 + x, y: hiddenLine + 1, style: .bold)
            var facts = [node.kind.map(s.kind) ?? "", s.count(node.degree, ("lien", "liens"), ("link", "links"))]
            if node.ring > 0 { facts.append("\(s[.distance]) \(node.ring)") }
            if let edge = map.edges.first(where: { $0.from == 0 && $0.to == selected }), node.ring == 1 {
                facts.append(
                    edge.types.isEmpty ? s[.sharedRecords] : edge.types.map { s.relation($0, outgoing: edge.outgoing) }.joined(separator: ", "))
            }
            canvas.put(
                " · " + facts.filter { !$0.isEmpty }.joined(separator: " · "), x: body.x + 1 + x, y: hiddenLine + 1,
                width: max(0, body.width - x - 2), style: .muted)
        }
    }

    /// Each link as a line of braille dots between the two marks' cells; links of the selected mark
    /// stand out.
    private static func drawLinks(_ canvas: inout Canvas, _ map: NetworkMap, in area: Rect, selected: Int) {
        let width = area.width, height = area.height
        var dots = [UInt8](repeating: 0, count: width * height)
        var highlighted = [Bool](repeating: false, count: width * height)
        // Bits of the braille pattern for each dot of a cell, by column then row.
        let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        for edge in map.edges {
            let a = map.nodes[edge.from], b = map.nodes[edge.to]
            let (x0, y0) = (Double(a.x * 2) + 0.5, Double(a.y * 4) + 1.5)
            let (x1, y1) = (Double(b.x * 2) + 0.5, Double(b.y * 4) + 1.5)
            let steps = Int(max(abs(x1 - x0), abs(y1 - y0)).rounded(.up))
            guard steps > 0 else { continue }
            let mine = edge.from == selected || edge.to == selected
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                let dx = Int((x0 + (x1 - x0) * t).rounded(.down)), dy = Int((y0 + (y1 - y0) * t).rounded(.down))
                let (cx, cy) = (dx / 2, dy / 4)
                guard cx >= 0, cx < width, cy >= 0, cy < height else { continue }
                // Not over the marks themselves.
                if (cx == a.x && cy == a.y) || (cx == b.x && cy == b.y) { continue }
                dots[cy * width + cx] |= bits[dx % 2][dy % 4]
                if mine { highlighted[cy * width + cx] = true }
            }
        }
        for cy in 0..<height {
            for cx in 0..<width where dots[cy * width + cx] != 0 {
                let character = Character(Unicode.Scalar(0x2800 + UInt32(dots[cy * width + cx]))!)
                canvas.put(String(character), x: area.x + cx, y: area.y + cy, style: highlighted[cy * width + cx] ? .accent : .muted)
            }
        }
    }

    /// The relation types on the first hop's links, at the middle of each, where they fit.
    private static func drawTypes(_ canvas: inout Canvas, _ state: DashboardState, _ map: NetworkMap, in area: Rect, taken: inout [Bool]) {
        let s = state.strings
        for edge in map.edges where edge.from == 0 {
            let a = map.nodes[edge.from], b = map.nodes[edge.to]
            let text = edge.types.isEmpty ? s[.sharedRecords] : edge.types.map { s.relation($0, outgoing: edge.outgoing) }.joined(separator: ", ")
            let label = Canvas.fitted(text, to: 18)
            let width = TextWidth.of(label)
            let x = max(0, min(area.width - width, (a.x + b.x) / 2 - width / 2)), y = (a.y + b.y) / 2
            // Only where nothing else is written: a type never hides a name, a mark or another type.
            let cells = (x..<(x + width)).map { y * area.width + $0 }
            guard cells.allSatisfy({ !taken[$0] }) else { continue }
            for cell in cells { taken[cell] = true }
            canvas.put(label, x: area.x + x, y: area.y + y, style: CellStyle(.muted, underline: true), limit: area.width - x)
        }
    }

    /// Marks and names: names to the right of marks on the right half, to the left on the left half;
    /// a name that would run into another is shortened, and left out when too little of it fits; the
    /// selected one is always written, last.
    /// Returns the cells written on (with a cell of margin around marks and names).
    private static func drawMarks(
        _ canvas: inout Canvas, _ state: DashboardState, _ map: NetworkMap, in area: Rect,
        selected: Int
    ) -> [Bool] {
        var taken = [Bool](repeating: false, count: area.width * area.height)
        func free(_ x: Int, _ y: Int) -> Bool { x >= 0 && x < area.width && !taken[y * area.width + x] }
        // Each mark keeps a cell free on either side: a name never touches another mark.
        for node in map.nodes {
            for x in max(0, node.x - 1)...min(area.width - 1, node.x + 1) { taken[node.y * area.width + x] = true }
        }
        let widest = NetworkMap.labelWidth(forMapWidth: area.width)
        let centreX = (area.width - 1) / 2
        var order = Array(map.nodes.indices.filter { $0 != selected })
        if map.nodes.indices.contains(selected) { order.append(selected) }
        for index in order {
            let node = map.nodes[index]
            let isSelected = index == selected
            let (mark, role) = node.ring == 0 ? (centreMark, CellStyle.Role.accent) : mapMark(node.kind)
            canvas.put(String(mark), x: area.x + node.x, y: area.y + node.y, style: CellStyle(role, bold: true, reverse: isSelected))
            let toLeft = node.ring > 0 && node.x < centreX
            let wanted = min(widest + (node.ring == 0 ? 8 : 0), TextWidth.of(node.name))
            var room = 0
            if isSelected {
                room = wanted
            } else {
                while room < wanted, free(toLeft ? node.x - 2 - room : node.x + 2 + room, node.y) { room += 1 }
                if room < min(4, wanted) { continue }
            }
            let label = Canvas.fitted(node.name, to: room)
            let width = TextWidth.of(label)
            let start = toLeft ? max(0, node.x - 1 - width) : node.x + 2
            let style: CellStyle = isSelected ? .selected : node.ring == 0 ? .bold : .plain
            // A blank cell between the mark and its name, so that no link dot runs into the name.
            canvas.put(" ", x: area.x + (toLeft ? start + width : start - 1), y: area.y + node.y)
            canvas.put(label, x: area.x + start, y: area.y + node.y, style: style, limit: area.width - start)
            for column in max(0, start - 1)..<min(area.width, start + width + 1) { taken[node.y * area.width + column] = true }
        }
        return taken
    }
}

extension String {
    /// The first letter in capitals ("carte" → "Carte"), for a word starting a line.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
