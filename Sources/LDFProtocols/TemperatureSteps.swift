import LDFCore
import LDFPORH

/// The heating steps a probe temperature shows (docs/METHODS.md §18.2): the onset (a sustained rise
/// of at least `onsetRiseC` above the starting temperature, its corner placed by `HingeFit`), the
/// first set-point it settles at, and a later step of at least `stepRiseC` above that (the
/// maximum step). Times in seconds from the first sample, temperatures in °C.
public struct TemperatureSteps: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        /// Where the rise starts.
        public var startSeconds: Double
        /// Temperature before it, °C.
        public var fromC: Double
        /// Rate of the rise, °C/s.
        public var rateCPerSecond: Double
    }

    public var onset: Step?
    /// Temperature the probe settles at after the onset (median of 60 s once it stops rising).
    public var setPointC: Double?
    public var maximumStep: Step?
    /// Temperature it settles at after the maximum step.
    public var maximumSetPointC: Double?
    /// What the channel showed: its range and its largest rise within 60 s, for messages.
    public var rangeC: ClosedRange<Double>?
    public var largestRiseIn60sC: Double

    /// Rise above the starting temperature that marks heating, °C.
    public static let onsetRiseC = 1.0
    /// Rise above the first set-point that marks the maximum step, °C.
    public static let stepRiseC = 0.5
    /// Moving-mean length of the temperature for finding rises, s.
    static let smoothingSeconds = 5.0
    /// How long a rise must hold, s.
    static let sustainSeconds = 30.0
    /// How far before a rise's crossing the corner is searched, s.
    static let cornerSearchSeconds = 300.0

    /// Finds the steps of `celsius` sampled at `rateHz`.
    public init(celsius: [Double], rateHz: Double) {
        let smooth = MovingMean.centred(celsius, halfWidth: MovingMean.halfWidth(seconds: Self.smoothingSeconds, rateHz: rateHz))
        let finite = smooth.filter(\.isFinite)
        rangeC = finite.isEmpty ? nil : finite.min()!...finite.max()!
        let lag = max(1, Int((60 * rateHz).rounded()))
        var largest = 0.0
        for i in smooth.indices.dropFirst(lag) where smooth[i].isFinite && smooth[i - lag].isFinite {
            largest = max(largest, smooth[i] - smooth[i - lag])
        }
        largestRiseIn60sC = largest
        let scan = StepScan(raw: celsius, smooth: smooth, rateHz: rateHz)
        let startWindow = max(1, Int((Self.sustainSeconds * rateHz).rounded()))
        guard let start = scan.median(0..<min(smooth.count, startWindow)),
              let onset = scan.rise(from: 0, above: start + Self.onsetRiseC, level: start) else { return }
        self.onset = onset.step
        guard let settled = scan.settle(after: onset.crossing), let setPoint = scan.median(settled..<min(smooth.count, settled + lag)) else { return }
        setPointC = setPoint
        guard let step = scan.rise(from: settled, above: setPoint + Self.stepRiseC, level: setPoint) else { return }
        maximumStep = step.step
        if let again = scan.settle(after: step.crossing) { maximumSetPointC = scan.median(again..<min(smooth.count, again + lag)) }
    }
}

/// The searches of `TemperatureSteps` over one channel.
struct StepScan {
    let raw: [Double]
    let smooth: [Double]
    let rateHz: Double

    func samples(_ seconds: Double) -> Int { max(1, Int((seconds * rateHz).rounded())) }

    func median(_ range: Range<Int>) -> Double? {
        let v = range.map { smooth[$0] }.filter(\.isFinite).sorted()
        return v.isEmpty ? nil : v[v.count / 2]
    }

    /// The first crossing after `from` of `threshold` that the smoothed temperature holds (above
    /// halfway from `level`) for `TemperatureSteps.sustainSeconds`, with its corner.
    func rise(from: Int, above threshold: Double, level: Double) -> (step: TemperatureSteps.Step, crossing: Int)? {
        let hold = samples(TemperatureSteps.sustainSeconds)
        let floor = (threshold + level) / 2
        var i = from
        while i < smooth.count {
            if smooth[i].isFinite, smooth[i] >= threshold {
                let end = min(smooth.count, i + hold)
                if (i..<end).allSatisfy({ !smooth[$0].isFinite || smooth[$0] >= floor }) {
                    let lo = max(from, i - samples(TemperatureSteps.cornerSearchSeconds))
                    guard let fit = HingeFit(raw, rateHz: rateHz, range: lo..<(i + 1)) else { return nil }
                    return (TemperatureSteps.Step(startSeconds: fit.cornerSeconds, fromC: fit.level, rateCPerSecond: fit.slopePerSecond), i)
                }
            }
            i += 1
        }
        return nil
    }

    /// The first sample after `index` from which the smoothed temperature changes by less than
    /// 0.2 °C over the next 60 s.
    func settle(after index: Int) -> Int? {
        let span = samples(60)
        var i = index
        while i + span < smooth.count {
            if smooth[i].isFinite, smooth[i + span].isFinite, abs(smooth[i + span] - smooth[i]) < 0.2 { return i }
            i += max(1, span / 60)
        }
        return nil
    }
}
