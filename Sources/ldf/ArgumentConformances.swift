import ArgumentParser
import LDFCore
import LDFIO
import LDFSpectral
import LDFStudy

// Library enums the command line accepts by their raw values. Declared once here for all
// subcommands (a second conformance elsewhere would not compile).
extension ReaderKind: ExpressibleByArgument {}
extension TissueSite: ExpressibleByArgument {}
extension BandPreset: ExpressibleByArgument {}
extension SpectralMethod: ExpressibleByArgument {}
extension WaveletKind: ExpressibleByArgument {}
extension Padding: ExpressibleByArgument {}
extension ConeOfInfluenceRule: ExpressibleByArgument {}
extension SurrogateKind: ExpressibleByArgument {}
extension SignificanceTest: ExpressibleByArgument {}
extension PValueAdjustment: ExpressibleByArgument {}
