import LDFCore

/// MODA's band-pass filtering for phase extraction (`loop_butter`, V. Ticcinelli): zero-phase
/// Butterworth band-pass filters (`ButterworthBandPass`, `filtfilt`) of rising prototype order
/// n = 2, 3, ... until the output's maximum exceeds 10 x the input's (the transfer-function form
/// has become unstable); the filter of the order before that is used. So the filter is as sharp
/// as the numerics allow, for the band and sampling rate at hand.
public struct MODABandPass: Sendable, Equatable {
    /// The filtered signal.
    public var values: [Double]
    /// The prototype order used (MODA's `or`; the filter's order is twice it). 1 when already
    /// order 2 blows up.
    public var order: Int

    /// Highest prototype order tried (each order's filter has 2n + 1 coefficients).
    public static let maximumOrder = 40

    /// Filters `signal` to `lowHz`–`highHz`.
    /// - Throws: `LDFError` for a band outside 0 ... fs / 2 or a signal too short for the filter.
    public init(_ signal: [Double], lowHz: Double, highHz: Double, sampleRateHz: Double) throws {
        let peak = signal.max() ?? 0
        var order = 1
        var output = signal
        while (output.max() ?? 0) < 10 * peak && order < Self.maximumOrder {
            order += 1
            let filter = try ButterworthBandPass(order: order, lowHz: lowHz, highHz: highHz, sampleRateHz: sampleRateHz)
            guard signal.count > 3 * 2 * order else { break }
            output = try filter.filtfilt(signal)
            if output.contains(where: { !$0.isFinite }) { break }
        }
        order = max(1, order - 1)
        self.order = order
        values = try ButterworthBandPass(order: order, lowHz: lowHz, highHz: highHz, sampleRateHz: sampleRateHz).filtfilt(signal)
    }
}
