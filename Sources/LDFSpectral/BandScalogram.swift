import LDFCore

/// A decimated wavelet scalogram of the analysed stretch with its cone of influence, for plots.
///
/// Amplitudes are computed everywhere (edges included) so a plot can show the whole picture and
/// shade the cone; `isInsideCone` and the per-frequency cone limits say which values are free of
/// edge effects (under the analysis' cone rule). Only the decimated grid is held, never the full
/// time-frequency matrix.
public struct BandScalogram: Sendable {
    /// |W| per frequency and decimated time (times from the start of the analysed stretch).
    public var scalogram: WaveletScalogram
    /// Start of the analysed stretch on the recording's own time axis, in seconds (add it to the
    /// scalogram's times).
    public var startSeconds: Double
    /// Per frequency, the first and last time in seconds (from the stretch start) inside the cone of
    /// influence; nil where no coefficient of that frequency is inside.
    public var coneStartSeconds: [Double?]
    public var coneEndSeconds: [Double?]

    init(_ input: BandAnalysisInput, transform: WaveletTransform, timeStepSeconds: Double) throws {
        guard timeStepSeconds > 0, timeStepSeconds.isFinite else {
            throw LDFError("\(parameter: "scalogramStep")", "\(timeStepSeconds) s must be positive", fix: "e.g. \(parameter: "scalogramStep") 1")
        }
        scalogram = try transform.scalogram(of: input.values, timeStepSeconds: timeStepSeconds, includeEdges: true)
        startSeconds = input.timeOriginSeconds + input.startSeconds
        let ranges = transform.frequenciesHz.indices.map { transform.cone.validRange($0) }
        coneStartSeconds = ranges.map { $0.isEmpty ? nil : Double($0.lowerBound) / input.sampleRateHz }
        coneEndSeconds = ranges.map { $0.isEmpty ? nil : Double($0.upperBound - 1) / input.sampleRateHz }
    }

    /// Whether the value at frequency row `frequencyIndex` and time column `timeIndex` lies inside
    /// the cone of influence.
    public func isInsideCone(frequencyIndex: Int, timeIndex: Int) -> Bool {
        guard let start = coneStartSeconds[frequencyIndex], let end = coneEndSeconds[frequencyIndex] else { return false }
        let t = scalogram.timesSeconds[timeIndex]
        return t >= start - 1e-9 && t <= end + 1e-9
    }
}
