import LDFCore

/// The initial peak and the nadir after it (docs/METHODS.md §18.3): located on the smoothed
/// flux, then refined on the raw flux by `ExtremumFit`. Biphasic when the peak lies inside the
/// search window, the nadir before the plateau window, and the fall between them is at least
/// `HeatingOptions.biphasicDrop` of the peak's rise above baseline.
struct InitialResponse {
    var biphasic: Bool?
    var peak: ProtocolMeasure
    var nadir: ProtocolMeasure
    /// From the onset, s.
    var peakTime: ProtocolMeasure
    var nadirTime: ProtocolMeasure

    /// Locates both in `m` between the onset and `end` (the plateau window's start), against
    /// `baseline` (the smoothed flux at the onset without one).
    static func measure(_ m: HeatingMeasurement, baseline: Double?, end: Double, diagnostics: inout [Diagnostic]) -> InitialResponse {
        let s = m.smooth
        let lo = m.index(m.onset), searchEnd = m.index(min(m.onset + m.options.peakSearchSeconds, end)), nadirEnd = m.index(end)
        let margin = max(1, Int((m.options.smoothingSeconds * m.rateHz).rounded()))
        let base = baseline ?? s[lo]
        guard let top = Self.extreme(s, lo..<nadirEnd, max: true) else {
            return InitialResponse(missing: "no valid smoothed flux between the onset and the plateau window")
        }
        let least = Self.leastPeakRise * max(s[top] - base, abs(base))
        guard let (iPeak, fallEnd) = Self.firstMaximum(s, lo..<nadirEnd, searchEnd: searchEnd, base: base, leastRise: least, drop: m.options.biphasicDrop),
              let iNadir = Self.extreme(s, (iPeak + 1)..<fallEnd, max: false), iNadir < nadirEnd - margin else {
            var monophasic = InitialResponse(missing: "monophasic: the smoothed flux does not fall after a first maximum by "
                                             + "\(MessageNumber.short(m.options.biphasicDrop * 100))% of its rise before the plateau window")
            monophasic.biphasic = false
            return monophasic
        }
        let rise = s[iPeak] - base, drop = s[iPeak] - s[iNadir]
        let after = Self.extreme(s, iNadir..<nadirEnd, max: true).map { s[$0] } ?? s[iNadir]
        let peakFit = Self.vertex(m, at: iPeak, peak: true, leftTarget: s[iPeak] - HeatingMeasurement.vertexSpan * rise,
                                  rightTarget: s[iPeak] - HeatingMeasurement.vertexSpan * drop, bounds: lo..<iNadir)
        let nadirFit = Self.vertex(m, at: iNadir, peak: false, leftTarget: s[iNadir] + HeatingMeasurement.vertexSpan * drop,
                                   rightTarget: s[iNadir] + HeatingMeasurement.vertexSpan * (after - s[iNadir]), bounds: (iPeak + 1)..<nadirEnd)
        if peakFit == nil || nadirFit == nil {
            diagnostics.append(.warning("vertex_fit", "the vertex fit failed for the \(peakFit == nil ? "peak" : "nadir"); the smoothed extreme is used"))
        }
        let p = peakFit ?? ExtremumFit.fallback(s, iPeak, rateHz: m.rateHz), n = nadirFit ?? ExtremumFit.fallback(s, iNadir, rateHz: m.rateHz)
        return InitialResponse(biphasic: true, peak: ProtocolMeasure(p.level), nadir: ProtocolMeasure(n.level),
                               peakTime: ProtocolMeasure(p.timeSeconds - m.onset), nadirTime: ProtocolMeasure(n.timeSeconds - m.onset))
    }

    init(biphasic: Bool?, peak: ProtocolMeasure, nadir: ProtocolMeasure, peakTime: ProtocolMeasure, nadirTime: ProtocolMeasure) {
        self.biphasic = biphasic
        self.peak = peak
        self.nadir = nadir
        self.peakTime = peakTime
        self.nadirTime = nadirTime
    }

    init(missing reason: String) {
        self.init(biphasic: nil, peak: .missing(reason), nadir: .missing(reason), peakTime: .missing(reason), nadirTime: .missing(reason))
    }

    /// Least rise of the initial peak above baseline, as a share of the largest rise before the
    /// plateau window and of the baseline itself: smaller wiggles (noise, flowmotion of a skin
    /// that does not respond) are no peak.
    static let leastPeakRise = 0.25

    /// The first maximum of `s` in `range` that lies before `searchEnd`, rises at least `leastRise`
    /// above `base`, and is followed by a fall of `drop` × its rise before anything higher; with
    /// where that fall ends (the first later sample above the peak, or the range's end).
    static func firstMaximum(_ s: [Double], _ range: Range<Int>, searchEnd: Int, base: Double, leastRise: Double, drop: Double) -> (Int, Int)? {
        var peak: Int?
        for i in range where s[i].isFinite {
            guard let p = peak else { peak = i; continue }
            if s[i] > s[p] {
                guard i < searchEnd else { return nil }
                peak = i
            } else if s[p] - base >= leastRise, s[p] - s[i] >= drop * (s[p] - base) {
                let end = range[(i + 1)...].first { s[$0].isFinite && s[$0] > s[p] } ?? range.upperBound
                return (p, end)
            }
        }
        return nil
    }

    /// Index of the largest (or smallest) finite value in `range`.
    static func extreme(_ x: [Double], _ range: Range<Int>, max: Bool) -> Int? {
        var best: Int?
        for i in range where x[i].isFinite {
            if best == nil || (max ? x[i] > x[best!] : x[i] < x[best!]) { best = i }
        }
        return best
    }

    /// The vertex fit around the smoothed extreme at `i`: the window reaches back until the
    /// smoothed flux passes `leftTarget` and forward until it passes `rightTarget` (within `bounds`);
    /// candidate vertices lie in the window's middle half.
    static func vertex(_ m: HeatingMeasurement, at i: Int, peak: Bool, leftTarget: Double, rightTarget: Double, bounds: Range<Int>) -> ExtremumFit? {
        let s = m.smooth
        func passed(_ j: Int, _ target: Double) -> Bool { s[j].isFinite && (peak ? s[j] <= target : s[j] >= target) }
        var left = i, right = i
        while left > bounds.lowerBound, !passed(left, leftTarget) { left -= 1 }
        while right < bounds.upperBound - 1, !passed(right, rightTarget) { right += 1 }
        let candidates = (i - (i - left) / 2)..<(i + (right - i) / 2 + 1)
        return ExtremumFit(m.flux, rateHz: m.rateHz, window: left..<(right + 1), candidates: candidates, peak: peak)
    }
}

extension ExtremumFit {
    /// The smoothed extreme itself, when no vertex fit can be made.
    static func fallback(_ smooth: [Double], _ i: Int, rateHz: Double) -> ExtremumFit {
        ExtremumFit(timeSeconds: Double(i) / rateHz, level: smooth[i])
    }
}
