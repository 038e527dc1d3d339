import LDFCore

/// MODA's band-pass filtering for phase extraction (`loop_butter`, V. Ticcinelli): zero-phase
/// Butterworth band-pass filtering (`ButterworthBandPass`) at the sharpest order the filter's
/// transfer-function form still computes correctly on this signal.
///
/// MODA raises the prototype order n = 2, 3, ... until the transfer-function filtfilt output's
/// maximum exceeds 10 x the input's, and uses the order before. That test misses instability that
/// has not yet grown tenfold within the signal: for 0.2-0.4 Hz at 10 Hz, MODA settles on order 7,
/// whose rounded transfer function has roots outside the unit circle (a 1e-15 change of its
/// coefficients changes the output by 1e75), so its phases there are rounding artefacts. The
/// toolkit keeps MODA's idea (the highest order before the transfer function fails) but tests the
/// failure against the exact response: an order fails when its transfer-function output strays
/// from the second-order-section output by more than `tolerance` of the peak. The chosen order is
/// then filtered in second-order sections, the true Butterworth response of that order.
///
/// Methods: docs/METHODS.md §10.
public struct MODABandPass: Sendable, Equatable {
    /// The filtered signal.
    public var values: [Double]
    /// The prototype order used (MODA's `or`; the filter's order is twice it).
    public var order: Int

    /// Highest prototype order tried, and the relative deviation at which an order fails.
    public static let maximumOrder = 40
    public static let tolerance = 1e-3

    /// Filters `signal` to `lowHz`–`highHz`.
    /// - Throws: `LDFError` for a band outside 0 ... fs / 2 or a signal too short for the filter.
    public init(_ signal: [Double], lowHz: Double, highHz: Double, sampleRateHz: Double) throws {
        var order = 1
        while order < Self.maximumOrder && 3 * 2 * (order + 1) < signal.count,
              try ButterworthBandPass(order: order + 1, lowHz: lowHz, highHz: highHz, sampleRateHz: sampleRateHz)
                .transferFunctionDeviation(signal) < Self.tolerance {
            order += 1
        }
        self.order = order
        values = try ButterworthBandPass(order: order, lowHz: lowHz, highHz: highHz, sampleRateHz: sampleRateHz).filtfilt(signal)
    }
}
