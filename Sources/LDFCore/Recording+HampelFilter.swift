extension Recording {
    /// This recording with its perfusion channel passed through a Hampel filter (docs/METHODS.md
    /// §4.2), on the recording's own grid, and an info note of how many samples were replaced.
    /// Used by the time-domain protocols (PORH, local heating) before they measure anything.
    public func perfusionFiltered(_ options: HampelOptions) throws -> (recording: Recording, note: Diagnostic) {
        let result = try HampelFilter(options: options).apply(perfusion.values, sampleRateHz: sampleRateHz)
        var copy = self
        copy.channels[perfusionChannelIndex].values = result.values
        let percent = (result.replacedPercent * 100).rounded() / 100
        let note = Diagnostic.info("hampel", "Hampel filter (\(options.windowSeconds) s window, \(options.threshold) scaled MADs) "
                                   + "replaced \(result.replacedCount) samples (\(percent)%)")
        return (copy, note)
    }
}
