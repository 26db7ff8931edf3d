/// Drawing an `SVGChart`: a 1280×720 slide with the title, a subtitle, a
/// legend for several series, labelled axes with round ticks, and notes.
extension SVGChart {
    static let width = 1280.0
    static let height = 720.0
    static let margin = 48.0
    /// About how wide a vertical chart's plot is (to choose columns or bars).
    static let plotWidth = 1100.0
    static let plotBottom = 600.0
    /// The plot's right edge: room for half a date label beyond it.
    static let plotRight = width - margin - 24
    /// Colours told apart by most eyes (Okabe and Ito), then black.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#000000"]
    static let fontFamily = "'DejaVu Sans', 'Helvetica Neue', Helvetica, Arial, sans-serif"

    /// About how wide a character of a sans-serif font is at `size`.
    static func charWidth(_ size: Double) -> Double { size * 0.6 }
    static func textWidth(_ s: String, _ size: Double) -> Double { Double(s.count) * charWidth(size) }

    /// `s` cut with `…` to fit `room` at `size`.
    static func fit(_ s: String, _ room: Double, _ size: Double) -> String {
        let n = max(1, Int(room / charWidth(size)))
        return s.count <= n ? s : String(s.prefix(max(1, n - 1))) + "…"
    }

    /// A round step (1, 2 or 5 times a power of ten) giving about five ticks
    /// up to `maximum`, and the top of the axis: the first step at or above it.
    static func ticks(_ maximum: Int) -> (step: Int, top: Int) {
        guard maximum > 0 else { return (1, 1) }
        let raw = Double(maximum) / 5
        var magnitude = 1
        while Double(magnitude * 10) <= raw { magnitude *= 10 }
        let step = [1, 2, 5, 10].map { $0 * magnitude }.first { Double($0) >= raw } ?? magnitude * 10
        return (step, (maximum + step - 1) / step * step)
    }

    /// Every `step`-th label, so that labels `labelWidth` wide, `spacing` apart, do not overlap.
    static func labelStep(labelWidth: Double, spacing: Double) -> Int {
        spacing <= 0 ? 1 : max(1, Int((labelWidth / spacing).rounded(.up)))
    }

    /// Which of the categories at `xs` get a label `labelWidth` wide: every
    /// one that fits after the last one labelled; for many days, the first
    /// days of months (`2019-04-01`), which read as a calendar.
    static func labelled(_ categories: [String], at xs: [Double], labelWidth: Double) -> [Int] {
        var candidates = Array(categories.indices)
        let isDay = { (s: String) in s.count == 10 && Day(iso: s) != nil }
        if categories.count > 45, categories.allSatisfy(isDay) {
            let firsts = candidates.filter { categories[$0].hasSuffix("-01") }
            if firsts.count >= 2 { candidates = firsts }
        }
        var out: [Int] = []
        for i in candidates where out.last.map({ xs[i] - xs[$0] >= labelWidth }) ?? true { out.append(i) }
        return out
    }

    /// The whole document.
    func svg() -> String {
        var d = SVGDrawing()
        var y = titleBlock(&d)
        if series.count > 1 { y += legend(&d, y: y + 30) }
        let top = y + 40
        switch kind {
        case .lines: drawLines(&d, top: top)
        case .columns: drawColumns(&d, top: top)
        case .horizontalBars: drawHorizontalBars(&d, top: top)
        }
        if maximum == 0 {
            let middle = (top + SVGChart.plotBottom) / 2
            d.text(categories.isEmpty ? "nothing to draw" : "nothing counted: every group is 0", x: SVGChart.width / 2, y: middle,
                   size: 24, anchor: "middle", fill: "#888888")
        }
        if !notes.isEmpty {
            d.text(SVGChart.fit(notes.joined(separator: " · "), SVGChart.width - 2 * SVGChart.margin, 15),
                   x: SVGChart.margin, y: SVGChart.height - 16, size: 15, fill: "#666666")
        }
        return d.document(title: title, description: subtitle)
    }

    /// The statement as title (one line, or two smaller ones, cut with `…`)
    /// and the subtitle; returns the subtitle's baseline.
    private func titleBlock(_ d: inout SVGDrawing) -> Double {
        let room = SVGChart.width - 2 * SVGChart.margin
        var y = 56.0
        if SVGChart.textWidth(title, 30) <= room {
            d.text(title, x: SVGChart.margin, y: y, size: 30, weight: "bold", fill: "#111111")
        } else {
            let perLine = Int(room / SVGChart.charWidth(24))
            let lines = SVGChart.wrap(title, perLine, lines: 2)
            y = 46
            for (i, line) in lines.enumerated() {
                if i > 0 { y += 30 }
                d.text(line, x: SVGChart.margin, y: y, size: 24, weight: "bold", fill: "#111111")
            }
        }
        y += 34
        d.text(SVGChart.fit(subtitle, room, 18), x: SVGChart.margin, y: y, size: 18, fill: "#555555")
        return y
    }

