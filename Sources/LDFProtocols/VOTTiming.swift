import LDFCore
import LDFPORH

/// Times the occlusions of a vascular occlusion test from the same sources as PORH, in order of
/// trust (docs/METHODS.md §22.2): the user's intervals, occlusion events in the file, a
/// cuff-pressure channel (`OcclusionDetector`), then the saturation itself (`VOTOcclusionDetector`,
/// in place of PORH's flux detection, since StO2 falls slowly and partly where flux drops at once).
enum VOTTiming {
    /// PORH's check of marks against the flux (a fall of 20 % between them, a rise within 20 s of
    /// the release) does not hold for a saturation, which falls slowly and rises over 10-30 s.
    static let fluxOnlyCodes: Set<String> = ["marks_contradict_flux"]

    static func find(in recording: Recording, options: VOTOptions) throws -> OcclusionSearch {
        var found = try search(recording, options: options)
        found.diagnostics.removeAll { fluxOnlyCodes.contains($0.code) }
        return found
    }

    static func search(_ recording: Recording, options: VOTOptions) throws -> OcclusionSearch {
        if !options.occlusions.isEmpty || options.timing == .events || options.timing == .pressure {
            return try OcclusionDetector.find(in: recording, options: options.occlusionTimingOptions(options.timing))
        }
        if options.timing == .flux { return try VOTOcclusionDetector.find(in: recording, minimumSeconds: options.minimumOcclusionSeconds) }
        var notes: [Diagnostic] = []
        let sources: [(TimingPreference, Bool, String)] = [
            (.events, recording.events.contains { $0.kind == .occlusionStart || $0.kind == .occlusionRelease }, "occlusion events"),
            (.pressure, recording.channel(ofKind: .pressure) != nil, "cuff-pressure channel"),
        ]
        for (preference, present, name) in sources where present {
            do {
                var found = try OcclusionDetector.find(in: recording, options: options.occlusionTimingOptions(preference))
                found.diagnostics.insert(contentsOf: notes, at: 0)
                return found
            } catch let error as LDFError where !error.message.contains("ends during") {
                notes.append(.warning("\(preference.rawValue)_unusable", "\(name) not used: \(error.message)"))
            }
        }
        var found = try VOTOcclusionDetector.find(in: recording, minimumSeconds: options.minimumOcclusionSeconds)
        found.diagnostics.insert(contentsOf: notes, at: 0)
        return found
    }
}
