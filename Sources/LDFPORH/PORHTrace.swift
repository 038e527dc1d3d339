import LDFCore

/// What part of a PORH protocol a sample belongs to.
public enum PORHPhase: String, Sendable, Codable, CaseIterable {
    /// Inside a rest-flux window.
    case rest
    /// Between a start and its release.
    case occlusion
    /// From release until smoothed flux returns to rest flux (or the end of the peak search when
    /// it does not return).
    case reperfusion
    /// After the return, until the next occlusion or the end.
    case recovery
    /// Anything else (before the rest window, between a previous recovery and the next rest).
    case unassigned
}

/// The recording annotated for plotting: every sample with its flux, smoothed flux and phase.
public struct PORHTrace: Sendable {
    public struct Row: Sendable, Equatable {
        /// Time on the file's own axis (seconds from the first sample plus its time origin).
        public var timeSeconds: Double
        /// Raw flux (NaN where missing).
        public var flux: Double
        /// Centred moving mean of `PORHOptions.smoothingSeconds` (NaN where too few valid samples).
        public var smoothedFlux: Double
        public var phase: PORHPhase

        public init(timeSeconds: Double, flux: Double, smoothedFlux: Double, phase: PORHPhase) {
            self.timeSeconds = timeSeconds
            self.flux = flux
            self.smoothedFlux = smoothedFlux
            self.phase = phase
        }
    }

    /// The analysed flux, its smoothing and the phase of every sample, and the time axis: kept as
    /// columns (a 1000 Hz recording has millions of samples), made into rows on demand.
    private let flux: [Double], smoothedFlux: [Double], phases: [PORHPhase]
    private let sampleRateHz: Double, timeOriginSeconds: Double

    /// Samples in the trace.
    public var count: Int { flux.count }

    /// Every sample as a row (all at once; `appendRows(_:to:)` makes them a range at a time).
    public var rows: [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(count)
        appendRows(0..<count, to: &rows)
        return rows
    }

    /// Appends the rows of the samples in `range` (within 0 ..< `count`) to `rows`.
    public func appendRows(_ range: Range<Int>, to rows: inout [Row]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "rows \(range) of a trace of \(count)")
        for i in range {
            // Recording.fileTime of the sample's offset, as the analysis reports times.
            rows.append(Row(timeSeconds: Double(i) / sampleRateHz + timeOriginSeconds, flux: flux[i],
                            smoothedFlux: smoothedFlux[i], phase: phases[i]))
        }
    }

    /// Annotates `recording` with the phases of `result` (from `PORHAnalysis.analyze`).
    /// The flux is the analysed one (after the artifact filter, when the options have one).
    public init(recording: Recording, result: PORHRecordingResult) throws {
        let flux = try PORHAnalysis.filtered(recording, options: result.options).0.perfusion.values
        let smooth = PORHAnalysis.smoothed(flux, rateHz: recording.sampleRateHz, options: result.options)
        self.init(recording: recording, flux: flux, smoothedFlux: smooth, result: result)
    }

    /// The trace of `recording`'s analysed `flux` and its `smoothedFlux` (one value per sample).
    init(recording: Recording, flux: [Double], smoothedFlux smooth: [Double], result: PORHRecordingResult) {
        let rate = recording.sampleRateHz
        var phases = [PORHPhase](repeating: .unassigned, count: flux.count)
        func mark(_ window: TimeWindow?, _ phase: PORHPhase) {
            guard let window else { return }
            let lo = max(0, Int((recording.offset(fromFileTime: window.startSeconds) * rate).rounded(.up)))
            let hi = min(flux.count, Int((recording.offset(fromFileTime: window.endSeconds) * rate).rounded(.up)))
            if lo < hi { for i in lo..<hi { phases[i] = phase } }
        }
        for occlusion in result.occlusions {
            let w = occlusion.windows
            let reperfusionEnd = w.returnSeconds ?? w.peakSearch?.endSeconds ?? w.recovery.startSeconds
            mark(w.recovery, .recovery)
            mark(TimeWindow(startSeconds: w.recovery.startSeconds, endSeconds: reperfusionEnd), .reperfusion)
            mark(w.rest, .rest)
            mark(TimeWindow(startSeconds: occlusion.timing.startSeconds, endSeconds: occlusion.timing.releaseSeconds), .occlusion)
        }
        self.flux = flux
        smoothedFlux = smooth
        self.phases = phases
        sampleRateHz = rate
        timeOriginSeconds = recording.timeOriginSeconds
    }
}