    /// Words in lines of at most `width` characters, at most `lines` of them, the last cut with `…`.
    static func wrap(_ text: String, _ width: Int, lines: Int) -> [String] {
        var out: [String] = [], current = ""
        var words = text.split(separator: " ").map(String.init)[...]
        while let w = words.first {
            let candidate = current.isEmpty ? w : current + " " + w
            if candidate.count <= width {
                current = candidate
                words = words.dropFirst()
            } else if current.isEmpty {
                // A word longer than a line is cut where the line ends.
                out.append(String(w.prefix(width)))
                words[words.startIndex] = String(w.dropFirst(width))
            } else {
                out.append(current)
                current = ""
            }
            if out.count == lines { break }
        }
        if !current.isEmpty && out.count < lines { out.append(current) }
        if !words.isEmpty || out.count > lines {
            out = Array(out.prefix(lines))
            if var last = out.popLast() {
                if last.count >= width { last = String(last.prefix(width - 1)) }
                out.append(last + "…")
            }
        }
        return out
    }

    /// A swatch and a label a series, in at most two rows; returns the height taken.
    private func legend(_ d: inout SVGDrawing, y firstRow: Double) -> Double {
        var x = SVGChart.margin, y = firstRow
        for (i, s) in series.enumerated() {
            let label = SVGChart.fit(s.label, 300, 18)
            let needed = 32 + SVGChart.textWidth(label, 18)
            if x + needed > SVGChart.width - SVGChart.margin {
                if y > firstRow {
                    d.text("…", x: x, y: y, size: 18, fill: "#555555")
                    break
                }
                x = SVGChart.margin
                y += 30
            }
            let color = SVGChart.palette[i % SVGChart.palette.count]
            if kind == .lines {
                d.line(x, y - 6, x + 24, y - 6, stroke: color, width: 4)
            } else {
                d.rect(x + 3, y - 17, 18, 18, fill: color)
            }
            d.text(label, x: x + 32, y: y, size: 18, fill: "#222222")
            x += needed + 28
        }
        return y - firstRow + 34
    }

    private var maximum: Int { series.flatMap(\.values).max() ?? 0 }

    /// The value axis up the left: gridlines, round ticks, the unit turned on its side.
    /// Returns the plot's left edge.
    private func valueAxisLeft(_ d: inout SVGDrawing, top: Double, scale: (step: Int, top: Int)) -> Double {
        let tickWidth = SVGChart.textWidth(SVGChart.grouped(scale.top), 16)
        let left = SVGChart.margin + 28 + tickWidth + 12
        let right = SVGChart.plotRight
        let bottom = SVGChart.plotBottom
        d.group("value-axis")
        for v in stride(from: 0, through: scale.top, by: scale.step) {
            let y = bottom - Double(v) / Double(scale.top) * (bottom - top)
            d.line(left, y, right, y, stroke: v == 0 ? "#333333" : "#e2e2e2", width: v == 0 ? 1.5 : 1)
            d.text(SVGChart.grouped(v), x: left - 10, y: y + 6, size: 16, anchor: "end", fill: "#333333")
        }
        d.text(valueTitle, x: SVGChart.margin + 6, y: (top + bottom) / 2, size: 18, anchor: "middle", fill: "#333333", rotate: -90)
        d.end()
        return left
    }

    private func categoryTitleBelow(_ d: inout SVGDrawing, left: Double, right: Double) {
        d.text(categoryTitle, x: (left + right) / 2, y: SVGChart.plotBottom + 64, size: 18, anchor: "middle", fill: "#333333")
    }

