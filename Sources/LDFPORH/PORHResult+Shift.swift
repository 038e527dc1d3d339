import LDFCore

extension PORHOcclusionResult {
    /// The same result with every time stamp moved by `offset` seconds (occlusion start and
    /// release, peak time, windows, return, reperfusion segment). Durations are unchanged. Used
    /// to put results on the file's own axis, and when a stretch cut from a stream was analysed on
    /// its own time base.
    public func shifted(by offset: Double) -> PORHOcclusionResult {
        func move(_ w: TimeWindow) -> TimeWindow {
            TimeWindow(startSeconds: w.startSeconds + offset, endSeconds: w.endSeconds + offset)
        }
        var copy = self
        copy.timing.startSeconds += offset
        copy.timing.releaseSeconds += offset
        for i in copy.parameters.indices where copy.parameters[i].key == .peakTime {
            if let v = copy.parameters[i].value { copy.parameters[i].value = v + offset }
        }
        copy.windows.rest = windows.rest.map(move)
        copy.windows.biologicalZero = windows.biologicalZero.map(move)
        copy.windows.peakSearch = windows.peakSearch.map(move)
        copy.windows.plateau = windows.plateau.map(move)
        copy.windows.recovery = move(windows.recovery)
        copy.windows.returnSeconds = windows.returnSeconds.map { $0 + offset }
        copy.reperfusionFlowmotion?.segment = move(reperfusionFlowmotion?.segment ?? windows.recovery)
        if reperfusionFlowmotion == nil { copy.reperfusionFlowmotion = nil }
        return copy
    }
}
