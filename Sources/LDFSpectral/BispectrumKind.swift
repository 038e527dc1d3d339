import LDFCore

/// Which signals give the three wavelet factors of a wavelet bispectrum
/// B(f1, f2) = < W_a(f1, t) W_b(f2, t) conj(W_b(f1 + f2, t)) >_t (MODA's `bispecWavNew`, whose
/// names these are): the first digit names the signal of W(f1), the other two the signal of W(f2)
/// and of W(f1 + f2).
public enum BispectrumKind: String, Sendable, Codable, CaseIterable {
    /// Auto-bispectrum of the first signal.
    case b111 = "111"
    /// Auto-bispectrum of the second signal.
    case b222 = "222"
    /// W1(f1) of the first signal with W2(f2), W2(f1 + f2) of the second.
    case b122 = "122"
    /// W2(f1) of the second signal with W1(f2), W1(f1 + f2) of the first.
    case b211 = "211"

    /// Index (0 = first signal, 1 = second) of the signal giving W(f1), and of the one giving
    /// W(f2) and W(f1 + f2).
    var sources: (first: Int, second: Int) {
        switch self {
        case .b111: (0, 0)
        case .b222: (1, 1)
        case .b122: (0, 1)
        case .b211: (1, 0)
        }
    }

    /// Auto-bispectra are symmetric in (f1, f2): only f1 <= f2 is computed, as in MODA.
    public var isAuto: Bool { self == .b111 || self == .b222 }

    /// Whether the kind needs a second signal.
    public var needsSecondSignal: Bool { self != .b111 }
}

/// A frequency pair (f1, f2) in Hz at which the biamplitude and biphase are followed over time.
public struct FrequencyPair: Sendable, Equatable, Codable {
    public var f1Hz: Double
    public var f2Hz: Double

    public init(f1Hz: Double, f2Hz: Double) {
        self.f1Hz = f1Hz
        self.f2Hz = f2Hz
    }

    /// Parses "F1,F2" (Hz), e.g. "0.1,0.25".
    /// - Throws: `LDFError` naming `option` when the text is not two positive numbers.
    public init(parsing text: String, option: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let f1 = parts[0], let f2 = parts[1], f1 > 0, f2 > 0, f1.isFinite, f2.isFinite else {
            throw LDFError(option, "'\(text)' is not two positive frequencies in Hz", fix: "give F1,F2, e.g. \(option) 0.1,0.25")
        }
        self.init(f1Hz: f1, f2Hz: f2)
    }
}
