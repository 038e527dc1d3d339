import LDFCore

/// Every setting of an iontophoresis analysis (docs/METHODS.md §21); recorded in outputs. Times
/// in seconds; `pulses` on the file's own axis.
public struct IontophoresisOptions: Sendable, Codable, Equatable {
    /// Pulses given by the user; nil to read them from the file's marks.
    public var pulses: DoseSchedule?
    /// Current of every pulse, mA: a pulse's charge is current × duration when not given.
    public var currentMilliamps: Double?
    /// Which channel carries which drug; nil to read drugs from channel names and events.
    public var drugs: DrugAssignment?
    /// Rest: mean and SD of the flux over this window before the first pulse (default 120 s).
    public var restWindowSeconds = 120.0
    /// Plateau: mean flux over this window at the end of each dose's interval (default 30 s, the
    /// second half of the usual 1-min current-free gap).
    public var plateauWindowSeconds = 30.0
    /// Centred moving-mean length of the flux for the maximum, response and recovery (default 5 s).
    public var smoothingSeconds = 5.0
    /// k of the response threshold reference + k·SD(rest) (default 2).
    public var thresholdSD = 2.0
    /// How long the smoothed flux must stay beyond a threshold to count, s (default 10).
    public var sustainSeconds = 10.0

    public init() {}

    /// Least rest before the first pulse, s.
    public static let shortestRestSeconds = 10.0
    /// Interval after the last pulse when there is no earlier gap to copy, s (the usual 1-min gap).
    public static let defaultGapSeconds = 60.0

    /// Checks the settings; errors name the parameter, its value and the rule.
    public func validate() throws {
        for (value, name) in [(restWindowSeconds, "restWindow"), (plateauWindowSeconds, "plateauWindow"),
                              (smoothingSeconds, "smoothing"), (sustainSeconds, "sustain")] where !(value > 0 && value.isFinite) {
            throw LDFError("\(parameter: name)", "\(value) s is not a positive length", fix: "e.g. \(parameter: name) 30")
        }
        guard thresholdSD >= 0, thresholdSD.isFinite else {
            throw LDFError("\(parameter: "thresholdSd")", "\(thresholdSD) must be a non-negative number of SDs", fix: "e.g. \(parameter: "thresholdSd") 2")
        }
        if let currentMilliamps, !(currentMilliamps > 0 && currentMilliamps.isFinite) {
            throw LDFError("\(parameter: "current")", "\(currentMilliamps) mA is not a positive current", fix: "e.g. \(parameter: "current") 0.1")
        }
        if let pulses {
            for i in pulses.doses.indices.dropFirst() where pulses.doses[i].startSeconds < pulses.doses[i - 1].stopSeconds {
                let a = pulses.doses[i - 1], b = pulses.doses[i]
                throw LDFError("\(parameter: "pulses")", "the pulse at \(MessageNumber.short(b.startSeconds)) s starts before the pulse at "
                               + "\(MessageNumber.short(a.startSeconds)) s stops (\(MessageNumber.short(a.stopSeconds)) s): doses overlap",
                               fix: "give each pulse after the previous one has stopped")
            }
        }
    }
}
