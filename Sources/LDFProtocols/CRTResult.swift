import LDFCore

/// One press: its release, the fit after it and the capillary refill time, or the reason there is
/// none (docs/METHODS.md §23). Times on the file's axis, s.
public struct CRTPress: Sendable, Equatable {
    /// 1, 2, ... in time order.
    public var number: Int
    public var release: CRTRelease
    /// Time of the last sample fitted; nil when no fit was made.
    public var fitEndSeconds: Double?
    /// How the fit's end was chosen ("divergence peak", "given", ...); nil without a fit.
    public var fitEndRule: String?
    /// Samples in the fit (or in the segment when the fit failed).
    public var points: Int
    /// The fit of the oriented signal (sign × value, falling during refill): amplitude and offset in
    /// the oriented unit, rate in 1/s.
    public var fit: ExponentialDecayFit?
    /// CRT = -1/b, s.
    public var crtSeconds: Double?
    /// Half-width of the 95 % interval of the CRT, 2·CRT·σ_b/|b| (delta method), s.
    public var crtUncertaintySeconds: Double?
    /// Why `crtSeconds` is missing.
    public var reason: String?

    /// The relative 95 % uncertainty, 2σ_b/|b|.
    public var relativeUncertainty: Double? { crtUncertaintySeconds.flatMap { u in crtSeconds.map { u / $0 } } }
}

/// Everything measured in one capillary-refill recording.
public struct CRTResult: Sendable {
    public var source: String
    public var channel: String
    public var unit: String
    /// Samples analysed and whether their stamps were the file's own uneven ones.
    public var sampleCount: Int
    public var irregularTimes: Bool
    /// Median interval between stamps, s.
    public var medianIntervalSeconds: Double
    public var presses: [CRTPress]
    public var options: CRTOptions
    public var diagnostics: [Diagnostic]

    /// Mean CRT over the presses that have one, s; nil when none has.
    public var meanCRTSeconds: Double? {
        let values = presses.compactMap(\.crtSeconds)
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
