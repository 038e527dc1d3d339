import LDFCore

/// A one-sided Welch power spectral density (see `WelchEstimator`).
public struct WelchSpectrum: Sendable, Equatable {
    /// Bin frequencies in Hz: k * fs / segmentLength, k = 0 ... segmentLength / 2.
    public var frequenciesHz: [Double]
    /// Power spectral density per bin, in the signal's unit squared per Hz.
    public var density: [Double]
    public var sampleRateHz: Double
    /// Samples per segment and shared between consecutive segments.
    public var segmentLength: Int
    public var overlapLength: Int
    /// Segments averaged.
    public var segmentCount: Int

    public init(frequenciesHz: [Double], density: [Double], sampleRateHz: Double,
                segmentLength: Int, overlapLength: Int, segmentCount: Int) {
        precondition(frequenciesHz.count == density.count, "one density value per frequency")
        self.frequenciesHz = frequenciesHz
        self.density = density
        self.sampleRateHz = sampleRateHz
        self.segmentLength = segmentLength
        self.overlapLength = overlapLength
        self.segmentCount = segmentCount
    }

    /// Bin spacing (frequency resolution) in Hz, fs / segmentLength.
    public var resolutionHz: Double { sampleRateHz / Double(segmentLength) }
    /// Segment length in seconds.
    public var segmentSeconds: Double { Double(segmentLength) / sampleRateHz }

    /// Indices of the bins with `lowHz <= f < highHz` (the band rule of `Band.contains`).
    public func bins(from lowHz: Double, below highHz: Double) -> [Int] {
        frequenciesHz.indices.filter { frequenciesHz[$0] >= lowHz && frequenciesHz[$0] < highHz }
    }

    /// Power in `band`, unit^2: the rectangle-rule integral of the density, sum of density * df
    /// over the bins with `lowHz <= f < highHz`. For a sine of amplitude a well inside the band
    /// this is a^2 / 2; over all bins it is the mean windowed variance of the segments. Zero when
    /// no bin falls in the band (`bins(from:below:)` tells whether any does).
    public func power(in band: Band) -> Double {
        bins(from: band.lowHz, below: band.highHz).reduce(0) { $0 + density[$1] } * resolutionHz
    }
}
