import LDFCore

extension WaveletTransform {
    /// The shortest signal accepted, in samples (the cubic detrend and the padding need a few).
    public static let minimumSampleCount = 16

    /// Checks the options and the signal length at the boundary (messages name the parameter,
    /// the rule and a fix).
    static func validate(sampleCount: Int, sampleRateHz: Double, options: WaveletOptions) throws {
        guard sampleRateHz.isFinite && sampleRateHz > 0 else {
            throw LDFError("sample rate", "\(sampleRateHz) Hz is not a positive finite rate",
                           fix: "give the sampling rate in Hz, e.g. \(parameter: "rate") 40")
        }
        guard options.fminHz.isFinite && options.fminHz > 0 else {
            throw LDFError("fmin", "\(options.fminHz) Hz must be positive and finite", fix: "use e.g. 0.005 Hz")
        }
        guard options.fmaxHz.isFinite && options.fminHz < options.fmaxHz else {
            throw LDFError("fmin/fmax", "fmin \(options.fminHz) Hz must be below fmax \(options.fmaxHz) Hz",
                           fix: "swap them or choose a wider range, e.g. 0.005 to 2 Hz")
        }
        let nyquist = sampleRateHz / 2
        guard options.fmaxHz <= nyquist else {
            throw LDFError("fmax", "\(options.fmaxHz) Hz is above the Nyquist frequency \(nyquist) Hz of a \(sampleRateHz) Hz signal",
                           fix: "use fmax <= \(nyquist) Hz or a signal sampled faster")
        }
        guard options.f0.isFinite && options.f0 > 0 else {
            throw LDFError("f0", "wavelet resolution \(options.f0) must be positive", fix: "use the default f0 = 1")
        }
        if options.transform == .wft {
            guard options.voices == nil else {
                throw LDFError("voices", "voices per octave apply to the wavelet transform; the WFT's frequency step is MODA's automatic one",
                               fix: "omit the voices for the windowed Fourier transform")
            }
            guard options.coneRule == .moda else {
                throw LDFError("cone", "the \(options.coneRule.rawValue) rule is defined for the Morlet wavelet; the WFT's cone is MODA's",
                               fix: "use the moda cone with the windowed Fourier transform")
            }
        }
        if let voices = options.voices, voices < 1 {
            throw LDFError("voices", "\(voices) voices per octave; at least 1 is needed",
                           fix: "omit it for MODA's automatic choice (31 for the Morlet, f0 = 1)")
        }
        guard sampleCount >= minimumSampleCount else {
            throw LDFError("signal", "\(sampleCount) samples is too short for a wavelet transform (at least \(minimumSampleCount))",
                           fix: "analyse a longer recording")
        }
    }

    /// Checks that `signal` has the planned length and no NaN or infinite sample.
    func checkSignal(_ signal: [Double]) throws {
        guard signal.count == sampleCount else {
            throw LDFError("signal", "\(signal.count) samples given to a transform set up for \(sampleCount)",
                           fix: "build a WaveletTransform for this length")
        }
        if let bad = signal.firstIndex(where: { !$0.isFinite }) {
            let seconds = Double(bad) / sampleRateHz
            throw LDFError("signal", "sample \(bad) (t = \(seconds) s) is \(signal[bad].isNaN ? "NaN" : "infinite"); the wavelet transform needs a gap-free signal",
                           fix: "bridge short gaps (\(parameter: "maxBridge")) or analyse the segments between gaps separately")
        }
    }
}