    private func drawLines(_ d: inout SVGDrawing, top: Double) {
        let scale = SVGChart.ticks(maximum)
        let left = valueAxisLeft(&d, top: top, scale: scale)
        let right = SVGChart.plotRight
        let bottom = SVGChart.plotBottom
        let n = categories.count
        let xs: [Double]
        if let p = positions, let first = p.first, let last = p.last, last > first {
            xs = p.map { left + ($0 - first) / (last - first) * (right - left) }
        } else if n > 1 {
            xs = (0..<n).map { left + Double($0) / Double(n - 1) * (right - left) }
        } else {
            xs = [(left + right) / 2]
        }
        let yOf = { (v: Int) in bottom - Double(v) / Double(scale.top) * (bottom - top) }
        // Date labels along the bottom, thinned so that they do not overlap.
        d.group("category-axis")
        let labelWidth = SVGChart.textWidth(categories.max { $0.count < $1.count } ?? "", 16) + 18
        for i in SVGChart.labelled(categories, at: xs, labelWidth: labelWidth) {
            d.line(xs[i], bottom, xs[i], bottom + 6, stroke: "#333333", width: 1.5)
            d.text(categories[i], x: xs[i], y: bottom + 28, size: 16, anchor: "middle", fill: "#333333")
        }
        categoryTitleBelow(&d, left: left, right: right)
        d.end()
        // Each series' peak is labelled, unless the label would cover another.
        var labels: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for (j, s) in series.enumerated() where n > 0 {
            let color = SVGChart.palette[j % SVGChart.palette.count]
            let points = zip(xs, s.values).map { ($0, yOf($1)) }
            d.group("series", label: s.label)
            if series.count == 1 && n > 1 {
                d.polygon([(xs[0], bottom)] + points + [(xs[n - 1], bottom)], fill: color, opacity: 0.12)
            }
            if n > 1 { d.polyline(points, stroke: color, width: n > 400 ? 2 : 3) }
            if n <= 60 { for (x, y) in points { d.circle(x, y, 4, fill: color) } }
            // Beyond four series the labels would crowd the lines: the legend and the ticks tell.
            if series.count <= 4, let peak = s.values.indices.max(by: { s.values[$0] < s.values[$1] }), s.values[peak] > 0 {
                let x = min(max(xs[peak], left + 20), right - 20), y = yOf(s.values[peak]) - 12
                let text = SVGChart.grouped(s.values[peak])
                let half = SVGChart.textWidth(text, 16) / 2 + 4
                let box = (x0: x - half, y0: y - 18, x1: x + half, y1: y + 4)
                if !labels.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }) {
                    labels.append(box)
                    d.text(text, x: x, y: y, size: 16, weight: "bold", anchor: "middle", fill: color)
                }
            }
            d.end()
        }
    }

    private func drawColumns(_ d: inout SVGDrawing, top: Double) {
        let scale = SVGChart.ticks(maximum)
        let left = valueAxisLeft(&d, top: top, scale: scale)
        let right = SVGChart.plotRight
        let bottom = SVGChart.plotBottom
        let n = max(1, categories.count), k = max(1, series.count)
        let band = (right - left) / Double(n)
        let groupWidth = band * (k == 1 ? 0.7 : 0.8)
        let barWidth = groupWidth / Double(k)
        d.group("category-axis")
        let labelWidth = SVGChart.textWidth(categories.max { $0.count < $1.count } ?? "", 16) + 12
        let step = SVGChart.labelStep(labelWidth: labelWidth, spacing: band)
        for i in stride(from: 0, to: categories.count, by: step) {
            let x = left + (Double(i) + 0.5) * band
            d.text(SVGChart.fit(categories[i], band * Double(step) - 8, 16), x: x, y: bottom + 28, size: 16, anchor: "middle", fill: "#333333")
        }
        categoryTitleBelow(&d, left: left, right: right)
        d.end()
        let labelled = categories.count * k <= 40
        for (j, s) in series.enumerated() {
            d.group("bars", label: s.label)
            let color = SVGChart.palette[j % SVGChart.palette.count]
            for (i, v) in s.values.enumerated() {
                let x = left + Double(i) * band + (band - groupWidth) / 2 + Double(j) * barWidth
                let h = Double(v) / Double(scale.top) * (bottom - top)
                d.rect(x, bottom - h, max(1, barWidth - (k > 1 ? 2 : 0)), h, fill: color)
                let text = SVGChart.grouped(v)
                if labelled && SVGChart.textWidth(text, 16) <= barWidth + 6 {
                    d.text(text, x: x + barWidth / 2, y: bottom - h - 8, size: 16, anchor: "middle", fill: "#222222")
                }
            }
            d.end()
        }
    }

    private func drawHorizontalBars(_ d: inout SVGDrawing, top: Double) {
        let scale = SVGChart.ticks(maximum)
        let n = max(1, categories.count), k = max(1, series.count)
        let size = n > 20 ? 14.0 : 16.0
        let labelRoom = min(380, (categories.map { SVGChart.textWidth($0, size) }.max() ?? 0))
        let left = SVGChart.margin + 30 + labelRoom + 12
        let right = SVGChart.width - SVGChart.margin - 40
        let bottom = SVGChart.plotBottom
        let band = (bottom - top) / Double(n)
        let groupHeight = band * (k == 1 ? 0.72 : 0.84)
        let barHeight = groupHeight / Double(k)
        let xOf = { (v: Int) in left + Double(v) / Double(scale.top) * (right - left) }
        d.group("value-axis")
        let tickWidth = SVGChart.textWidth(SVGChart.grouped(scale.top), 16) + 16
        let tickStep = SVGChart.labelStep(labelWidth: tickWidth, spacing: (right - left) * Double(scale.step) / Double(scale.top))
        for (t, v) in stride(from: 0, through: scale.top, by: scale.step).enumerated() {
            let x = xOf(v)
            d.line(x, top, x, bottom, stroke: v == 0 ? "#333333" : "#e2e2e2", width: v == 0 ? 1.5 : 1)
            if t % tickStep == 0 {
                d.text(SVGChart.grouped(v), x: x, y: bottom + 26, size: 16, anchor: "middle", fill: "#333333")
            }
        }
        d.text(valueTitle, x: (left + right) / 2, y: bottom + 64, size: 18, anchor: "middle", fill: "#333333")
        d.end()
        d.group("category-axis")
        for (i, c) in categories.enumerated() {
            let y = top + (Double(i) + 0.5) * band
            d.text(SVGChart.fit(c, labelRoom, size), x: left - 10, y: y + size * 0.35, size: size, anchor: "end", fill: "#222222")
        }
        d.text(categoryTitle, x: SVGChart.margin + 6, y: (top + bottom) / 2, size: 18, anchor: "middle", fill: "#333333", rotate: -90)
        d.end()
        for (j, s) in series.enumerated() {
            d.group("bars", label: s.label)
            let color = SVGChart.palette[j % SVGChart.palette.count]
            for (i, v) in s.values.enumerated() {
                let y = top + Double(i) * band + (band - groupHeight) / 2 + Double(j) * barHeight
                let w = xOf(v) - left
                d.rect(left, y, w, max(1, barHeight - (k > 1 ? 1 : 0)), fill: color)
                if barHeight >= 11 {
                    let textSize = min(15, barHeight * 0.9)
                    d.text(SVGChart.grouped(v), x: left + w + 6, y: y + barHeight / 2 + textSize * 0.35, size: textSize, fill: "#222222")
                }
            }
            d.end()
        }
    }
}

