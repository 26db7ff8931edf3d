/// Text from a corpus or a script made safe to print on a terminal.
///
/// A scraped article or someone else's script may hold control characters:
/// ESC and CSI start escape sequences that recolour the screen, set the
/// window title or write the clipboard. What warta prints for people never
/// carries them: they become U+FFFD. Line breaks and tabs become spaces where
/// a value must stay on one line.
public enum TerminalText {
    /// `s` without control characters (C0, DEL, C1); line breaks kept only if `lineBreaks`.
    public static func safe(_ s: String, lineBreaks: Bool) -> String {
        var needs = false
        for u in s.unicodeScalars where isControl(u) { needs = true; break }
        guard needs else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\n" || u == "\r" || u == "\t" {
                out.append(lineBreaks && u == "\n" ? u : " ")
            } else if isControl(u) {
                out.append("\u{FFFD}")
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    @inline(__always)
    static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (u.value >= 0x7F && u.value <= 0x9F)
    }
}
