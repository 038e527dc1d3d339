import LDFCore
import LDFSpectral

/// Which source times the occlusions when the user gives none.
public enum TimingPreference: String, Sendable, Codable, CaseIterable {
    /// The most trusted source available: events, then a cuff-pressure channel, then the flux.
    case auto
    /// Only occlusion start/release events in the file.
    case events
    /// Only the cuff-pressure channel.
    case pressure
    /// Only the flux (automatic detection from the recording's own levels).
    case flux
}

/// Every setting that shapes a PORH analysis; recorded in outputs. Times in seconds.
///
/// `init(site:)` fills site defaults (see `PORHOptions.defaults(for:)`); change any field after.
public struct PORHOptions: Sendable, Codable, Equatable {
    /// Probe site: sets the defaults below and is recorded; no result depends on it otherwise.
    public var site: TissueSite
    /// How occlusions are timed when `occlusions` is empty.
    public var timing: TimingPreference
    /// Occlusions given by the user; when not empty they are used as they are (source `user`).
    public var occlusions: [OcclusionInterval]
    /// Rest flux: mean over this window before the start (docs/METHODS.md §7.1: 1-5 min; default 120 s).
    public var restWindowSeconds: Double
    /// Biological zero: mean over this window before release (30-60 s; default 30 s, 60 s on
    /// forearm and calf), shortened to half the occlusion for short occlusions.
    public var biologicalZeroWindowSeconds: Double
    /// Centred moving-mean length for the peak, recovery times and returns (1-3 s; default 2 s,
    /// 3 s on forearm and calf where flux is low and noisy).
    public var smoothingSeconds: Double
    /// Centred moving-mean length for finding the return to rest flux (default 10 s): near the
    /// return the flux changes slowly, so a longer mean removes noise without shifting the crossing.
    public var returnSmoothingSeconds: Double
    /// Post-occlusive plateau: mean over the last part of the recovery of this length (default 60 s).
    public var plateauWindowSeconds: Double
    /// The peak is searched from release to release + this (default 60 s).
    public var peakSearchSeconds: Double
    /// Usual occlusion length at the site (finger pad, hallux, thenar 180 s; forearm, calf 300 s);
    /// used only to warn when a found occlusion is far from it.
    public var expectedOcclusionSeconds: Double
    /// Shorter occlusions are rejected (default 20 s).
    public var minimumOcclusionSeconds: Double
    /// Subtract the biological zero from every flux level (areas are unchanged).
    public var subtractBiologicalZero: Bool
    /// Mean arterial pressure in mmHg for CVC = flux / MAP; nil skips CVC.
    public var meanArterialPressureMmHg: Double?
    /// Maximal cutaneous vascular conductance in flux/mmHg (CVC units), measured separately by the
    /// user (e.g. the plateau of local heating to 43-44 °C, docs/METHODS.md §7.3); nil skips %CVCmax.
    /// The PORH peak is not a maximum, so the toolkit never takes one from the recording itself.
    public var maximumCVC: Double?
    /// Hampel filter for motion spikes, applied to the flux before anything else; nil (the default)
    /// for none. Use a short window (about 2 s): the published 20 s window (docs/METHODS.md §4.2) would
    /// treat the first seconds after the occlusion's sharp edges as outliers and move them.
    public var artifactFilter: HampelOptions?
    /// The Hampel window suited to PORH, in seconds (see `artifactFilter`).
    public static let artifactWindowSeconds = 2.0
    /// Bands for the flowmotion of the reperfusion segment after removing the transient
    /// (`ReperfusionFlowmotion`); nil (the default) skips that wavelet analysis.
    public var reperfusionBands: BandSet?
    /// The band validity rule of the reperfusion bands (docs/METHODS.md §5.4; default rule).
    public var reperfusionValidity: BandValidityRule

    public init(site: TissueSite = .other) {
        let d = Self.defaults(for: site)
        self.site = site
        timing = .auto
        occlusions = []
        restWindowSeconds = d.restWindowSeconds
        biologicalZeroWindowSeconds = d.biologicalZeroWindowSeconds
        smoothingSeconds = d.smoothingSeconds
        returnSmoothingSeconds = 10
        plateauWindowSeconds = 60
        peakSearchSeconds = 60
        expectedOcclusionSeconds = d.expectedOcclusionSeconds
        minimumOcclusionSeconds = 20
        subtractBiologicalZero = false
        meanArterialPressureMmHg = nil
        maximumCVC = nil
        artifactFilter = nil
        reperfusionBands = nil
        reperfusionValidity = BandValidityRule()
    }

    /// Site defaults. Glabrous sites (finger pad, hallux, thenar) have high flux and are usually
    /// occluded for 3 min; hairy skin (forearm, calf) has low, noisier flux, a longer biological-zero
    /// window and smoothing, and 5 min occlusions (Roustit & Cracowski 2012; Cracowski et al. 2006).
    public static func defaults(for site: TissueSite) -> SiteDefaults {
        switch site {
        case .forearm, .calf:
            SiteDefaults(restWindowSeconds: 120, biologicalZeroWindowSeconds: 60, smoothingSeconds: 3,
                         expectedOcclusionSeconds: 300)
        case .fingerPad, .hallux, .thenar, .other:
            SiteDefaults(restWindowSeconds: 120, biologicalZeroWindowSeconds: 30, smoothingSeconds: 2,
                         expectedOcclusionSeconds: 180)
        }
    }

    /// The per-site part of the defaults.
    public struct SiteDefaults: Sendable, Equatable {
        public var restWindowSeconds: Double
        public var biologicalZeroWindowSeconds: Double
        public var smoothingSeconds: Double
        public var expectedOcclusionSeconds: Double
    }

    /// Checks every setting; errors name the CLI option.
    public func validate() throws {
        func positive(_ value: Double, _ option: String, max: Double, example: String) throws {
            guard value.isFinite, value > 0, value <= max else {
                throw LDFError(option, "\(value) s must be positive and at most \(max) s", fix: "e.g. \(option) \(example)")
            }
        }
        try positive(restWindowSeconds, "\(parameter: "restWindow")", max: 600, example: "120")
        try positive(biologicalZeroWindowSeconds, "\(parameter: "bzWindow")", max: 300, example: "30")
        try positive(smoothingSeconds, "\(parameter: "smoothing")", max: 10, example: "2")
        try positive(returnSmoothingSeconds, "\(parameter: "returnSmoothing")", max: 60, example: "10")
        try positive(plateauWindowSeconds, "\(parameter: "plateauWindow")", max: 600, example: "60")
        try positive(peakSearchSeconds, "\(parameter: "peakSearch")", max: 600, example: "60")
        try positive(minimumOcclusionSeconds, "\(parameter: "minOcclusion")", max: 3600, example: "20")
        if let map = meanArterialPressureMmHg, !(map.isFinite && map > 0 && map < 300) {
            throw LDFError("\(parameter: "map")", "mean arterial pressure \(map) mmHg is not plausible (0-300)", fix: "e.g. \(parameter: "map") 93")
        }
        if let cvcMax = maximumCVC, !(cvcMax.isFinite && cvcMax > 0) {
            throw LDFError("\(parameter: "cvcMax")", "maximal CVC \(cvcMax) must be positive (flux/mmHg)", fix: "e.g. \(parameter: "cvcMax") 3.5")
        }
        try artifactFilter?.validate()
        try OcclusionInterval.validate(occlusions, minimumSeconds: minimumOcclusionSeconds)
    }
}