/// SVG elements as text, every label escaped.
struct SVGDrawing {
    private(set) var body = ""

    /// A number with at most one decimal: `12`, `12.5`.
    static func number(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Text for XML content and attribute values: `& < > " '` as entities,
    /// line breaks and tabs as spaces, other control characters (which XML
    /// cannot hold) as U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\r", "\t": out += " "
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0xFFFE || u.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    mutating func text(_ s: String, x: Double, y: Double, size: Double, weight: String? = nil, anchor: String? = nil,
                       fill: String, rotate: Double? = nil) {
        let n = SVGDrawing.number
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(fill)\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let anchor { attributes += " text-anchor=\"\(anchor)\"" }
        if let rotate { attributes += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
        body += "<text \(attributes)>\(SVGDrawing.escape(s))</text>\n"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double) {
        let n = SVGDrawing.number
        body += "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"/>\n"
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String) {
        let n = SVGDrawing.number
        body += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, w)))\" height=\"\(n(max(0, h)))\" fill=\"\(fill)\"/>\n"
    }

    mutating func circle(_ x: Double, _ y: Double, _ r: Double, fill: String) {
        let n = SVGDrawing.number
        body += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(fill)\"/>\n"
    }

    private static func points(_ p: [(Double, Double)]) -> String {
        p.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
    }

    mutating func polyline(_ p: [(Double, Double)], stroke: String, width: Double) {
        body += "<polyline points=\"\(SVGDrawing.points(p))\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(SVGDrawing.number(width))\" "
            + "stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n"
    }

    mutating func polygon(_ p: [(Double, Double)], fill: String, opacity: Double) {
        body += "<polygon points=\"\(SVGDrawing.points(p))\" fill=\"\(fill)\" fill-opacity=\"\(SVGDrawing.number(opacity))\"/>\n"
    }

    /// Opens a `<g class="…">`, with the series it draws in `data-label`.
    mutating func group(_ kind: String, label: String? = nil) {
        body += "<g class=\"\(kind)\"" + (label.map { " data-label=\"\(SVGDrawing.escape($0))\"" } ?? "") + ">\n"
    }

    mutating func end() { body += "</g>\n" }

    /// The document around what was drawn.
    func document(title: String, description: String) -> String {
        let w = SVGDrawing.number(SVGChart.width), h = SVGDrawing.number(SVGChart.height)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)" \
            font-family="\(SVGChart.fontFamily)" role="img">
            <title>\(SVGDrawing.escape(title))</title>
            <desc>\(SVGDrawing.escape(description))</desc>
            <rect x="0" y="0" width="\(w)" height="\(h)" fill="#ffffff"/>

            """ + body + "</svg>\n"
    }
}
